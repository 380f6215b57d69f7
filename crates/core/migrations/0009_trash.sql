-- A person's project roles that a delete removed on the director's word. The trash keeps them so
-- restoring the person puts them back in the same projects and roles.
CREATE TABLE trashed_project_roles (
    person_id  INTEGER NOT NULL REFERENCES people (id),
    project_id INTEGER NOT NULL REFERENCES projects (id),
    role       TEXT    NOT NULL,
    PRIMARY KEY (person_id, project_id, role)
);

CREATE INDEX trashed_project_roles_project ON trashed_project_roles (project_id);
