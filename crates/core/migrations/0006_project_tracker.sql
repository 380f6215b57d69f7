-- The cross-department project tracker (S1, S6): what each department commits, milestones with
-- dependencies, success metrics per side with readings, the follow-up cadence (templates, steps,
-- touchpoints), a working-day calendar with China's official holidays and make-up days, and
-- weekly reports. Everything lives in the workspace, so a workspace file carries it.

ALTER TABLE projects ADD COLUMN anchor_on TEXT;      -- the meeting/kickoff date the cadence starts from, YYYY-MM-DD
ALTER TABLE projects ADD COLUMN launch_on TEXT;      -- planned launch, YYYY-MM-DD

CREATE TABLE commitments (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects (id),
    department_id INTEGER REFERENCES departments (id),  -- NULL with is_mine = 1: my own commitments
    is_mine       INTEGER NOT NULL DEFAULT 0 CHECK (is_mine IN (0, 1)),
    description   TEXT    NOT NULL CHECK (length(trim(description)) > 0),
    people        REAL    CHECK (people IS NULL OR people >= 0),
    weeks         REAL    CHECK (weeks IS NULL OR weeks >= 0),
    budget_fen    INTEGER CHECK (budget_fen IS NULL OR budget_fen >= 0),
    done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX commitments_project ON commitments (project_id);

CREATE TABLE project_problems (
    project_id INTEGER NOT NULL REFERENCES projects (id),
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    PRIMARY KEY (project_id, problem_id)
) WITHOUT ROWID;

CREATE TABLE milestones (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects (id),
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    starts_on     TEXT    NOT NULL,
    ends_on       TEXT    NOT NULL CHECK (ends_on >= starts_on),
    staffing      TEXT    NOT NULL DEFAULT '',
    exit_criteria TEXT    NOT NULL DEFAULT '',
    done_on       TEXT,
    position      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX milestones_project ON milestones (project_id);

-- A milestone waits for another, possibly in another project.
CREATE TABLE milestone_dependencies (
    milestone_id  INTEGER NOT NULL REFERENCES milestones (id),
    depends_on_id INTEGER NOT NULL REFERENCES milestones (id),
    PRIMARY KEY (milestone_id, depends_on_id),
    CHECK (milestone_id <> depends_on_id)
) WITHOUT ROWID;

CREATE TABLE project_metrics (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects (id),
    department_id INTEGER REFERENCES departments (id),  -- whose side of the success criteria
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    unit          TEXT    NOT NULL DEFAULT '',
    direction     TEXT    NOT NULL CHECK (direction IN ('up', 'down')),
    baseline      REAL    NOT NULL,
    target        REAL    NOT NULL,
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE TABLE metric_readings (
    id        INTEGER PRIMARY KEY,
    metric_id INTEGER NOT NULL REFERENCES project_metrics (id),
    taken_on  TEXT    NOT NULL,
    value     REAL    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX metric_readings_metric ON metric_readings (metric_id, taken_on);

-- Working-day calendar: 'holiday' days off and 'workday' make-up days (调休/补班) on weekends.
CREATE TABLE calendar_days (
    day  TEXT PRIMARY KEY,  -- YYYY-MM-DD
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE cadence_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
);
-- anchor: after_anchor (days after the meeting), during_build (every `every_days` while
-- milestones run), before_launch / after_launch (days before or after the launch).
CREATE TABLE cadence_steps (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES cadence_templates (id),
    position    INTEGER NOT NULL,
    anchor      TEXT    NOT NULL CHECK (anchor IN ('after_anchor', 'during_build', 'before_launch', 'after_launch')),
    offset_days INTEGER NOT NULL CHECK (offset_days >= 0),
    every_days  INTEGER CHECK (every_days IS NULL OR every_days > 0),
    action      TEXT    NOT NULL CHECK (length(trim(action)) > 0),
    purpose     TEXT    NOT NULL DEFAULT '',
    escalates   INTEGER NOT NULL DEFAULT 0 CHECK (escalates IN (0, 1))
);
CREATE INDEX cadence_steps_template ON cadence_steps (template_id, position);

CREATE TABLE touchpoints (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects (id),
    step_id        INTEGER REFERENCES cadence_steps (id),
    milestone_id   INTEGER REFERENCES milestones (id),
    counterpart_id INTEGER REFERENCES people (id),
    action         TEXT    NOT NULL,
    purpose        TEXT    NOT NULL DEFAULT '',
    escalates      INTEGER NOT NULL DEFAULT 0 CHECK (escalates IN (0, 1)),
    due_on         TEXT    NOT NULL,
    state          TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped')),
    done_on        TEXT,
    result         TEXT    NOT NULL DEFAULT '',
    notified       INTEGER NOT NULL DEFAULT 0 CHECK (notified IN (0, 1)),
    created_at     INTEGER NOT NULL
);
CREATE INDEX touchpoints_project ON touchpoints (project_id, due_on);
CREATE INDEX touchpoints_open ON touchpoints (state, due_on);

CREATE TABLE weekly_reports (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    week       TEXT    NOT NULL,  -- ISO week, e.g. 2026-W48
    progress   TEXT    NOT NULL DEFAULT '',
    metrics    TEXT    NOT NULL DEFAULT '',
    next_week  TEXT    NOT NULL DEFAULT '',
    asks       TEXT    NOT NULL DEFAULT '',
    risks      TEXT    NOT NULL DEFAULT '',
    credits    TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (project_id, week)
);

-- Mainland China's official holidays and make-up working days (国务院办公厅 notices for 2024, 2025
-- and 2026). Next year's are added in the app (or imported) once the State Council publishes them.
INSERT INTO calendar_days (day, kind, name) VALUES
    ('2023-12-30', 'holiday', '元旦'),
    ('2023-12-31', 'holiday', '元旦'),
    ('2024-01-01', 'holiday', '元旦'),
    ('2024-02-10', 'holiday', '春节'),
    ('2024-02-11', 'holiday', '春节'),
    ('2024-02-12', 'holiday', '春节'),
    ('2024-02-13', 'holiday', '春节'),
    ('2024-02-14', 'holiday', '春节'),
    ('2024-02-15', 'holiday', '春节'),
    ('2024-02-16', 'holiday', '春节'),
    ('2024-02-17', 'holiday', '春节'),
    ('2024-04-04', 'holiday', '清明节'),
    ('2024-04-05', 'holiday', '清明节'),
    ('2024-04-06', 'holiday', '清明节'),
    ('2024-05-01', 'holiday', '劳动节'),
    ('2024-05-02', 'holiday', '劳动节'),
    ('2024-05-03', 'holiday', '劳动节'),
    ('2024-05-04', 'holiday', '劳动节'),
    ('2024-05-05', 'holiday', '劳动节'),
    ('2024-06-08', 'holiday', '端午节'),
    ('2024-06-09', 'holiday', '端午节'),
    ('2024-06-10', 'holiday', '端午节'),
    ('2024-09-15', 'holiday', '中秋节'),
    ('2024-09-16', 'holiday', '中秋节'),
    ('2024-09-17', 'holiday', '中秋节'),
    ('2024-10-01', 'holiday', '国庆节'),
    ('2024-10-02', 'holiday', '国庆节'),
    ('2024-10-03', 'holiday', '国庆节'),
    ('2024-10-04', 'holiday', '国庆节'),
    ('2024-10-05', 'holiday', '国庆节'),
    ('2024-10-06', 'holiday', '国庆节'),
    ('2024-10-07', 'holiday', '国庆节'),
    ('2025-01-01', 'holiday', '元旦'),
    ('2025-01-28', 'holiday', '春节'),
    ('2025-01-29', 'holiday', '春节'),
    ('2025-01-30', 'holiday', '春节'),
    ('2025-01-31', 'holiday', '春节'),
    ('2025-02-01', 'holiday', '春节'),
    ('2025-02-02', 'holiday', '春节'),
    ('2025-02-03', 'holiday', '春节'),
    ('2025-02-04', 'holiday', '春节'),
    ('2025-04-04', 'holiday', '清明节'),
    ('2025-04-05', 'holiday', '清明节'),
    ('2025-04-06', 'holiday', '清明节'),
    ('2025-05-01', 'holiday', '劳动节'),
    ('2025-05-02', 'holiday', '劳动节'),
    ('2025-05-03', 'holiday', '劳动节'),
    ('2025-05-04', 'holiday', '劳动节'),
    ('2025-05-05', 'holiday', '劳动节'),
    ('2025-05-31', 'holiday', '端午节'),
    ('2025-06-01', 'holiday', '端午节'),
    ('2025-06-02', 'holiday', '端午节'),
    ('2025-10-01', 'holiday', '国庆节、中秋节'),
    ('2025-10-02', 'holiday', '国庆节、中秋节'),
    ('2025-10-03', 'holiday', '国庆节、中秋节'),
    ('2025-10-04', 'holiday', '国庆节、中秋节'),
    ('2025-10-05', 'holiday', '国庆节、中秋节'),
    ('2025-10-06', 'holiday', '国庆节、中秋节'),
    ('2025-10-07', 'holiday', '国庆节、中秋节'),
    ('2025-10-08', 'holiday', '国庆节、中秋节'),
    ('2026-01-01', 'holiday', '元旦'),
    ('2026-01-02', 'holiday', '元旦'),
    ('2026-01-03', 'holiday', '元旦'),
    ('2026-02-15', 'holiday', '春节'),
    ('2026-02-16', 'holiday', '春节'),
    ('2026-02-17', 'holiday', '春节'),
    ('2026-02-18', 'holiday', '春节'),
    ('2026-02-19', 'holiday', '春节'),
    ('2026-02-20', 'holiday', '春节'),
    ('2026-02-21', 'holiday', '春节'),
    ('2026-02-22', 'holiday', '春节'),
    ('2026-02-23', 'holiday', '春节'),
    ('2026-04-04', 'holiday', '清明节'),
    ('2026-04-05', 'holiday', '清明节'),
    ('2026-04-06', 'holiday', '清明节'),
    ('2026-05-01', 'holiday', '劳动节'),
    ('2026-05-02', 'holiday', '劳动节'),
    ('2026-05-03', 'holiday', '劳动节'),
    ('2026-05-04', 'holiday', '劳动节'),
    ('2026-05-05', 'holiday', '劳动节'),
    ('2026-06-19', 'holiday', '端午节'),
    ('2026-06-20', 'holiday', '端午节'),
    ('2026-06-21', 'holiday', '端午节'),
    ('2026-09-25', 'holiday', '中秋节'),
    ('2026-09-26', 'holiday', '中秋节'),
    ('2026-09-27', 'holiday', '中秋节'),
    ('2026-10-01', 'holiday', '国庆节'),
    ('2026-10-02', 'holiday', '国庆节'),
    ('2026-10-03', 'holiday', '国庆节'),
    ('2026-10-04', 'holiday', '国庆节'),
    ('2026-10-05', 'holiday', '国庆节'),
    ('2026-10-06', 'holiday', '国庆节'),
    ('2026-10-07', 'holiday', '国庆节'),
    ('2024-02-04', 'workday', '春节调休'),
    ('2024-02-18', 'workday', '春节调休'),
    ('2024-04-07', 'workday', '清明节调休'),
    ('2024-04-28', 'workday', '劳动节调休'),
    ('2024-05-11', 'workday', '劳动节调休'),
    ('2024-09-14', 'workday', '中秋节调休'),
    ('2024-09-29', 'workday', '国庆节调休'),
    ('2024-10-12', 'workday', '国庆节调休'),
    ('2025-01-26', 'workday', '春节调休'),
    ('2025-02-08', 'workday', '春节调休'),
    ('2025-04-27', 'workday', '劳动节调休'),
    ('2025-09-28', 'workday', '国庆节调休'),
    ('2025-10-11', 'workday', '国庆节调休'),
    ('2026-01-04', 'workday', '元旦调休'),
    ('2026-02-14', 'workday', '春节调休'),
    ('2026-02-28', 'workday', '春节调休'),
    ('2026-05-09', 'workday', '劳动节调休'),
    ('2026-09-20', 'workday', '国庆节调休'),
    ('2026-10-10', 'workday', '国庆节调休');
