-- Proposal drafts (a filled document, edited section by section) and the director's own
-- templates. Both keep their document as JSON: its shape is the renderer's, not the schema's.
CREATE TABLE proposal_templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE proposal_drafts (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    template_id     INTEGER REFERENCES proposal_templates (id) ON DELETE SET NULL,
    problem_id      INTEGER REFERENCES problems (id),
    project_id      INTEGER REFERENCES projects (id),
    week            TEXT,
    include_private INTEGER NOT NULL DEFAULT 0,
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER
);
