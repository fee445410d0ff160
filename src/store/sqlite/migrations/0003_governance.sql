-- Governance: groups with versioned terms of reference, membership, meetings (agenda,
-- attendance, decisions and minutes kept in the meeting's record), the action log, declared
-- interests, and private calendar-feed tokens. Agencies gain their chief officer, to whom
-- persistent non-attendance is reported.

ALTER TABLE agencies ADD COLUMN chief_officer TEXT NOT NULL DEFAULT '';

CREATE TABLE governance_groups (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    name           TEXT NOT NULL CHECK (length(name) > 0),
    parent_id      INTEGER REFERENCES governance_groups(id),
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT governance_groups_name_unique UNIQUE (partnership_id, name)
);

CREATE TABLE governance_terms (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES governance_groups(id),
    number      INTEGER NOT NULL,
    markdown    TEXT NOT NULL,
    approved_on TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    CONSTRAINT governance_terms_number_unique UNIQUE (group_id, number)
);
CREATE TRIGGER governance_terms_no_update BEFORE UPDATE ON governance_terms
BEGIN SELECT RAISE(ABORT, 'terms of reference versions are kept as written'); END;

CREATE TABLE governance_members (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES governance_groups(id),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    record_json TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX governance_members_by_group ON governance_members(group_id);

CREATE TABLE governance_meetings (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    group_id       INTEGER NOT NULL REFERENCES governance_groups(id),
    held_on        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    record_json    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX governance_meetings_by_partnership ON governance_meetings(partnership_id, held_on);

CREATE TABLE governance_actions (
    id               INTEGER PRIMARY KEY,
    partnership_id   INTEGER NOT NULL REFERENCES partnerships(id),
    meeting_id       INTEGER NOT NULL REFERENCES governance_meetings(id),
    owner_person_id  INTEGER NOT NULL REFERENCES people(id),
    due_on           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    record_json      TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX governance_actions_by_partnership ON governance_actions(partnership_id, due_on);

CREATE TABLE governance_interests (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    person_id      INTEGER NOT NULL REFERENCES people(id),
    interest       TEXT NOT NULL CHECK (length(interest) > 0),
    declared_on    TEXT NOT NULL,
    meeting_id     INTEGER REFERENCES governance_meetings(id),
    agenda_item    INTEGER NOT NULL DEFAULT 0,
    recorded_by    TEXT NOT NULL
);

CREATE TABLE feed_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
