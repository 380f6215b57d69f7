-- The shared spine every later feature hangs on.
-- Timestamps are INTEGER milliseconds since the Unix epoch, UTC.
-- `deleted_at` makes every delete soft: a row with it set is in the trash.
-- `name_key` is the pinyin sort/search key the core computes from `name`.

CREATE TABLE departments (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT    NOT NULL DEFAULT '',
    head        TEXT    NOT NULL DEFAULT '',
    kpis        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX departments_live_name ON departments (lower(trim(name))) WHERE deleted_at IS NULL;

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key      TEXT    NOT NULL DEFAULT '',
    title         TEXT    NOT NULL DEFAULT '',
    department_id INTEGER REFERENCES departments (id),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX people_department ON people (department_id);

CREATE TABLE stores (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    city        TEXT    NOT NULL DEFAULT '',
    region      TEXT    NOT NULL DEFAULT '',
    city_tier   INTEGER CHECK (city_tier IS NULL OR city_tier BETWEEN 1 AND 6),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX stores_live_name ON stores (lower(trim(name))) WHERE deleted_at IS NULL;

CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    goal        TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'active', 'paused', 'launched', 'closed')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);

CREATE TABLE incidents (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    department_id    INTEGER REFERENCES departments (id),
    problem_type     TEXT    NOT NULL DEFAULT '',
    product_category TEXT    NOT NULL DEFAULT '',
    product          TEXT    NOT NULL DEFAULT '',
    supplier         TEXT    NOT NULL DEFAULT '',
    store_id         INTEGER REFERENCES stores (id),
    severity         TEXT    NOT NULL DEFAULT 'normal'
                     CHECK (severity IN ('low', 'normal', 'high', 'critical')),
    cost_fen         INTEGER NOT NULL DEFAULT 0,
    opened_at        INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    deleted_at       INTEGER
);
CREATE INDEX incidents_department ON incidents (department_id);
CREATE INDEX incidents_store ON incidents (store_id);
CREATE INDEX incidents_opened ON incidents (opened_at);
