-- Multi-agency chronologies for reviews (issue 18 item 2): each agency's rows on a case, and the
-- names the anonymised view replaces. Part of the case's record: read only through the case's
-- need-to-know, every reading logged (app/reviews/chronology.cpp).
CREATE TABLE review_chronology (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    case_id         INTEGER NOT NULL REFERENCES review_cases(id),
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    on_date         TEXT NOT NULL,
    minute          INTEGER,
    event           TEXT NOT NULL,
    source          TEXT NOT NULL DEFAULT '',
    analysis        TEXT NOT NULL DEFAULT '',
    added_by        TEXT NOT NULL,
    added_at        INTEGER NOT NULL,
    CONSTRAINT review_chronology_minute CHECK (minute IS NULL OR (minute >= 0 AND minute < 1440)),
    CONSTRAINT review_chronology_event CHECK (event <> '')
);
CREATE INDEX review_chronology_by_case ON review_chronology(partnership_id, case_id, on_date);

CREATE TABLE review_chronology_aliases (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    case_id         INTEGER NOT NULL REFERENCES review_cases(id),
    name            TEXT NOT NULL,
    stands_for      TEXT NOT NULL,
    CONSTRAINT review_chronology_aliases_parts CHECK (name <> '' AND stands_for <> '')
);
CREATE UNIQUE INDEX review_chronology_aliases_name ON review_chronology_aliases(partnership_id, case_id, lower(name));
