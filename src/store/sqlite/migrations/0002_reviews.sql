-- Serious incidents and reviews. A case's record is one JSON document of what is not
-- identifying (dates, pseudonyms, agencies, panel, declared interests); the children's
-- identifiable details are sealed by the application before they reach this table.
-- Events are append-only, like the audit trail.

CREATE TABLE review_cases (
    id                INTEGER PRIMARY KEY,
    partnership_id    INTEGER NOT NULL REFERENCES partnerships(id),
    reference         TEXT NOT NULL,
    became_aware_on   TEXT NOT NULL,
    record_json       TEXT NOT NULL,
    rules_json        TEXT NOT NULL,     -- the rule set the case is judged under
    sealed_identities TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT review_cases_reference_unique UNIQUE (partnership_id, reference)
);

CREATE TABLE review_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES review_cases(id),
    event       TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    detail_json TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX review_events_by_case ON review_events(case_id, id);
CREATE TRIGGER review_events_no_update BEFORE UPDATE ON review_events
BEGIN SELECT RAISE(ABORT, 'review_events is append-only'); END;
CREATE TRIGGER review_events_no_delete BEFORE DELETE ON review_events
BEGIN SELECT RAISE(ABORT, 'review_events is append-only'); END;

CREATE TABLE review_recommendations (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    case_id        INTEGER NOT NULL REFERENCES review_cases(id),
    number         INTEGER NOT NULL,
    text           TEXT NOT NULL CHECK (length(text) > 0),
    agencies_json  TEXT NOT NULL,
    theme          TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT review_recommendations_number_unique UNIQUE (case_id, number)
);
