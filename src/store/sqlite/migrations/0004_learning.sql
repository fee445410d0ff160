-- Learning and improvement: learning sources (findings and recommendations kept in the
-- record), the improvement action plan (updates and evidence kept in the record, as an
-- append-only history), Section 11/175 audit cycles and returns, and briefings. Each record is
-- its JSON document plus the columns that queries and integrity need.

CREATE TABLE learning_sources (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    kind           TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX learning_sources_partnership ON learning_sources(partnership_id, on_date);

CREATE TABLE improvement_actions (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    state          TEXT NOT NULL,
    due            TEXT NOT NULL,
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX improvement_actions_partnership ON improvement_actions(partnership_id, agency_id);

CREATE TABLE audit_cycles (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    kind           TEXT NOT NULL,
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE audit_returns (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    cycle_id       INTEGER NOT NULL REFERENCES audit_cycles(id),
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    status         TEXT NOT NULL,
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT audit_returns_one_per_agency UNIQUE (cycle_id, agency_id)
);

CREATE TABLE briefings (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    kind           TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
