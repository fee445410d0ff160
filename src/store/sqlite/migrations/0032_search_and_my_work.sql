-- Search (issue 19 item 4; docs/decisions/0026-search-and-my-work.md): one row per searchable record in
-- search_entries, kept by triggers on each record's table in the transaction that changes it,
-- and an FTS5 index over its title and body (external content: the text is kept once, in
-- search_entries). Case records, the registers and documents on cases are never entered.
-- PostgreSQL's 0032 keeps the same rows with a tsvector and a GIN index.

CREATE TABLE search_entries (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    record_id      INTEGER NOT NULL,
    parent_id      INTEGER NOT NULL DEFAULT 0,  -- a meeting action's or a meeting document's meeting
    agency_id      INTEGER NOT NULL DEFAULT 0,  -- an improvement action's agency (an agency lead sees their own)
    on_date        TEXT NOT NULL DEFAULT '',    -- a meeting's day, an action's due date, a learning record's date
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    CONSTRAINT search_entries_kind CHECK (kind IN ('person', 'agency', 'group', 'meeting', 'meeting_action',
                                                    'learning', 'improvement_action', 'document')),
    CONSTRAINT search_entries_once UNIQUE (kind, record_id)
);
CREATE INDEX search_entries_by_partnership ON search_entries(partnership_id, kind, id);

CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content = 'search_entries', content_rowid = 'id',
                                           tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TRIGGER search_entries_fts_insert AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
CREATE TRIGGER search_entries_fts_update AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
    INSERT INTO search_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;

-- What each record puts in the index. The same expressions fill it from the records already
-- there (below) and keep it as they change (the triggers after).
INSERT INTO search_entries(partnership_id, kind, record_id, title, body)
    SELECT partnership_id, 'person', id, name, job_title || ' ' || email FROM people;
INSERT INTO search_entries(partnership_id, kind, record_id, title, body)
    SELECT partnership_id, 'agency', id, name, sector || ' ' || chief_officer FROM agencies;
INSERT INTO search_entries(partnership_id, kind, record_id, title, body)
    SELECT partnership_id, 'group', id, name, purpose FROM governance_groups;
INSERT INTO search_entries(partnership_id, kind, record_id, on_date, title, body)
    SELECT m.partnership_id, 'meeting', m.id, m.held_on, g.name, m.theme || ' ' || m.place || ' ' || m.minutes
    FROM governance_meetings m JOIN governance_groups g ON g.id = m.group_id;
INSERT INTO search_entries(partnership_id, kind, record_id, parent_id, on_date, title, body)
    SELECT partnership_id, 'meeting_action', id, meeting_id, due_on, text, note FROM governance_actions;
INSERT INTO search_entries(partnership_id, kind, record_id, on_date, title, body)
    SELECT partnership_id, 'learning', id, on_date, title, summary FROM learning_sources;
INSERT INTO search_entries(partnership_id, kind, record_id, agency_id, on_date, title, body)
    SELECT partnership_id, 'improvement_action', id, agency_id, due, text, success_measure FROM improvement_actions;
INSERT INTO search_entries(partnership_id, kind, record_id, parent_id, title, body)
    SELECT d.partnership_id, 'document', d.id, d.record_id, d.title,
           coalesce((SELECT v.filename FROM document_versions v WHERE v.document_id = d.id AND v.number = d.latest), '')
    FROM documents d WHERE d.record_type IN ('meeting', 'partnership');

CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, title, body)
    VALUES (NEW.partnership_id, 'person', NEW.id, NEW.name, NEW.job_title || ' ' || NEW.email);
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF name, job_title, email ON people BEGIN
    UPDATE search_entries SET title = NEW.name, body = NEW.job_title || ' ' || NEW.email
    WHERE kind = 'person' AND record_id = NEW.id;
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_entries WHERE kind = 'person' AND record_id = OLD.id;
END;

CREATE TRIGGER agencies_search_insert AFTER INSERT ON agencies BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, title, body)
    VALUES (NEW.partnership_id, 'agency', NEW.id, NEW.name, NEW.sector || ' ' || NEW.chief_officer);
END;
CREATE TRIGGER agencies_search_update AFTER UPDATE OF name, sector, chief_officer ON agencies BEGIN
    UPDATE search_entries SET title = NEW.name, body = NEW.sector || ' ' || NEW.chief_officer
    WHERE kind = 'agency' AND record_id = NEW.id;
END;
CREATE TRIGGER agencies_search_delete AFTER DELETE ON agencies BEGIN
    DELETE FROM search_entries WHERE kind = 'agency' AND record_id = OLD.id;
END;

CREATE TRIGGER governance_groups_search_insert AFTER INSERT ON governance_groups BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, title, body)
    VALUES (NEW.partnership_id, 'group', NEW.id, NEW.name, NEW.purpose);
END;
-- A meeting is found by its group's name, so renaming the group renames its meetings' entries.
CREATE TRIGGER governance_groups_search_update AFTER UPDATE OF name, purpose ON governance_groups BEGIN
    UPDATE search_entries SET title = NEW.name, body = NEW.purpose WHERE kind = 'group' AND record_id = NEW.id;
    UPDATE search_entries SET title = NEW.name
    WHERE kind = 'meeting' AND record_id IN (SELECT id FROM governance_meetings WHERE group_id = NEW.id) AND title <> NEW.name;
END;
CREATE TRIGGER governance_groups_search_delete AFTER DELETE ON governance_groups BEGIN
    DELETE FROM search_entries WHERE kind = 'group' AND record_id = OLD.id;
END;

CREATE TRIGGER governance_meetings_search_insert AFTER INSERT ON governance_meetings BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, on_date, title, body)
    VALUES (NEW.partnership_id, 'meeting', NEW.id, NEW.held_on,
            coalesce((SELECT name FROM governance_groups WHERE id = NEW.group_id), ''),
            NEW.theme || ' ' || NEW.place || ' ' || NEW.minutes);
END;
CREATE TRIGGER governance_meetings_search_update AFTER UPDATE OF group_id, held_on, theme, place, minutes ON governance_meetings BEGIN
    UPDATE search_entries SET on_date = NEW.held_on,
        title = coalesce((SELECT name FROM governance_groups WHERE id = NEW.group_id), ''),
        body = NEW.theme || ' ' || NEW.place || ' ' || NEW.minutes
    WHERE kind = 'meeting' AND record_id = NEW.id;
END;
CREATE TRIGGER governance_meetings_search_delete AFTER DELETE ON governance_meetings BEGIN
    DELETE FROM search_entries WHERE kind = 'meeting' AND record_id = OLD.id;
END;

CREATE TRIGGER governance_actions_search_insert AFTER INSERT ON governance_actions BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, parent_id, on_date, title, body)
    VALUES (NEW.partnership_id, 'meeting_action', NEW.id, NEW.meeting_id, NEW.due_on, NEW.text, NEW.note);
END;
CREATE TRIGGER governance_actions_search_update AFTER UPDATE OF meeting_id, due_on, text, note ON governance_actions BEGIN
    UPDATE search_entries SET parent_id = NEW.meeting_id, on_date = NEW.due_on, title = NEW.text, body = NEW.note
    WHERE kind = 'meeting_action' AND record_id = NEW.id;
END;
CREATE TRIGGER governance_actions_search_delete AFTER DELETE ON governance_actions BEGIN
    DELETE FROM search_entries WHERE kind = 'meeting_action' AND record_id = OLD.id;
END;

CREATE TRIGGER learning_sources_search_insert AFTER INSERT ON learning_sources BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, on_date, title, body)
    VALUES (NEW.partnership_id, 'learning', NEW.id, NEW.on_date, NEW.title, NEW.summary);
END;
CREATE TRIGGER learning_sources_search_update AFTER UPDATE OF on_date, title, summary ON learning_sources BEGIN
    UPDATE search_entries SET on_date = NEW.on_date, title = NEW.title, body = NEW.summary
    WHERE kind = 'learning' AND record_id = NEW.id;
END;
CREATE TRIGGER learning_sources_search_delete AFTER DELETE ON learning_sources BEGIN
    DELETE FROM search_entries WHERE kind = 'learning' AND record_id = OLD.id;
END;

CREATE TRIGGER improvement_actions_search_insert AFTER INSERT ON improvement_actions BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, agency_id, on_date, title, body)
    VALUES (NEW.partnership_id, 'improvement_action', NEW.id, NEW.agency_id, NEW.due, NEW.text, NEW.success_measure);
END;
CREATE TRIGGER improvement_actions_search_update AFTER UPDATE OF agency_id, due, text, success_measure ON improvement_actions BEGIN
    UPDATE search_entries SET agency_id = NEW.agency_id, on_date = NEW.due, title = NEW.text, body = NEW.success_measure
    WHERE kind = 'improvement_action' AND record_id = NEW.id;
END;
CREATE TRIGGER improvement_actions_search_delete AFTER DELETE ON improvement_actions BEGIN
    DELETE FROM search_entries WHERE kind = 'improvement_action' AND record_id = OLD.id;
END;

-- Documents on a meeting or the partnership's own, by title and their latest file's name;
-- documents on cases are the case's (need-to-know) and never entered.
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents WHEN NEW.record_type IN ('meeting', 'partnership') BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, parent_id, title, body)
    VALUES (NEW.partnership_id, 'document', NEW.id, NEW.record_id, NEW.title, '');
END;
CREATE TRIGGER documents_search_update AFTER UPDATE OF title ON documents BEGIN
    UPDATE search_entries SET title = NEW.title WHERE kind = 'document' AND record_id = NEW.id;
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
    DELETE FROM search_entries WHERE kind = 'document' AND record_id = OLD.id;
END;
CREATE TRIGGER document_versions_search_insert AFTER INSERT ON document_versions BEGIN
    UPDATE search_entries SET body = NEW.filename WHERE kind = 'document' AND record_id = NEW.document_id;
END;

-- My work (issue 19 item 2): what a person owes is asked by the person, their agency and their
-- email; meeting actions (governance_actions_by_owner) and dataset returns
-- (dataset_returns_by_agency) already have theirs.
CREATE INDEX improvement_actions_by_lead ON improvement_actions(partnership_id, lead_id, state, due, id);
CREATE INDEX training_bookings_by_email ON training_bookings(partnership_id, email, status, session_id);
