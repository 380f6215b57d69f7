-- A director's own workspace (issue 17): every reference list kept in the app, a service-desk SLA
-- (time to claim and to resolve, in working or clock hours, stopped while an incident is pending,
-- escalation in levels) and an assignment history complete enough to measure departments.

-- Archived entries are hidden from pickers and kept in history; `name_key` is the pinyin key.
ALTER TABLE departments ADD COLUMN escalation_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE departments ADD COLUMN archived_at INTEGER;

ALTER TABLE stores ADD COLUMN code TEXT;
ALTER TABLE stores ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE stores ADD COLUMN opened_on TEXT;   -- YYYY-MM-DD
ALTER TABLE stores ADD COLUMN closed_on TEXT;   -- YYYY-MM-DD
ALTER TABLE stores ADD COLUMN archived_at INTEGER;
CREATE UNIQUE INDEX stores_live_code ON stores (lower(trim(code))) WHERE deleted_at IS NULL AND code IS NOT NULL;

CREATE TABLE product_categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT    NOT NULL DEFAULT '',
    archived_at INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX product_categories_live_name ON product_categories (lower(trim(name))) WHERE deleted_at IS NULL;

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT    NOT NULL DEFAULT '',
    category_id INTEGER REFERENCES product_categories (id),
    archived_at INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX products_live_name ON products (lower(trim(name))) WHERE deleted_at IS NULL;

CREATE TABLE suppliers (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT    NOT NULL DEFAULT '',
    archived_at INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX suppliers_live_name ON suppliers (lower(trim(name))) WHERE deleted_at IS NULL;

ALTER TABLE problem_types ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE problem_types ADD COLUMN archived_at INTEGER;

-- `sla_hours` stays the time to resolve; `claim_hours` is the time to claim (none: not measured).
-- `working_hours` = 1 counts the workspace's working hours (settings `work_hours`, calendar_days),
-- 0 counts clock hours.
ALTER TABLE severity_classes ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE severity_classes ADD COLUMN archived_at INTEGER;
ALTER TABLE severity_classes ADD COLUMN claim_hours INTEGER CHECK (claim_hours IS NULL OR claim_hours > 0);
ALTER TABLE severity_classes ADD COLUMN working_hours INTEGER NOT NULL DEFAULT 0 CHECK (working_hours IN (0, 1));

-- A department's own SLA for a class, where it differs from the class's.
CREATE TABLE department_slas (
    severity_class_id INTEGER NOT NULL REFERENCES severity_classes (id),
    department_id     INTEGER NOT NULL REFERENCES departments (id),
    claim_hours       INTEGER CHECK (claim_hours IS NULL OR claim_hours > 0),
    resolve_hours     INTEGER NOT NULL CHECK (resolve_hours > 0),
    PRIMARY KEY (severity_class_id, department_id)
);

-- Level n is reached at `multiple` × the SLA and tells `notify`: the owning department's head, its
-- escalation contact (e.g. their VP), or the director's sponsor (settings `escalation_sponsor`).
CREATE TABLE escalation_levels (
    level    INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 5),
    multiple REAL    NOT NULL CHECK (multiple > 0),
    notify   TEXT    NOT NULL CHECK (notify IN ('head', 'escalation_contact', 'sponsor'))
);
INSERT INTO escalation_levels (level, multiple, notify) VALUES (1, 1, 'head'), (2, 2, 'escalation_contact'), (3, 3, 'sponsor');
INSERT INTO settings (key, value) VALUES ('work_hours', '09:00-18:00');

-- The SLA clocks: `assigned_at` starts the time to claim for the current owner, `claimed_at` stops
-- it; while `pending_since` is set (waiting on the customer or a supplier, `pending_reason`) both
-- clocks stand still, and `paused_ms` is the time they stood still before, in the class's hours.
-- `escalation_level` is the highest level recorded for the current owner.
ALTER TABLE incidents ADD COLUMN assigned_at      INTEGER;
ALTER TABLE incidents ADD COLUMN claimed_at       INTEGER;
ALTER TABLE incidents ADD COLUMN pending_since    INTEGER;
ALTER TABLE incidents ADD COLUMN pending_reason   TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN paused_ms        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
UPDATE incidents SET assigned_at = opened_at WHERE department_id IS NOT NULL;
UPDATE incidents SET escalation_level = 1 WHERE escalated_at IS NOT NULL;

-- The assignment history, rebuilt for more kinds of event: created, pending/resumed and resolved
-- (so the ticket system's own event history can be imported: source `history`, keyed by
-- `external_key` so a re-import adds nothing), an escalation's `level` and who was `notified`,
-- and `due_at`, the claim deadline a receipt (assigned/transferred) started.
CREATE TABLE incident_events_v2 (
    id                 INTEGER PRIMARY KEY,
    incident_id        INTEGER NOT NULL REFERENCES incidents (id),
    kind               TEXT    NOT NULL
        CHECK (kind IN ('created', 'assigned', 'claimed', 'transferred', 'escalated', 'status',
                        'pending', 'resumed', 'resolved')),
    source             TEXT    NOT NULL CHECK (source IN ('user', 'rule', 'import', 'history')),
    from_department_id INTEGER REFERENCES departments (id),
    to_department_id   INTEGER REFERENCES departments (id),
    rule_id            INTEGER REFERENCES routing_rules (id),
    reason             TEXT    NOT NULL DEFAULT '',
    at                 INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    level              INTEGER,
    notified           TEXT    NOT NULL DEFAULT '',
    due_at             INTEGER,
    external_key       TEXT
);
INSERT INTO incident_events_v2 (id, incident_id, kind, source, from_department_id, to_department_id, rule_id, reason, at, created_at, level)
    SELECT id, incident_id, kind, source, from_department_id, to_department_id, rule_id, reason, at, created_at,
           CASE kind WHEN 'escalated' THEN 1 END
    FROM incident_events;
DROP TABLE incident_events;
ALTER TABLE incident_events_v2 RENAME TO incident_events;
CREATE INDEX incident_events_incident ON incident_events (incident_id, at);
CREATE INDEX incident_events_receiver ON incident_events (to_department_id, at);
CREATE UNIQUE INDEX incident_events_external_key ON incident_events (external_key) WHERE external_key IS NOT NULL;
