-- The yearly report (issue 18 item 3; decision 0023): the sections people write for a
-- partnership's year, the statutory partners' sign-offs, and where the approved report was
-- sent. The figures are not stored: each is computed from the records whenever the report is
-- shown. A year is named by its first calendar year (2016 for 2016-17), as the registers do.

CREATE TABLE report_sections (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    year_start     INTEGER NOT NULL,
    section        TEXT NOT NULL,
    body           TEXT NOT NULL,
    updated_at     INTEGER NOT NULL,
    updated_by     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT report_sections_once PRIMARY KEY (partnership_id, year_start, section)
);

CREATE TABLE report_sign_offs (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    year_start     INTEGER NOT NULL,
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    agency_name    TEXT NOT NULL,
    signed_by      TEXT NOT NULL,
    signed_at      INTEGER NOT NULL,
    CONSTRAINT report_sign_offs_once UNIQUE (partnership_id, year_start, agency_id)
);

CREATE TABLE report_dispatches (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    year_start     INTEGER NOT NULL,
    recipient      TEXT NOT NULL,
    sent_on        TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_at    INTEGER NOT NULL
);
CREATE INDEX report_dispatches_by_year ON report_dispatches(partnership_id, year_start, sent_on, id);
