-- The evidence chain reads a problem's incidents many times over; reading them through the
-- incidents table costs a B-tree lookup per incident per pass (seconds at 100,000 incidents).
-- Each link therefore keeps a copy of the fields the chain needs, clustered by problem, and a
-- trigger keeps the copy in step with every write to incidents, in the same transaction.

ALTER TABLE problem_incidents ADD COLUMN store_id     INTEGER;
ALTER TABLE problem_incidents ADD COLUMN opened_at    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problem_incidents ADD COLUMN wait_minutes INTEGER;
ALTER TABLE problem_incidents ADD COLUMN cost_fen     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problem_incidents ADD COLUMN complaint    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problem_incidents ADD COLUMN customer_ref TEXT    NOT NULL DEFAULT '';
ALTER TABLE problem_incidents ADD COLUMN live         INTEGER NOT NULL DEFAULT 1;

UPDATE problem_incidents SET (store_id, opened_at, wait_minutes, cost_fen, complaint, customer_ref, live) =
    (SELECT i.store_id, i.opened_at, i.wait_minutes, i.cost_fen, i.complaint, i.customer_ref, i.deleted_at IS NULL
     FROM incidents i WHERE i.id = problem_incidents.incident_id);

CREATE TRIGGER incidents_problem_copy
AFTER UPDATE OF store_id, opened_at, wait_minutes, cost_fen, complaint, customer_ref, deleted_at ON incidents
BEGIN
    UPDATE problem_incidents SET store_id = NEW.store_id, opened_at = NEW.opened_at, wait_minutes = NEW.wait_minutes,
        cost_fen = NEW.cost_fen, complaint = NEW.complaint, customer_ref = NEW.customer_ref, live = NEW.deleted_at IS NULL
    WHERE incident_id = NEW.id;
END;

-- "Share of all complaints in the period" counts through this instead of every incident.
CREATE INDEX incidents_complaints ON incidents (opened_at) WHERE complaint = 1 AND deleted_at IS NULL;

-- Distinct customers of a problem, counted from the index alone.
CREATE INDEX problem_incidents_customer ON problem_incidents (problem_id, live, customer_ref);
