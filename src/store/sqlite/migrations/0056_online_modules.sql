-- Online modules bought from an e-learning provider, and each practitioner's enrolment on one as
-- the provider reports it (issue 16 item 1): applied, started, completed. An enrolment is one
-- practitioner (their email) on one module; a later report updates it.
CREATE TABLE training_modules (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    title           TEXT NOT NULL,
    provider        TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT '',
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version         INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT training_modules_title_once UNIQUE (partnership_id, title)
);

CREATE TABLE module_enrolments (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    module_id       INTEGER NOT NULL REFERENCES training_modules(id),
    email           TEXT NOT NULL,
    name            TEXT NOT NULL,
    organisation    TEXT NOT NULL DEFAULT '',
    agency_id       INTEGER REFERENCES agencies(id),
    applied_on      TEXT NOT NULL,
    started_on      TEXT,
    completed_on    TEXT,
    CONSTRAINT module_enrolments_once UNIQUE (module_id, email),
    CONSTRAINT module_enrolments_dates CHECK ((started_on IS NULL OR started_on >= applied_on)
                                              AND (completed_on IS NULL OR (started_on IS NOT NULL AND completed_on >= started_on)))
);
-- The year's figures read a partnership's enrolments by the day they were applied for; a
-- module's page reads its enrolments by name.
CREATE INDEX module_enrolments_by_applied ON module_enrolments(partnership_id, applied_on);
CREATE INDEX module_enrolments_by_name ON module_enrolments(module_id, lower(name), id);
