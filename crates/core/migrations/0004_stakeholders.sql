-- The stakeholder map (S1): each person's position and our private read of them, intelligence
-- notes with source and date, relationships, contacts, the reciprocity ledger, and who plays
-- which role in a project. Stance, trust, notes, contacts and the ledger are private: exports
-- leave them out unless the user includes them for that document.

ALTER TABLE people ADD COLUMN reports_to_id INTEGER REFERENCES people (id);
ALTER TABLE people ADD COLUMN stance TEXT NOT NULL DEFAULT 'neutral'
    CHECK (stance IN ('champion', 'supporter', 'neutral', 'sceptic', 'blocker'));
ALTER TABLE people ADD COLUMN trust INTEGER NOT NULL DEFAULT 3 CHECK (trust BETWEEN 1 AND 5);
ALTER TABLE people ADD COLUMN power REAL NOT NULL DEFAULT 5 CHECK (power BETWEEN 0 AND 10);
ALTER TABLE people ADD COLUMN interest REAL NOT NULL DEFAULT 5 CHECK (interest BETWEEN 0 AND 10);
-- How often we mean to be in touch, in days; the relationship health is measured against it.
ALTER TABLE people ADD COLUMN contact_every_days INTEGER NOT NULL DEFAULT 30 CHECK (contact_every_days > 0);
CREATE INDEX people_reports_to ON people (reports_to_id);

-- KPIs, pressures, initiatives, pain points, opportunities: what we learnt, where and when.
-- A KPI may name the impact metric it moves (nps, complaints, cost, …) for the sponsor finder.
CREATE TABLE person_notes (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('kpi', 'pressure', 'initiative', 'pain_point', 'opportunity')),
    text       TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    metric     TEXT,
    source     TEXT    NOT NULL DEFAULT '',
    noted_on   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX person_notes_person ON person_notes (person_id);

CREATE TABLE relationships (
    id             INTEGER PRIMARY KEY,
    from_person_id INTEGER NOT NULL REFERENCES people (id),
    to_person_id   INTEGER NOT NULL REFERENCES people (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('ally', 'rival', 'influences')),
    note           TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    deleted_at     INTEGER,
    CHECK (from_person_id <> to_person_id)
);
CREATE UNIQUE INDEX relationships_live ON relationships (from_person_id, to_person_id, kind) WHERE deleted_at IS NULL;

CREATE TABLE interactions (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('message', 'coffee', 'one_on_one', 'meeting', 'email')),
    happened_at   INTEGER NOT NULL,
    summary       TEXT    NOT NULL DEFAULT '',
    sentiment     INTEGER NOT NULL DEFAULT 0 CHECK (sentiment BETWEEN -2 AND 2),
    next_step     TEXT    NOT NULL DEFAULT '',
    next_step_due INTEGER,
    next_step_done INTEGER NOT NULL DEFAULT 0 CHECK (next_step_done IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX interactions_person ON interactions (person_id, happened_at);

-- What we gave and what we received; `weight` 1–5 says how much it counts.
CREATE TABLE ledger_entries (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people (id),
    direction   TEXT    NOT NULL CHECK (direction IN ('given', 'received')),
    kind        TEXT    NOT NULL CHECK (kind IN ('data_shared', 'help', 'public_credit', 'favour')),
    description TEXT    NOT NULL CHECK (length(trim(description)) > 0),
    meeting     TEXT    NOT NULL DEFAULT '',
    weight      INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
    happened_at INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX ledger_entries_person ON ledger_entries (person_id);

-- The impact metrics a project moves (comma-separated codes: nps, complaints, cost, …).
ALTER TABLE projects ADD COLUMN impact_metrics TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN benefits TEXT NOT NULL DEFAULT '';

CREATE TABLE project_people (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    person_id  INTEGER NOT NULL REFERENCES people (id),
    role       TEXT    NOT NULL DEFAULT 'stakeholder'
        CHECK (role IN ('executive_sponsor', 'product_owner', 'tech_lead', 'scrum_master', 'stakeholder')),
    created_at INTEGER NOT NULL,
    UNIQUE (project_id, person_id, role)
);
CREATE INDEX project_people_person ON project_people (person_id);
