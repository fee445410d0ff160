-- Governance on the one store pattern: every field a column (the store's own mapping, no longer
-- the API's JSON), indexes led by the partnership in each list's order. A meeting's agenda,
-- attendance and decisions, read only with their meeting, stay together in detail_json.
-- Existing rows are filled from record_json, which is then dropped. (As the SQLite 0006.)

ALTER TABLE governance_groups ADD COLUMN type TEXT NOT NULL DEFAULT 'sub_group';
ALTER TABLE governance_groups ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_groups ADD COLUMN chair_kind TEXT NOT NULL DEFAULT 'fixed';
ALTER TABLE governance_groups ADD COLUMN chair_person_id BIGINT REFERENCES people(id);
ALTER TABLE governance_groups ADD COLUMN deputy_person_id BIGINT REFERENCES people(id);
ALTER TABLE governance_groups ADD COLUMN rotation_months INTEGER NOT NULL DEFAULT 12;
ALTER TABLE governance_groups ADD COLUMN rotation_start TEXT;
ALTER TABLE governance_groups ADD COLUMN cadence_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE governance_groups ADD COLUMN quorum_kind TEXT NOT NULL DEFAULT 'min_share';
ALTER TABLE governance_groups ADD COLUMN quorum_value INTEGER NOT NULL DEFAULT 50;
ALTER TABLE governance_groups ADD COLUMN active_from TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_groups ADD COLUMN active_to TEXT;
UPDATE governance_groups SET
    type = coalesce(record_json::jsonb ->> 'type', 'sub_group'),
    purpose = coalesce(record_json::jsonb ->> 'purpose', ''),
    chair_kind = coalesce(record_json::jsonb ->> 'chair_kind', 'fixed'),
    chair_person_id = (record_json::jsonb ->> 'chair_id')::bigint,
    deputy_person_id = (record_json::jsonb ->> 'deputy_id')::bigint,
    rotation_months = coalesce((record_json::jsonb -> 'rotation' ->> 'months')::integer, 12),
    rotation_start = record_json::jsonb -> 'rotation' ->> 'start',
    cadence_months = coalesce((record_json::jsonb ->> 'cadence_months')::integer, 0),
    quorum_kind = coalesce(record_json::jsonb -> 'quorum' ->> 'kind', 'min_share'),
    quorum_value = coalesce((record_json::jsonb -> 'quorum' ->> 'value')::integer, 50),
    active_from = coalesce(record_json::jsonb ->> 'active_from', ''),
    active_to = record_json::jsonb ->> 'active_to';
ALTER TABLE governance_groups DROP COLUMN record_json;

ALTER TABLE governance_members ADD COLUMN code TEXT NOT NULL DEFAULT 'RA';
ALTER TABLE governance_members ADD COLUMN role TEXT NOT NULL DEFAULT 'member';
ALTER TABLE governance_members ADD COLUMN priority TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_members ADD COLUMN start_on TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_members ADD COLUMN end_on TEXT;
ALTER TABLE governance_members ADD COLUMN nominated_deputy TEXT NOT NULL DEFAULT '';
UPDATE governance_members SET
    code = coalesce(record_json::jsonb ->> 'code', 'RA'),
    role = coalesce(record_json::jsonb ->> 'role', 'member'),
    priority = coalesce(record_json::jsonb ->> 'priority', ''),
    start_on = coalesce(record_json::jsonb ->> 'start', ''),
    end_on = record_json::jsonb ->> 'end',
    nominated_deputy = coalesce(record_json::jsonb ->> 'nominated_deputy', '');
ALTER TABLE governance_members DROP COLUMN record_json;
CREATE INDEX governance_members_by_person ON governance_members(person_id, group_id);

ALTER TABLE governance_meetings ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_meetings ADD COLUMN starts_at TEXT NOT NULL DEFAULT '10:00';
ALTER TABLE governance_meetings ADD COLUMN minutes_long INTEGER NOT NULL DEFAULT 120;
ALTER TABLE governance_meetings ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_meetings ADD COLUMN online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1));
ALTER TABLE governance_meetings ADD COLUMN theme TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_meetings ADD COLUMN minutes TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_meetings ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{"agenda":[],"attendance":[],"decisions":[]}';
UPDATE governance_meetings SET
    cancel_reason = coalesce(record_json::jsonb ->> 'cancel_reason', ''),
    starts_at = coalesce(record_json::jsonb ->> 'starts_at', '10:00'),
    minutes_long = coalesce((record_json::jsonb ->> 'minutes_long')::integer, 120),
    place = coalesce(record_json::jsonb ->> 'place', ''),
    online = CASE WHEN (record_json::jsonb ->> 'online') = 'true' THEN 1 ELSE 0 END,
    theme = coalesce(record_json::jsonb ->> 'theme', ''),
    minutes = coalesce(record_json::jsonb ->> 'minutes', ''),
    detail_json = jsonb_build_object('agenda', coalesce(record_json::jsonb -> 'agenda', '[]'::jsonb),
                                     'attendance', coalesce(record_json::jsonb -> 'attendance', '[]'::jsonb),
                                     'decisions', coalesce(record_json::jsonb -> 'decisions', '[]'::jsonb))::text;
ALTER TABLE governance_meetings DROP COLUMN record_json;
DROP INDEX governance_meetings_by_partnership;
CREATE INDEX governance_meetings_by_partnership ON governance_meetings(partnership_id, held_on, id);
CREATE INDEX governance_meetings_by_group ON governance_meetings(partnership_id, group_id, held_on, id);

-- An action's group is its meeting's: filtering by group joins the meeting.
ALTER TABLE governance_actions ADD COLUMN text TEXT NOT NULL DEFAULT '';
ALTER TABLE governance_actions ADD COLUMN closed_on TEXT;
ALTER TABLE governance_actions ADD COLUMN note TEXT NOT NULL DEFAULT '';
UPDATE governance_actions SET
    text = coalesce(record_json::jsonb ->> 'text', ''),
    closed_on = record_json::jsonb ->> 'closed_on',
    note = coalesce(record_json::jsonb ->> 'note', '');
ALTER TABLE governance_actions DROP COLUMN record_json;
DROP INDEX governance_actions_by_partnership;
CREATE INDEX governance_actions_by_partnership ON governance_actions(partnership_id, due_on, id);
CREATE INDEX governance_actions_by_status ON governance_actions(partnership_id, status, due_on, id);
CREATE INDEX governance_actions_by_owner ON governance_actions(partnership_id, owner_person_id, status, due_on, id);
CREATE INDEX governance_actions_by_meeting ON governance_actions(meeting_id);

CREATE INDEX governance_interests_by_partnership ON governance_interests(partnership_id, declared_on, id);
CREATE INDEX governance_interests_by_person ON governance_interests(partnership_id, person_id, declared_on, id);
CREATE INDEX governance_interests_by_meeting ON governance_interests(meeting_id);
