-- The per-case multi-agency audit tool (issue 20 item 5): a thematic audit's set questions; the
-- cases it audits, by pseudonym, with the agencies asked to audit each; each agency's audit of a
-- case (grades and comments per question, a draft until submitted); and the moderation meeting's
-- agreed grades for each case.
CREATE TABLE case_audit_questions (
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    source_id       INTEGER NOT NULL REFERENCES learning_sources(id),
    questions_json  TEXT NOT NULL,
    PRIMARY KEY (partnership_id, source_id)
);

CREATE TABLE audited_cases (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    source_id       INTEGER NOT NULL REFERENCES learning_sources(id),
    pseudonym       TEXT NOT NULL,
    pseudonym_key   TEXT NOT NULL,
    summary         TEXT NOT NULL,
    agencies        TEXT NOT NULL,
    version         INTEGER NOT NULL,
    CONSTRAINT audited_cases_pseudonym_once UNIQUE (source_id, pseudonym_key)
);
CREATE INDEX audited_cases_by_audit ON audited_cases(partnership_id, source_id, id);

CREATE TABLE agency_case_audits (
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    case_id         INTEGER NOT NULL REFERENCES audited_cases(id),
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    answers_json    TEXT NOT NULL,
    submitted       INTEGER NOT NULL CHECK (submitted IN (0, 1)),
    by_name         TEXT NOT NULL,
    saved_at        INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    PRIMARY KEY (case_id, agency_id)
);

CREATE TABLE case_audit_moderations (
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    case_id         INTEGER NOT NULL PRIMARY KEY REFERENCES audited_cases(id),
    met_on          TEXT NOT NULL,
    agreed_json     TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    by_name         TEXT NOT NULL,
    version         INTEGER NOT NULL
);
