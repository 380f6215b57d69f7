-- Issue 19: a contact that completes a touchpoint re-plans the steps after it from the reply.
-- Each re-plan keeps what it changed, so the user can see the dates before and after and undo it.
CREATE TABLE touchpoint_replans (
    id             INTEGER PRIMARY KEY,
    touchpoint_id  INTEGER NOT NULL REFERENCES touchpoints (id),  -- the one the contact completed
    interaction_id INTEGER REFERENCES interactions (id),         -- NULL: completed by hand
    done_on        TEXT    NOT NULL,                              -- YYYY-MM-DD
    created_at     INTEGER NOT NULL,
    undone_at      INTEGER
);
CREATE INDEX touchpoint_replans_touchpoint ON touchpoint_replans (touchpoint_id);

CREATE TABLE touchpoint_moves (
    replan_id     INTEGER NOT NULL REFERENCES touchpoint_replans (id),
    touchpoint_id INTEGER NOT NULL REFERENCES touchpoints (id),
    before_on     TEXT    NOT NULL,
    after_on      TEXT    NOT NULL,
    PRIMARY KEY (replan_id, touchpoint_id)
) WITHOUT ROWID;
