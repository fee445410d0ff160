-- The access log names each distinct list of records once (decision 0008, "Record sets").
--
-- Until now every entry copied its records into access_log_records, one row per record: a
-- list of 50 cases viewed 2,000 times a second meant 100,000 indexed rows a second. The same
-- people are shown the same lists again and again, so an entry now points to a record set —
-- the records it showed, in order — kept once per partnership and found by its digest. "Who
-- was shown case 12?" reads the sets that hold case 12, then the entries of those sets.
--
-- Each earlier entry becomes a set of its own (digest 'entry:' and its id), so nothing is
-- rewritten but the tables' shape; SQLite cannot change a column, so access_log is made again.
CREATE TABLE access_record_sets (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    record_type    TEXT NOT NULL,  -- review_case, lado_referral, document …
    digest         TEXT NOT NULL,  -- SHA-256 of the type and the ids in order, in hex
    record_ids     TEXT NOT NULL,  -- the records, space separated, in the order shown
    CONSTRAINT access_record_sets_digest_unique UNIQUE (partnership_id, digest)
);
CREATE TABLE access_record_set_members (
    set_id         INTEGER NOT NULL REFERENCES access_record_sets(id),
    partnership_id INTEGER NOT NULL,
    record_type    TEXT NOT NULL,
    record_id      TEXT NOT NULL
);
CREATE INDEX access_record_set_members_by_record
    ON access_record_set_members(partnership_id, record_id, record_type, set_id);

INSERT INTO access_record_sets(id, partnership_id, record_type, digest, record_ids)
    SELECT id, partnership_id, record_type, 'entry:' || id, record_ids FROM access_log ORDER BY id;
INSERT INTO access_record_set_members(set_id, partnership_id, record_type, record_id)
    SELECT entry_id, partnership_id, record_type, record_id FROM access_log_records;

CREATE TABLE access_log_0033 (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    at             INTEGER NOT NULL,
    actor_user_id  INTEGER,
    actor_label    TEXT NOT NULL,
    kind           TEXT NOT NULL,  -- list, record, identities, recommendations
    set_id         INTEGER NOT NULL REFERENCES access_record_sets(id)
);
INSERT INTO access_log_0033(id, partnership_id, at, actor_user_id, actor_label, kind, set_id)
    SELECT id, partnership_id, at, actor_user_id, actor_label, kind, id FROM access_log ORDER BY id;
DROP TABLE access_log_records;
DROP TABLE access_log;
ALTER TABLE access_log_0033 RENAME TO access_log;
CREATE INDEX access_log_by_partnership_time ON access_log(partnership_id, at DESC, id DESC);
CREATE INDEX access_log_by_set ON access_log(set_id, at DESC, id DESC);

-- Like the trail of changes, the log is append-only, and so are its sets.
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER access_record_sets_no_update BEFORE UPDATE ON access_record_sets
BEGIN SELECT RAISE(ABORT, 'access_record_sets is append-only'); END;
CREATE TRIGGER access_record_sets_no_delete BEFORE DELETE ON access_record_sets
BEGIN SELECT RAISE(ABORT, 'access_record_sets is append-only'); END;
CREATE TRIGGER access_record_set_members_no_update BEFORE UPDATE ON access_record_set_members
BEGIN SELECT RAISE(ABORT, 'access_record_set_members is append-only'); END;
CREATE TRIGGER access_record_set_members_no_delete BEFORE DELETE ON access_record_set_members
BEGIN SELECT RAISE(ABORT, 'access_record_set_members is append-only'); END;
