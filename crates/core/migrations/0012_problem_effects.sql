-- What a problem does to each department (issue 18): KPIs named in the director's own words, the
-- effect a problem has on each of them, the sponsor chosen for a problem, and trust that may be
-- not recorded yet.

-- A KPI as the director names it (库存积压, 客诉量), in its own unit, of one department, maybe owned
-- by one person. `metric` is one of the twelve codes of `crate::metrics`, kept only as a tag.
CREATE TABLE kpis (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    unit            TEXT    NOT NULL CHECK (length(trim(unit)) > 0),
    department_id   INTEGER NOT NULL REFERENCES departments (id),
    owner_person_id INTEGER REFERENCES people (id),
    metric          TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER
);
CREATE INDEX kpis_department ON kpis (department_id);
CREATE INDEX kpis_owner ON kpis (owner_person_id);

-- The KPI notes written before KPIs had a table of their own become KPIs of the person's
-- department, owned by that person; the notes stay, as the record of where we learnt it. The unit
-- follows the metric code where it says one; '%' otherwise, which the director can change.
INSERT INTO kpis (name, unit, department_id, owner_person_id, metric, created_at, updated_at)
SELECT n.text,
       CASE n.metric WHEN 'cost' THEN '元' WHEN 'revenue' THEN '元' WHEN 'wait_time' THEN '分钟'
                     WHEN 'complaints' THEN '次' WHEN 'features_shipped' THEN '个' WHEN 'nps' THEN '分'
                     WHEN 'dau' THEN '人' WHEN 'user_growth' THEN '%' ELSE '%' END,
       p.department_id, n.person_id, n.metric, n.created_at, n.updated_at
FROM person_notes n JOIN people p ON p.id = n.person_id
WHERE n.kind = 'kpi' AND n.deleted_at IS NULL AND p.deleted_at IS NULL AND p.department_id IS NOT NULL;

-- One row: this problem moves that KPI by `effect` in `unit` (the KPI's unit, or '%' as a relative
-- change), perhaps freeing `money_fen`. `computed` rows were pre-filled from the incidents and
-- saved as the director accepted them.
CREATE TABLE problem_effects (
    id         INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    kpi_id     INTEGER NOT NULL REFERENCES kpis (id),
    effect     REAL    NOT NULL,
    unit       TEXT    NOT NULL,
    money_fen  INTEGER,
    note       TEXT    NOT NULL DEFAULT '',
    computed   INTEGER NOT NULL DEFAULT 0 CHECK (computed IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX problem_effects_problem ON problem_effects (problem_id);
CREATE INDEX problem_effects_kpi ON problem_effects (kpi_id);

-- The person the director chose to sponsor the problem; it also counts as "had a sponsor" in S7.
ALTER TABLE problems ADD COLUMN sponsor_person_id INTEGER REFERENCES people (id);

-- Trust not recorded yet. `trust` itself stays NOT NULL (changing that means rebuilding `people`,
-- which a dozen tables point at); the value is ignored while `trust_recorded` is 0.
ALTER TABLE people ADD COLUMN trust_recorded INTEGER NOT NULL DEFAULT 1 CHECK (trust_recorded IN (0, 1));
