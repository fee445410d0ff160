-- Foundation: partnerships, the directory, user accounts, sessions, API tokens, audit trail.
-- Every table people edit carries `version` for optimistic concurrency.

CREATE TABLE partnerships (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 64),
    name    TEXT NOT NULL CHECK (length(name) > 0),
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE agencies (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    name           TEXT NOT NULL CHECK (length(name) > 0),
    kind           TEXT NOT NULL CHECK (kind IN ('statutory_partner', 'relevant_agency')),
    statutory_role TEXT NOT NULL CHECK (statutory_role IN ('none', 'local_authority', 'police', 'health')),
    sector         TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agencies_by_partnership ON agencies(partnership_id, name);

CREATE TABLE people (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    name           TEXT NOT NULL CHECK (length(name) > 0),
    job_title      TEXT NOT NULL,
    agency_id      INTEGER REFERENCES agencies(id),
    email          TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT people_email_unique UNIQUE (partnership_id, email)
);
CREATE INDEX people_by_agency ON people(agency_id);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    person_id       INTEGER NOT NULL REFERENCES people(id),
    email           TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL,
    at             INTEGER NOT NULL,
    actor_user_id  INTEGER,
    actor_label    TEXT NOT NULL,
    action         TEXT NOT NULL,
    entity_type    TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    before_json    TEXT NOT NULL DEFAULT '',
    after_json     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_partnership_time ON audit_log(partnership_id, at DESC, id DESC);
CREATE INDEX audit_by_entity ON audit_log(partnership_id, entity_type, entity_id);

-- The trail is append-only: the database itself refuses to rewrite history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
