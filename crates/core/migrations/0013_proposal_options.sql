-- The options a director writes into a proposal draft, in order. An option's resources, phases,
-- effects and risks are JSON arrays: they are owned by the option alone, always read and written
-- with it as a whole (the editor saves an option at once), and their order is part of the text.
-- Resource rows name a department by id, checked by the service on every write; a department
-- deleted for good later reads as unnamed rather than losing the row.
CREATE TABLE proposal_options (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES proposal_drafts (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT    NOT NULL DEFAULT '',
    cost        INTEGER,
    resources   TEXT    NOT NULL DEFAULT '[]',
    phases      TEXT    NOT NULL DEFAULT '[]',
    effects     TEXT    NOT NULL DEFAULT '[]',
    pros        TEXT    NOT NULL DEFAULT '',
    cons        TEXT    NOT NULL DEFAULT '',
    risks       TEXT    NOT NULL DEFAULT '[]',
    recommended INTEGER NOT NULL DEFAULT 0,
    -- Offered by Liaison (the "do nothing" projection), not yet accepted by the director.
    suggested   INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    CHECK (NOT (recommended AND suggested))
);

CREATE INDEX proposal_options_draft ON proposal_options (draft_id, position) WHERE deleted_at IS NULL;
-- At most one recommended option per draft.
CREATE UNIQUE INDEX proposal_options_one_recommended ON proposal_options (draft_id) WHERE recommended = 1 AND deleted_at IS NULL;
