-- Learning and improvement on the one store pattern (decision 0007): a column for everything a
-- query filters, sorts, joins or counts on, moved out of the API-shaped record_json; child
-- tables for what is listed or counted on its own (a source's priorities and recommendations,
-- the learning a briefing spreads); detail read only with its record in the store's own
-- detail_json. Indexes are led by the partnership, in each list's order.

-- ---- learning sources ----------------------------------------------------------------------
ALTER TABLE learning_sources ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE learning_sources ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE learning_sources ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE learning_sources ADD COLUMN review_id INTEGER;
ALTER TABLE learning_sources ADD COLUMN agency_id INTEGER;
ALTER TABLE learning_sources ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE learning_sources SET
    title = coalesce(json_extract(record_json, '$.title'), ''),
    status = coalesce(json_extract(record_json, '$.status'), 'complete'),
    summary = coalesce(json_extract(record_json, '$.summary'), ''),
    review_id = json_extract(record_json, '$.review'),
    agency_id = json_extract(record_json, '$.agency'),
    detail_json = json_object(
        'body', coalesce(json_extract(record_json, '$.body'), ''),
        'visitor', coalesce(json_extract(record_json, '$.visitor'), ''),
        'cases_audited', coalesce(json_extract(record_json, '$.cases_audited'), 0),
        'auditors', json(coalesce(json_extract(record_json, '$.auditors'), '[]')),
        'voice', coalesce(json_extract(record_json, '$.voice'), ''),
        'findings', json(coalesce(json_extract(record_json, '$.findings'), '[]')));

CREATE TABLE learning_source_priorities (
    source_id      INTEGER NOT NULL REFERENCES learning_sources(id),
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    position       INTEGER NOT NULL,
    priority       TEXT NOT NULL,
    CONSTRAINT learning_source_priorities_once PRIMARY KEY (source_id, priority)
);
CREATE INDEX learning_source_priorities_by_priority ON learning_source_priorities(partnership_id, priority, source_id);
INSERT INTO learning_source_priorities(source_id, partnership_id, position, priority)
    SELECT DISTINCT s.id, s.partnership_id, p.key, p.value
    FROM learning_sources s, json_each(s.record_json, '$.priorities') p;

CREATE TABLE source_recommendations (
    source_id                INTEGER NOT NULL REFERENCES learning_sources(id),
    partnership_id           INTEGER NOT NULL REFERENCES partnerships(id),
    number                   INTEGER NOT NULL,
    text                     TEXT NOT NULL,
    priority                 TEXT NOT NULL DEFAULT '',
    agency_ids               TEXT NOT NULL DEFAULT '[]',
    review_recommendation_id INTEGER,
    CONSTRAINT source_recommendations_number PRIMARY KEY (source_id, number)
);
CREATE INDEX source_recommendations_by_priority ON source_recommendations(partnership_id, priority, source_id, number);
INSERT INTO source_recommendations(source_id, partnership_id, number, text, priority, agency_ids, review_recommendation_id)
    SELECT s.id, s.partnership_id, json_extract(r.value, '$.number'), coalesce(json_extract(r.value, '$.text'), ''),
           coalesce(json_extract(r.value, '$.priority'), ''), json(coalesce(json_extract(r.value, '$.agencies'), '[]')),
           json_extract(r.value, '$.review_recommendation')
    FROM learning_sources s, json_each(s.record_json, '$.recommendations') r;

ALTER TABLE learning_sources DROP COLUMN record_json;
DROP INDEX learning_sources_partnership;
CREATE INDEX learning_sources_by_date ON learning_sources(partnership_id, on_date, id);
CREATE INDEX learning_sources_by_kind ON learning_sources(partnership_id, kind, on_date, id);

-- ---- improvement actions -------------------------------------------------------------------
-- Updates and evidence are only ever read with their action; what lists and figures need of
-- them (when anything was last recorded, whether any evidence shows impact) is a column.
ALTER TABLE improvement_actions ADD COLUMN source_id INTEGER REFERENCES learning_sources(id);
ALTER TABLE improvement_actions ADD COLUMN recommendation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE improvement_actions ADD COLUMN audit_return_id INTEGER REFERENCES audit_returns(id);
ALTER TABLE improvement_actions ADD COLUMN standard TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN text TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN lead_id INTEGER;
ALTER TABLE improvement_actions ADD COLUMN success_measure TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN group_id INTEGER;
ALTER TABLE improvement_actions ADD COLUMN priority TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN superseded_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN created_on TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN last_recorded_on TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_actions ADD COLUMN has_impact_evidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE improvement_actions ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE improvement_actions SET
    source_id = json_extract(record_json, '$.source'),
    recommendation = coalesce(json_extract(record_json, '$.recommendation'), 0),
    audit_return_id = json_extract(record_json, '$.audit_return'),
    standard = coalesce(json_extract(record_json, '$.standard'), ''),
    text = coalesce(json_extract(record_json, '$.text'), ''),
    lead_id = json_extract(record_json, '$.lead'),
    success_measure = coalesce(json_extract(record_json, '$.success_measure'), ''),
    group_id = json_extract(record_json, '$.group'),
    priority = coalesce(json_extract(record_json, '$.priority'), ''),
    superseded_reason = coalesce(json_extract(record_json, '$.superseded_reason'), ''),
    created_on = coalesce(json_extract(record_json, '$.created_on'), due),
    last_recorded_on = max(coalesce(json_extract(record_json, '$.created_on'), due),
                           coalesce((SELECT max(json_extract(u.value, '$.on')) FROM json_each(record_json, '$.updates') u), ''),
                           coalesce((SELECT max(json_extract(e.value, '$.on')) FROM json_each(record_json, '$.evidence') e), '')),
    has_impact_evidence = EXISTS (SELECT 1 FROM json_each(record_json, '$.evidence') e
                                  WHERE json_extract(e.value, '$.kind') = 'impact'),
    detail_json = json_object('updates', json(coalesce(json_extract(record_json, '$.updates'), '[]')),
                              'evidence', json(coalesce(json_extract(record_json, '$.evidence'), '[]')));
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
-- A cycle's standards and invited agencies, and a return's answers and where it was shared to,
-- are read with their record; results by standard read a cycle's returns, bounded by whom it invited.
ALTER TABLE audit_cycles ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_cycles ADD COLUMN opens TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_cycles ADD COLUMN closes TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_cycles ADD COLUMN scale TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_cycles ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_cycles ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE audit_cycles SET
    title = coalesce(json_extract(record_json, '$.title'), ''),
    opens = coalesce(json_extract(record_json, '$.opens'), ''),
    closes = coalesce(json_extract(record_json, '$.closes'), ''),
    scale = coalesce(json_extract(record_json, '$.scale'), 'four_point'),
    closed = CASE WHEN json_extract(record_json, '$.closed') THEN 1 ELSE 0 END,
    detail_json = json_object('standards', json(coalesce(json_extract(record_json, '$.standards'), '[]')),
                              'invited', json(coalesce(json_extract(record_json, '$.invited'), '[]')));
ALTER TABLE audit_cycles DROP COLUMN record_json;
CREATE INDEX audit_cycles_by_opens ON audit_cycles(partnership_id, opens, id);

ALTER TABLE audit_returns ADD COLUMN submitted_on TEXT;
ALTER TABLE audit_returns ADD COLUMN submitted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_returns ADD COLUMN moderated_on TEXT;
ALTER TABLE audit_returns ADD COLUMN challenge_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_returns ADD COLUMN shared_from_partnership_id INTEGER REFERENCES partnerships(id);
ALTER TABLE audit_returns ADD COLUMN shared_from_return_id INTEGER;
ALTER TABLE audit_returns ADD COLUMN shared_from_on TEXT;
ALTER TABLE audit_returns ADD COLUMN detail_json TEXT NOT NULL DEFAULT '{}';
UPDATE audit_returns SET
    submitted_on = json_extract(record_json, '$.submitted_on'),
    submitted_by = coalesce(json_extract(record_json, '$.submitted_by'), ''),
    moderated_on = json_extract(record_json, '$.moderated_on'),
    challenge_notes = coalesce(json_extract(record_json, '$.challenge_notes'), ''),
    shared_from_partnership_id = json_extract(record_json, '$.shared_from.partnership'),
    shared_from_return_id = json_extract(record_json, '$.shared_from.source'),
    shared_from_on = json_extract(record_json, '$.shared_from.shared_on'),
    detail_json = json_object('answers', json(coalesce(json_extract(record_json, '$.answers'), '[]')),
                              'shared_from_name', coalesce(json_extract(record_json, '$.shared_from.partnership_name'), ''),
                              'shared_with', json(coalesce(json_extract(record_json, '$.shared_with'), '[]')));
ALTER TABLE audit_returns DROP COLUMN record_json;
CREATE INDEX audit_returns_by_cycle ON audit_returns(partnership_id, cycle_id, agency_id);
CREATE INDEX audit_returns_by_agency ON audit_returns(partnership_id, agency_id, status);

-- ---- briefings -------------------------------------------------------------------------------
ALTER TABLE briefings ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN audience TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
UPDATE briefings SET
    title = coalesce(json_extract(record_json, '$.title'), ''),
    audience = coalesce(json_extract(record_json, '$.audience'), ''),
    link = coalesce(json_extract(record_json, '$.link'), ''),
    reached = coalesce(json_extract(record_json, '$.reached'), 0);
CREATE TABLE briefing_sources (
    briefing_id    INTEGER NOT NULL REFERENCES briefings(id),
    source_id      INTEGER NOT NULL REFERENCES learning_sources(id),
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    CONSTRAINT briefing_sources_once PRIMARY KEY (briefing_id, source_id)
);
CREATE INDEX briefing_sources_by_source ON briefing_sources(partnership_id, source_id, briefing_id);
INSERT INTO briefing_sources(briefing_id, source_id, partnership_id)
    SELECT DISTINCT b.id, s.value, b.partnership_id FROM briefings b, json_each(b.record_json, '$.sources') s
    WHERE s.value IS NOT NULL;
ALTER TABLE briefings DROP COLUMN record_json;
CREATE INDEX briefings_by_date ON briefings(partnership_id, on_date, id);
