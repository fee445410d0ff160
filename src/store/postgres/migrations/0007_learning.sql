-- Learning and improvement on the one store pattern (decision 0007).
-- The same schema as the SQLite migration of the same number, and the same data moves; see its
-- comments. Here `j` is a row's record_json as jsonb. SQLite's json_extract turns a JSON null
-- into SQL NULL where `->` keeps it, hence nullif(j -> 'x', 'null') before a coalesce; and
-- json_each's key is 0-based where WITH ORDINALITY counts from 1.

-- ---- learning sources ----------------------------------------------------------------------
ALTER TABLE learning_sources
    ADD COLUMN title TEXT NOT NULL DEFAULT '',
    ADD COLUMN status TEXT NOT NULL DEFAULT '',
    ADD COLUMN summary TEXT NOT NULL DEFAULT '',
    ADD COLUMN review_id BIGINT,
    ADD COLUMN agency_id BIGINT,
    ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE learning_sources s SET
    title = coalesce(r.j ->> 'title', ''),
    status = coalesce(r.j ->> 'status', 'complete'),
    summary = coalesce(r.j ->> 'summary', ''),
    review_id = (r.j ->> 'review')::bigint,
    agency_id = (r.j ->> 'agency')::bigint,
    detail_json = jsonb_build_object(
        'body', coalesce(r.j ->> 'body', ''),
        'visitor', coalesce(r.j ->> 'visitor', ''),
        'cases_audited', coalesce(nullif(r.j -> 'cases_audited', 'null'), '0'),
        'auditors', coalesce(nullif(r.j -> 'auditors', 'null'), '[]'),
        'voice', coalesce(r.j ->> 'voice', ''),
        'findings', coalesce(nullif(r.j -> 'findings', 'null'), '[]'))::text
FROM (SELECT id, record_json::jsonb AS j FROM learning_sources) r
WHERE r.id = s.id;

CREATE TABLE learning_source_priorities (
    source_id      BIGINT NOT NULL REFERENCES learning_sources(id),
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    position       INTEGER NOT NULL,
    priority       TEXT NOT NULL,
    CONSTRAINT learning_source_priorities_once PRIMARY KEY (source_id, priority)
);
CREATE INDEX learning_source_priorities_by_priority ON learning_source_priorities(partnership_id, priority, source_id);
INSERT INTO learning_source_priorities(source_id, partnership_id, position, priority)
    SELECT DISTINCT s.id, s.partnership_id, (p.n - 1)::integer, p.value
    FROM learning_sources s,
         jsonb_array_elements_text(s.record_json::jsonb -> 'priorities') WITH ORDINALITY AS p(value, n);

CREATE TABLE source_recommendations (
    source_id                BIGINT NOT NULL REFERENCES learning_sources(id),
    partnership_id           BIGINT NOT NULL REFERENCES partnerships(id),
    number                   INTEGER NOT NULL,
    text                     TEXT NOT NULL,
    priority                 TEXT NOT NULL DEFAULT '',
    agency_ids               TEXT NOT NULL DEFAULT '[]',
    review_recommendation_id BIGINT,
    CONSTRAINT source_recommendations_number PRIMARY KEY (source_id, number)
);
CREATE INDEX source_recommendations_by_priority ON source_recommendations(partnership_id, priority, source_id, number);
INSERT INTO source_recommendations(source_id, partnership_id, number, text, priority, agency_ids, review_recommendation_id)
    SELECT s.id, s.partnership_id, (r.value ->> 'number')::integer, coalesce(r.value ->> 'text', ''),
           coalesce(r.value ->> 'priority', ''), coalesce(nullif(r.value -> 'agencies', 'null'), '[]')::text,
           (r.value ->> 'review_recommendation')::bigint
    FROM learning_sources s, jsonb_array_elements(s.record_json::jsonb -> 'recommendations') AS r(value);

ALTER TABLE learning_sources DROP COLUMN record_json;
DROP INDEX learning_sources_partnership;
CREATE INDEX learning_sources_by_date ON learning_sources(partnership_id, on_date, id);
CREATE INDEX learning_sources_by_kind ON learning_sources(partnership_id, kind, on_date, id);

-- ---- improvement actions -------------------------------------------------------------------
ALTER TABLE improvement_actions
    ADD COLUMN source_id BIGINT REFERENCES learning_sources(id),
    ADD COLUMN recommendation INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN audit_return_id BIGINT REFERENCES audit_returns(id),
    ADD COLUMN standard TEXT NOT NULL DEFAULT '',
    ADD COLUMN text TEXT NOT NULL DEFAULT '',
    ADD COLUMN lead_id BIGINT,
    ADD COLUMN success_measure TEXT NOT NULL DEFAULT '',
    ADD COLUMN group_id BIGINT,
    ADD COLUMN priority TEXT NOT NULL DEFAULT '',
    ADD COLUMN superseded_reason TEXT NOT NULL DEFAULT '',
    ADD COLUMN created_on TEXT NOT NULL DEFAULT '',
    ADD COLUMN last_recorded_on TEXT NOT NULL DEFAULT '',
    ADD COLUMN has_impact_evidence INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE improvement_actions a SET
    source_id = (r.j ->> 'source')::bigint,
    recommendation = coalesce((r.j ->> 'recommendation')::integer, 0),
    audit_return_id = (r.j ->> 'audit_return')::bigint,
    standard = coalesce(r.j ->> 'standard', ''),
    text = coalesce(r.j ->> 'text', ''),
    lead_id = (r.j ->> 'lead')::bigint,
    success_measure = coalesce(r.j ->> 'success_measure', ''),
    group_id = (r.j ->> 'group')::bigint,
    priority = coalesce(r.j ->> 'priority', ''),
    superseded_reason = coalesce(r.j ->> 'superseded_reason', ''),
    created_on = coalesce(r.j ->> 'created_on', a.due),
    last_recorded_on = GREATEST(coalesce(r.j ->> 'created_on', a.due),
                                coalesce((SELECT max(u ->> 'on') FROM jsonb_array_elements(r.updates) u), ''),
                                coalesce((SELECT max(e ->> 'on') FROM jsonb_array_elements(r.evidence) e), '')),
    has_impact_evidence = CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(r.evidence) e WHERE e ->> 'kind' = 'impact')
                               THEN 1 ELSE 0 END,
    detail_json = jsonb_build_object('updates', r.updates, 'evidence', r.evidence)::text
FROM (SELECT id, record_json::jsonb AS j,
             coalesce(nullif(record_json::jsonb -> 'updates', 'null'), '[]') AS updates,
             coalesce(nullif(record_json::jsonb -> 'evidence', 'null'), '[]') AS evidence
      FROM improvement_actions) r
WHERE r.id = a.id;
ALTER TABLE improvement_actions DROP COLUMN record_json;
DROP INDEX improvement_actions_partnership;
CREATE INDEX improvement_actions_by_due ON improvement_actions(partnership_id, due, id);
CREATE INDEX improvement_actions_by_state ON improvement_actions(partnership_id, state, due, id);
CREATE INDEX improvement_actions_by_agency ON improvement_actions(partnership_id, agency_id, due, id);
CREATE INDEX improvement_actions_by_group ON improvement_actions(partnership_id, group_id, due, id);
CREATE INDEX improvement_actions_by_priority ON improvement_actions(partnership_id, priority, due, id);
CREATE INDEX improvement_actions_by_source ON improvement_actions(partnership_id, source_id, recommendation);
CREATE INDEX improvement_actions_by_return ON improvement_actions(partnership_id, audit_return_id);

-- ---- Section 11/175 cycles and returns -------------------------------------------------------
ALTER TABLE audit_cycles
    ADD COLUMN title TEXT NOT NULL DEFAULT '',
    ADD COLUMN opens TEXT NOT NULL DEFAULT '',
    ADD COLUMN closes TEXT NOT NULL DEFAULT '',
    ADD COLUMN scale TEXT NOT NULL DEFAULT '',
    ADD COLUMN closed INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
-- "closed" is true as SQLite reads it: JSON true, or a number other than zero.
UPDATE audit_cycles c SET
    title = coalesce(r.j ->> 'title', ''),
    opens = coalesce(r.j ->> 'opens', ''),
    closes = coalesce(r.j ->> 'closes', ''),
    scale = coalesce(r.j ->> 'scale', 'four_point'),
    closed = CASE WHEN r.j -> 'closed' = 'true' THEN 1
                  WHEN jsonb_typeof(r.j -> 'closed') = 'number' AND (r.j ->> 'closed')::numeric <> 0 THEN 1
                  ELSE 0 END,
    detail_json = jsonb_build_object('standards', coalesce(nullif(r.j -> 'standards', 'null'), '[]'),
                                     'invited', coalesce(nullif(r.j -> 'invited', 'null'), '[]'))::text
FROM (SELECT id, record_json::jsonb AS j FROM audit_cycles) r
WHERE r.id = c.id;
ALTER TABLE audit_cycles DROP COLUMN record_json;
CREATE INDEX audit_cycles_by_opens ON audit_cycles(partnership_id, opens, id);

ALTER TABLE audit_returns
    ADD COLUMN submitted_on TEXT,
    ADD COLUMN submitted_by TEXT NOT NULL DEFAULT '',
    ADD COLUMN moderated_on TEXT,
    ADD COLUMN challenge_notes TEXT NOT NULL DEFAULT '',
    ADD COLUMN shared_from_partnership_id BIGINT REFERENCES partnerships(id),
    ADD COLUMN shared_from_return_id BIGINT,
    ADD COLUMN shared_from_on TEXT,
    ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE audit_returns t SET
    submitted_on = r.j ->> 'submitted_on',
    submitted_by = coalesce(r.j ->> 'submitted_by', ''),
    moderated_on = r.j ->> 'moderated_on',
    challenge_notes = coalesce(r.j ->> 'challenge_notes', ''),
    shared_from_partnership_id = (r.j #>> '{shared_from,partnership}')::bigint,
    shared_from_return_id = (r.j #>> '{shared_from,source}')::bigint,
    shared_from_on = r.j #>> '{shared_from,shared_on}',
    detail_json = jsonb_build_object('answers', coalesce(nullif(r.j -> 'answers', 'null'), '[]'),
                                     'shared_from_name', coalesce(r.j #>> '{shared_from,partnership_name}', ''),
                                     'shared_with', coalesce(nullif(r.j -> 'shared_with', 'null'), '[]'))::text
FROM (SELECT id, record_json::jsonb AS j FROM audit_returns) r
WHERE r.id = t.id;
ALTER TABLE audit_returns DROP COLUMN record_json;
CREATE INDEX audit_returns_by_cycle ON audit_returns(partnership_id, cycle_id, agency_id);
CREATE INDEX audit_returns_by_agency ON audit_returns(partnership_id, agency_id, status);

-- ---- briefings -------------------------------------------------------------------------------
ALTER TABLE briefings
    ADD COLUMN title TEXT NOT NULL DEFAULT '',
    ADD COLUMN audience TEXT NOT NULL DEFAULT '',
    ADD COLUMN link TEXT NOT NULL DEFAULT '',
    ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
UPDATE briefings b SET
    title = coalesce(r.j ->> 'title', ''),
    audience = coalesce(r.j ->> 'audience', ''),
    link = coalesce(r.j ->> 'link', ''),
    reached = coalesce((r.j ->> 'reached')::integer, 0)
FROM (SELECT id, record_json::jsonb AS j FROM briefings) r
WHERE r.id = b.id;
CREATE TABLE briefing_sources (
    briefing_id    BIGINT NOT NULL REFERENCES briefings(id),
    source_id      BIGINT NOT NULL REFERENCES learning_sources(id),
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    CONSTRAINT briefing_sources_once PRIMARY KEY (briefing_id, source_id)
);
CREATE INDEX briefing_sources_by_source ON briefing_sources(partnership_id, source_id, briefing_id);
INSERT INTO briefing_sources(briefing_id, source_id, partnership_id)
    SELECT DISTINCT b.id, s.value::bigint, b.partnership_id
    FROM briefings b,
         jsonb_array_elements_text(coalesce(nullif(b.record_json::jsonb -> 'sources', 'null'), '[]')) AS s(value)
    WHERE s.value IS NOT NULL;
ALTER TABLE briefings DROP COLUMN record_json;
CREATE INDEX briefings_by_date ON briefings(partnership_id, on_date, id);
