-- Systemic problems (S2–S4, S7): many incidents grouped under one problem, what the director
-- entered for its evidence chain and business case, and how it was raised and followed up.
-- Computed evidence is never stored: it is derived from the linked incidents on demand.

CREATE TABLE problems (
    id                    INTEGER PRIMARY KEY,
    title                 TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    symptoms              TEXT    NOT NULL DEFAULT '',
    five_whys             TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings, why 1 first
    workaround            TEXT    NOT NULL DEFAULT '',
    fix                   TEXT    NOT NULL DEFAULT '',
    owner_department_id   INTEGER REFERENCES departments (id),
    status                TEXT    NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'assessed', 'root_cause', 'fix_in_progress', 'verified')),
    impact_metrics        TEXT    NOT NULL DEFAULT '',
    -- Trend: the two periods compared and how far ahead to project.
    period_a_from         INTEGER,
    period_a_to           INTEGER,
    period_b_from         INTEGER,
    period_b_to           INTEGER,
    projection_weeks      INTEGER NOT NULL DEFAULT 12 CHECK (projection_weeks BETWEEN 1 AND 104),
    ab_label_a            TEXT    NOT NULL DEFAULT '',
    ab_label_b            TEXT    NOT NULL DEFAULT '',
    -- Entered evidence, kept apart from what is computed.
    nps_before            REAL,
    nps_after             REAL,
    pilot_rate_before     REAL,
    pilot_rate_after      REAL,
    pilot_note            TEXT    NOT NULL DEFAULT '',
    competitor_notes      TEXT    NOT NULL DEFAULT '',
    fix_cost_fen          INTEGER,
    fix_effort            TEXT    NOT NULL DEFAULT '',
    extra_evidence        TEXT    NOT NULL DEFAULT '',
    -- Business case.
    lost_customers        INTEGER,
    customer_value_fen    INTEGER,
    revenue_loss_fen      INTEGER,  -- entered directly, instead of customers × value
    cost_per_month_fen    INTEGER,
    strategic_impact      TEXT    NOT NULL DEFAULT '',
    investment_fen        INTEGER,
    -- How it was raised (S7).
    raised_at             INTEGER,
    had_data              INTEGER NOT NULL DEFAULT 0 CHECK (had_data IN (0, 1)),
    had_solution          INTEGER NOT NULL DEFAULT 0 CHECK (had_solution IN (0, 1)),
    had_sponsor           INTEGER NOT NULL DEFAULT 0 CHECK (had_sponsor IN (0, 1)),
    followed_up           INTEGER NOT NULL DEFAULT 0 CHECK (followed_up IN (0, 1)),
    approved_at           INTEGER,
    solved_at             INTEGER,
    fix_announced_at      INTEGER,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    deleted_at            INTEGER
);

CREATE TABLE problem_incidents (
    problem_id  INTEGER NOT NULL REFERENCES problems (id),
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    PRIMARY KEY (problem_id, incident_id)
) WITHOUT ROWID;
CREATE INDEX problem_incidents_incident ON problem_incidents (incident_id);

-- Store sets of a problem: 'scope' (prevalence counts against these; none = all stores) and the
-- two groups of the root-cause A/B comparison.
CREATE TABLE problem_stores (
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    store_id   INTEGER NOT NULL REFERENCES stores (id),
    set_name   TEXT    NOT NULL CHECK (set_name IN ('scope', 'a', 'b')),
    PRIMARY KEY (problem_id, set_name, store_id)
) WITHOUT ROWID;
