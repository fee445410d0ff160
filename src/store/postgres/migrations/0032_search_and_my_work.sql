-- Search (issue 19 item 4; docs/decisions/0026-search-and-my-work.md): one row per searchable record in
-- search_entries, kept by triggers on each record's table in the transaction that changes it,
-- with a tsvector (English configuration: the title weighted above the body) and a GIN index.
-- Case records, the registers and documents on cases are never entered. SQLite's 0032 keeps
-- the same rows under an FTS5 index.

CREATE TABLE search_entries (
    partnership_id BIGINT NOT NULL,
    kind           TEXT NOT NULL,
    record_id      BIGINT NOT NULL,
    parent_id      BIGINT NOT NULL DEFAULT 0,  -- a meeting action's or a meeting document's meeting
    agency_id      BIGINT NOT NULL DEFAULT 0,  -- an improvement action's agency (an agency lead sees their own)
    on_date        TEXT NOT NULL DEFAULT '',   -- a meeting's day, an action's due date, a learning record's date
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    -- The entry's id comes from its record, not from a sequence: the store reads a new record's
    -- id with lastval(), which a trigger's nextval would change.
    id             BIGINT GENERATED ALWAYS AS (record_id * 16 + CASE kind WHEN 'person' THEN 1 WHEN 'agency' THEN 2
                       WHEN 'group' THEN 3 WHEN 'meeting' THEN 4 WHEN 'meeting_action' THEN 5 WHEN 'learning' THEN 6
                       WHEN 'improvement_action' THEN 7 ELSE 8 END) STORED,
    document       tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') ||
                                                 setweight(to_tsvector('english', body), 'B')) STORED,
    CONSTRAINT search_entries_kind CHECK (kind IN ('person', 'agency', 'group', 'meeting', 'meeting_action',
                                                    'learning', 'improvement_action', 'document')),
    CONSTRAINT search_entries_once PRIMARY KEY (kind, record_id),
    CONSTRAINT search_entries_id UNIQUE (id)
);
CREATE INDEX search_entries_by_partnership ON search_entries(partnership_id, kind, id);
CREATE INDEX search_entries_text ON search_entries USING GIN (document);

-- What each record puts in the index. The same expressions fill it from the records already
-- there (below) and keep it as they change (the trigger functions after).
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

-- One function writes a record's entry: inserted, or brought up to date.
CREATE FUNCTION search_put(p BIGINT, k TEXT, r BIGINT, parent BIGINT, agency BIGINT, on_day TEXT, t TEXT, b TEXT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_entries(partnership_id, kind, record_id, parent_id, agency_id, on_date, title, body)
    VALUES (p, k, r, parent, agency, on_day, t, b)
    ON CONFLICT (kind, record_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, agency_id = EXCLUDED.agency_id,
        on_date = EXCLUDED.on_date, title = EXCLUDED.title, body = EXCLUDED.body;
END
$$;

CREATE FUNCTION people_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'person' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'person', NEW.id, 0, 0, '', NEW.name, NEW.job_title || ' ' || NEW.email);
    RETURN NEW;
END
$$;
CREATE TRIGGER people_search AFTER INSERT OR UPDATE OF name, job_title, email OR DELETE ON people
FOR EACH ROW EXECUTE FUNCTION people_search();

CREATE FUNCTION agencies_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'agency' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'agency', NEW.id, 0, 0, '', NEW.name, NEW.sector || ' ' || NEW.chief_officer);
    RETURN NEW;
END
$$;
CREATE TRIGGER agencies_search AFTER INSERT OR UPDATE OF name, sector, chief_officer OR DELETE ON agencies
FOR EACH ROW EXECUTE FUNCTION agencies_search();

-- A meeting is found by its group's name, so renaming the group renames its meetings' entries.
CREATE FUNCTION governance_groups_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'group' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'group', NEW.id, 0, 0, '', NEW.name, NEW.purpose);
    IF TG_OP = 'UPDATE' THEN
        UPDATE search_entries SET title = NEW.name
        WHERE kind = 'meeting' AND record_id IN (SELECT id FROM governance_meetings WHERE group_id = NEW.id) AND title <> NEW.name;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER governance_groups_search AFTER INSERT OR UPDATE OF name, purpose OR DELETE ON governance_groups
FOR EACH ROW EXECUTE FUNCTION governance_groups_search();

CREATE FUNCTION governance_meetings_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'meeting' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'meeting', NEW.id, 0, 0, NEW.held_on,
                       coalesce((SELECT name FROM governance_groups WHERE id = NEW.group_id), ''),
                       NEW.theme || ' ' || NEW.place || ' ' || NEW.minutes);
    RETURN NEW;
END
$$;
CREATE TRIGGER governance_meetings_search AFTER INSERT OR UPDATE OF group_id, held_on, theme, place, minutes OR DELETE
ON governance_meetings FOR EACH ROW EXECUTE FUNCTION governance_meetings_search();

CREATE FUNCTION governance_actions_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'meeting_action' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'meeting_action', NEW.id, NEW.meeting_id, 0, NEW.due_on, NEW.text, NEW.note);
    RETURN NEW;
END
$$;
CREATE TRIGGER governance_actions_search AFTER INSERT OR UPDATE OF meeting_id, due_on, text, note OR DELETE
ON governance_actions FOR EACH ROW EXECUTE FUNCTION governance_actions_search();

CREATE FUNCTION learning_sources_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'learning' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'learning', NEW.id, 0, 0, NEW.on_date, NEW.title, NEW.summary);
    RETURN NEW;
END
$$;
CREATE TRIGGER learning_sources_search AFTER INSERT OR UPDATE OF on_date, title, summary OR DELETE
ON learning_sources FOR EACH ROW EXECUTE FUNCTION learning_sources_search();

CREATE FUNCTION improvement_actions_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'improvement_action' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_put(NEW.partnership_id, 'improvement_action', NEW.id, 0, NEW.agency_id, NEW.due, NEW.text,
                       NEW.success_measure);
    RETURN NEW;
END
$$;
CREATE TRIGGER improvement_actions_search AFTER INSERT OR UPDATE OF agency_id, due, text, success_measure OR DELETE
ON improvement_actions FOR EACH ROW EXECUTE FUNCTION improvement_actions_search();

-- Documents on a meeting or the partnership's own, by title and their latest file's name;
-- documents on cases are the case's (need-to-know) and never entered.
CREATE FUNCTION documents_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_entries WHERE kind = 'document' AND record_id = OLD.id;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.record_type IN ('meeting', 'partnership') THEN
            PERFORM search_put(NEW.partnership_id, 'document', NEW.id, NEW.record_id, 0, '', NEW.title, '');
        END IF;
    ELSE
        UPDATE search_entries SET title = NEW.title WHERE kind = 'document' AND record_id = NEW.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER documents_search AFTER INSERT OR UPDATE OF title OR DELETE ON documents
FOR EACH ROW EXECUTE FUNCTION documents_search();

CREATE FUNCTION document_versions_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_entries SET body = NEW.filename WHERE kind = 'document' AND record_id = NEW.document_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER document_versions_search AFTER INSERT ON document_versions
FOR EACH ROW EXECUTE FUNCTION document_versions_search();

-- My work (issue 19 item 2): what a person owes is asked by the person, their agency and their
-- email; meeting actions (governance_actions_by_owner) and dataset returns
-- (dataset_returns_by_agency) already have theirs.
CREATE INDEX improvement_actions_by_lead ON improvement_actions(partnership_id, lead_id, state, due, id);
CREATE INDEX training_bookings_by_email ON training_bookings(partnership_id, email, status, session_id);
