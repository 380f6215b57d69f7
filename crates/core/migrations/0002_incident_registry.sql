-- The after-sales registry (S5): the full incident record, severity classes with remedy and SLA,
-- routing rules, assignment events (claims, transfers, escalations) and saved import presets.

CREATE TABLE severity_classes (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    remedy      TEXT    NOT NULL DEFAULT '',
    sla_hours   INTEGER NOT NULL CHECK (sla_hours > 0),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX severity_classes_live_name ON severity_classes (lower(trim(name))) WHERE deleted_at IS NULL;

-- A problem type belongs to one severity class; an incident's class defaults from its type.
CREATE TABLE problem_types (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    severity_class_id INTEGER REFERENCES severity_classes (id),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    deleted_at        INTEGER
);
CREATE UNIQUE INDEX problem_types_live_name ON problem_types (lower(trim(name))) WHERE deleted_at IS NULL;

ALTER TABLE incidents ADD COLUMN external_id       TEXT;
ALTER TABLE incidents ADD COLUMN content_hash      TEXT;
ALTER TABLE incidents ADD COLUMN region            TEXT    NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN channel           TEXT    NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN customer_ref      TEXT    NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN severity_class_id INTEGER REFERENCES severity_classes (id);
ALTER TABLE incidents ADD COLUMN wait_minutes      INTEGER;
ALTER TABLE incidents ADD COLUMN complaint         INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0, 1));
ALTER TABLE incidents ADD COLUMN closed_at         INTEGER;
ALTER TABLE incidents ADD COLUMN status            TEXT    NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'claimed', 'in_progress', 'resolved', 'closed'));
ALTER TABLE incidents ADD COLUMN escalated_at      INTEGER;

-- External ids are unique among all incidents, trashed ones included: a re-import finds them.
CREATE UNIQUE INDEX incidents_external_id ON incidents (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX incidents_content_hash ON incidents (content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX incidents_status ON incidents (status, department_id);

CREATE TABLE routing_rules (
    id               INTEGER PRIMARY KEY,
    position         INTEGER NOT NULL,
    name             TEXT    NOT NULL DEFAULT '',
    problem_type     TEXT,
    product_category TEXT,
    product          TEXT,
    supplier         TEXT,
    store_id         INTEGER REFERENCES stores (id),
    region           TEXT,
    department_id    INTEGER NOT NULL REFERENCES departments (id),
    enabled          INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    deleted_at       INTEGER
);

-- Claims (认领), transfers (转派), rule and import assignments, escalations: the assignment history.
CREATE TABLE incident_events (
    id                 INTEGER PRIMARY KEY,
    incident_id        INTEGER NOT NULL REFERENCES incidents (id),
    kind               TEXT    NOT NULL
        CHECK (kind IN ('assigned', 'claimed', 'transferred', 'escalated', 'status')),
    source             TEXT    NOT NULL CHECK (source IN ('user', 'rule', 'import')),
    from_department_id INTEGER REFERENCES departments (id),
    to_department_id   INTEGER REFERENCES departments (id),
    rule_id            INTEGER REFERENCES routing_rules (id),
    reason             TEXT    NOT NULL DEFAULT '',
    at                 INTEGER NOT NULL,
    created_at         INTEGER NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, at);

CREATE TABLE import_presets (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    mapping     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX import_presets_name ON import_presets (lower(trim(name)));

-- Workspace settings that travel with the file (time zone first).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES ('time_zone', 'Asia/Shanghai');
