-- Agencies' assurance statements for the yearly report (issue 18 item 3; seed 001's Appendix B):
-- one per agency and financial year (year_start 2016 is 2016/17), with its state and who moved it
-- last; and its history of comments, submissions, returns and acceptance.
CREATE TABLE report_agency_statements (
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    year_start      INTEGER NOT NULL,
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    text            TEXT NOT NULL,
    state           TEXT NOT NULL,
    version         INTEGER NOT NULL,
    updated_by      TEXT NOT NULL,
    updated_at      INTEGER NOT NULL,
    submitted_by    TEXT NOT NULL DEFAULT '',
    submitted_at    INTEGER NOT NULL DEFAULT 0,
    decided_by      TEXT NOT NULL DEFAULT '',
    decided_at      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (partnership_id, year_start, agency_id),
    CONSTRAINT report_agency_statements_state CHECK (state IN ('draft', 'submitted', 'returned', 'accepted'))
);

CREATE TABLE report_statement_notes (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    year_start      INTEGER NOT NULL,
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL DEFAULT '',
    by_name         TEXT NOT NULL,
    noted_at        INTEGER NOT NULL,
    CONSTRAINT report_statement_notes_kind CHECK (kind IN ('comment', 'submitted', 'returned', 'accepted'))
);
CREATE INDEX report_statement_notes_by_statement ON report_statement_notes(partnership_id, year_start, agency_id, id);
