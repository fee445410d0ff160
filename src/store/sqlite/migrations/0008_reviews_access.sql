-- Reviews on the one store pattern (decision 0007) and the access log (decision 0008).
--
-- What the lists of cases filter on becomes columns the write path keeps. The stage, the next
-- statutory date, the decision and the commissioned reviewer are the rules' verdict on a case
-- (core's standing_of), which needs the working-day calendar: rows written before this
-- migration are left with stage NULL and Assure works their standing out when it next opens
-- the database (settle_case_standings), as it does for every case it writes.
ALTER TABLE review_cases ADD COLUMN stage TEXT;
ALTER TABLE review_cases ADD COLUMN next_due_on TEXT;
ALTER TABLE review_cases ADD COLUMN decision TEXT;
ALTER TABLE review_cases ADD COLUMN reviewer_user_id INTEGER;
CREATE INDEX review_cases_by_partnership_aware ON review_cases(partnership_id, became_aware_on DESC, id DESC);
CREATE INDEX review_cases_by_partnership_stage ON review_cases(partnership_id, stage, next_due_on);

-- The panel and the declared interests leave record_json for tables, so that need-to-know is
-- a question SQL can answer.
CREATE TABLE review_case_panel (
    case_id  INTEGER NOT NULL REFERENCES review_cases(id),
    user_id  INTEGER NOT NULL,
    label    TEXT NOT NULL,
    position INTEGER NOT NULL,
    CONSTRAINT review_case_panel_once UNIQUE (case_id, user_id)
);
CREATE INDEX review_case_panel_by_user ON review_case_panel(user_id, case_id);

CREATE TABLE review_case_conflicts (
    case_id     INTEGER NOT NULL REFERENCES review_cases(id),
    user_id     INTEGER NOT NULL,
    user_label  TEXT NOT NULL,
    declared_on TEXT NOT NULL,
    interest    TEXT NOT NULL,
    panel_view  TEXT NOT NULL,
    appeal      TEXT NOT NULL,
    excludes    INTEGER NOT NULL,  -- core's Conflict::excludes, kept by the write path
    position    INTEGER NOT NULL,
    CONSTRAINT review_case_conflicts_once UNIQUE (case_id, user_id)
);
CREATE INDEX review_case_conflicts_by_user ON review_case_conflicts(user_id, case_id);

INSERT INTO review_case_panel(case_id, user_id, label, position)
SELECT c.id, json_extract(p.value, '$.user'), json_extract(p.value, '$.label'), p.key
FROM review_cases c, json_each(c.record_json, '$.panel') p;

-- An interest excludes until settle_case_standings applies the rule: closed, not open, meanwhile.
INSERT INTO review_case_conflicts(case_id, user_id, user_label, declared_on, interest, panel_view, appeal, excludes, position)
SELECT c.id, json_extract(x.value, '$.user'), json_extract(x.value, '$.label'), json_extract(x.value, '$.declared_on'),
       json_extract(x.value, '$.interest'), json_extract(x.value, '$.panel'), json_extract(x.value, '$.appeal'), 1, x.key
FROM review_cases c, json_each(c.record_json, '$.conflicts') x;

UPDATE review_cases SET record_json = json_remove(record_json, '$.panel', '$.conflicts');

-- Reads of restricted records: who was shown which records, when, in what kind of view. Apart
-- from the trail of changes, appended in batches by a writer off the request threads.
CREATE TABLE access_log (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    at             INTEGER NOT NULL,
    actor_user_id  INTEGER,
    actor_label    TEXT NOT NULL,
    kind           TEXT NOT NULL,  -- list, record, identities, recommendations
    record_type    TEXT NOT NULL,  -- review_case
    record_ids     TEXT NOT NULL   -- the records shown, space separated, in the order shown
);
CREATE INDEX access_log_by_partnership_time ON access_log(partnership_id, at DESC, id DESC);

-- One row per record shown, so "who was shown case 12?" is read from an index.
CREATE TABLE access_log_records (
    entry_id       INTEGER NOT NULL REFERENCES access_log(id),
    partnership_id INTEGER NOT NULL,
    record_type    TEXT NOT NULL,
    record_id      TEXT NOT NULL
);
CREATE INDEX access_log_records_by_record ON access_log_records(partnership_id, record_id, record_type, entry_id);

-- Like the trail of changes, the log is append-only.
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER access_log_records_no_update BEFORE UPDATE ON access_log_records
BEGIN SELECT RAISE(ABORT, 'access_log_records is append-only'); END;
CREATE TRIGGER access_log_records_no_delete BEFORE DELETE ON access_log_records
BEGIN SELECT RAISE(ABORT, 'access_log_records is append-only'); END;
