-- The board's pivot (department × problem type × month: count, wait, cost) kept as an aggregate
-- that triggers update inside the same transaction as every write to incidents, so reading it
-- costs the same for a thousand incidents or a million.
-- Months are in the workspace zone; its offset is stored beside the zone name.

INSERT INTO settings (key, value) VALUES ('pivot_offset_seconds', '28800');

CREATE TABLE incident_pivot (
    department_id INTEGER NOT NULL,  -- 0: not yet dispatched (triage)
    problem_type  TEXT    NOT NULL,
    month         TEXT    NOT NULL,  -- YYYY-MM
    count         INTEGER NOT NULL,
    wait_minutes  INTEGER NOT NULL,
    cost_fen      INTEGER NOT NULL,
    PRIMARY KEY (department_id, problem_type, month)
) WITHOUT ROWID;

CREATE TRIGGER incidents_pivot_insert AFTER INSERT ON incidents WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO incident_pivot (department_id, problem_type, month, count, wait_minutes, cost_fen)
    VALUES (coalesce(NEW.department_id, 0), NEW.problem_type,
            strftime('%Y-%m', NEW.opened_at / 1000 + (SELECT value FROM settings WHERE key = 'pivot_offset_seconds'), 'unixepoch'),
            1, coalesce(NEW.wait_minutes, 0), NEW.cost_fen)
    ON CONFLICT DO UPDATE SET count = count + 1,
                              wait_minutes = wait_minutes + excluded.wait_minutes,
                              cost_fen = cost_fen + excluded.cost_fen;
END;

CREATE TRIGGER incidents_pivot_remove_old
AFTER UPDATE OF department_id, problem_type, opened_at, wait_minutes, cost_fen, deleted_at ON incidents
WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE incident_pivot SET count = count - 1,
                              wait_minutes = wait_minutes - coalesce(OLD.wait_minutes, 0),
                              cost_fen = cost_fen - OLD.cost_fen
    WHERE department_id = coalesce(OLD.department_id, 0) AND problem_type = OLD.problem_type
      AND month = strftime('%Y-%m', OLD.opened_at / 1000 + (SELECT value FROM settings WHERE key = 'pivot_offset_seconds'), 'unixepoch');
    DELETE FROM incident_pivot WHERE count = 0;
END;

CREATE TRIGGER incidents_pivot_add_new
AFTER UPDATE OF department_id, problem_type, opened_at, wait_minutes, cost_fen, deleted_at ON incidents
WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO incident_pivot (department_id, problem_type, month, count, wait_minutes, cost_fen)
    VALUES (coalesce(NEW.department_id, 0), NEW.problem_type,
            strftime('%Y-%m', NEW.opened_at / 1000 + (SELECT value FROM settings WHERE key = 'pivot_offset_seconds'), 'unixepoch'),
            1, coalesce(NEW.wait_minutes, 0), NEW.cost_fen)
    ON CONFLICT DO UPDATE SET count = count + 1,
                              wait_minutes = wait_minutes + excluded.wait_minutes,
                              cost_fen = cost_fen + excluded.cost_fen;
END;

CREATE TRIGGER incidents_pivot_delete AFTER DELETE ON incidents WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE incident_pivot SET count = count - 1,
                              wait_minutes = wait_minutes - coalesce(OLD.wait_minutes, 0),
                              cost_fen = cost_fen - OLD.cost_fen
    WHERE department_id = coalesce(OLD.department_id, 0) AND problem_type = OLD.problem_type
      AND month = strftime('%Y-%m', OLD.opened_at / 1000 + (SELECT value FROM settings WHERE key = 'pivot_offset_seconds'), 'unixepoch');
    DELETE FROM incident_pivot WHERE count = 0;
END;

INSERT INTO incident_pivot (department_id, problem_type, month, count, wait_minutes, cost_fen)
SELECT coalesce(department_id, 0), problem_type,
       strftime('%Y-%m', opened_at / 1000 + (SELECT value FROM settings WHERE key = 'pivot_offset_seconds'), 'unixepoch'),
       count(*), coalesce(sum(wait_minutes), 0), sum(cost_fen)
FROM incidents WHERE deleted_at IS NULL
GROUP BY 1, 2, 3;

-- Filters of the detail list and the kanban.
CREATE INDEX incidents_problem_type ON incidents (problem_type);
CREATE INDEX incidents_escalated ON incidents (escalated_at) WHERE escalated_at IS NOT NULL;

-- Severity is the incident's severity class (with its SLA); the older four-level column goes.
ALTER TABLE incidents DROP COLUMN severity;
