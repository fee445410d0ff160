-- The risk register and escalations (issue 17, items 4 and 5; decision 0013): each a table of
-- one partnership's entries with a column for every filter, count and sort, child tables for
-- what is listed or counted on its own (a risk's linked actions, an escalation's agencies), and
-- indexes led by the partnership. Scores, stage deadlines and lateness are core's, kept here so
-- lists and figures ask SQL.

-- The risk bands and the escalation stages' working days join the registers' rules; rows made
-- before this migration get the shipped defaults.
UPDATE partnership_rules SET registers_json = json_patch(registers_json,
    '{"risk_medium_from":5,"risk_high_from":10,"risk_very_high_from":16,"escalation_stage1_working_days":5,'
    || '"escalation_stage2_working_days":5,"escalation_stage3_working_days":10,"escalation_stage4_working_days":20}');

CREATE TABLE risks (
    id                INTEGER PRIMARY KEY,
    partnership_id    INTEGER NOT NULL REFERENCES partnerships(id),
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    cause             TEXT NOT NULL,
    effect            TEXT NOT NULL,
    owner_person_id   INTEGER NOT NULL REFERENCES people(id),
    likelihood_before INTEGER NOT NULL,
    impact_before     INTEGER NOT NULL,
    likelihood_after  INTEGER NOT NULL,
    impact_after      INTEGER NOT NULL,
    -- likelihood × impact, kept so a band (a range of scores under the partnership's rules) filters in SQL
    score_before      INTEGER NOT NULL,
    score_after       INTEGER NOT NULL,
    controls          TEXT NOT NULL,
    raised_on         TEXT NOT NULL,
    review_on         TEXT NOT NULL,
    status            TEXT NOT NULL,
    closed_on         TEXT,
    escalated_on      TEXT,
    created_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT risks_on_the_scale CHECK (likelihood_before BETWEEN 1 AND 5 AND impact_before BETWEEN 1 AND 5
                                         AND likelihood_after BETWEEN 1 AND 5 AND impact_after BETWEEN 1 AND 5),
    CONSTRAINT risks_scores CHECK (score_before = likelihood_before * impact_before AND score_after = likelihood_after * impact_after),
    CONSTRAINT risks_closed_dated CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX risks_by_raised ON risks(partnership_id, raised_on, id);
CREATE INDEX risks_by_state ON risks(partnership_id, status, review_on);

CREATE TABLE risk_actions (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    risk_id        INTEGER NOT NULL REFERENCES risks(id),
    improvement_id INTEGER NOT NULL REFERENCES improvement_actions(id),
    CONSTRAINT risk_actions_once PRIMARY KEY (risk_id, improvement_id)
);
CREATE INDEX risk_actions_by_risk ON risk_actions(partnership_id, risk_id);

CREATE TABLE escalations (
    id                  INTEGER PRIMARY KEY,
    partnership_id      INTEGER NOT NULL REFERENCES partnerships(id),
    reference           TEXT NOT NULL,                -- never a practitioner's or a child's name
    raised_by_agency_id INTEGER NOT NULL REFERENCES agencies(id),
    raised_by_role      TEXT NOT NULL,
    concern             TEXT NOT NULL,
    stage1_on           TEXT NOT NULL,                -- the day it was raised
    stage2_on           TEXT,
    stage3_on           TEXT,
    stage4_on           TEXT,
    outcome             TEXT NOT NULL,
    closed_on           TEXT,
    learning            TEXT NOT NULL,
    -- core's derive_timescales: each stage's last working day and whether it ran past it (NULL
    -- while current), the highest stage reached, and the current stage's last day while open
    stage1_due_on       TEXT NOT NULL,
    stage2_due_on       TEXT,
    stage3_due_on       TEXT,
    stage4_due_on       TEXT,
    stage1_late         INTEGER,
    stage2_late         INTEGER,
    stage3_late         INTEGER,
    stage4_late         INTEGER,
    stage               INTEGER NOT NULL,
    due_on              TEXT,
    created_at          INTEGER NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT escalations_reference_unique UNIQUE (partnership_id, reference),
    CONSTRAINT escalations_stage CHECK (stage BETWEEN 1 AND 4),
    CONSTRAINT escalations_closed_dated CHECK ((outcome = 'open') = (closed_on IS NULL)),
    CONSTRAINT escalations_stages_in_order CHECK ((stage2_on IS NULL OR stage2_on >= stage1_on)
                                                  AND (stage3_on IS NULL OR (stage2_on IS NOT NULL AND stage3_on >= stage2_on))
                                                  AND (stage4_on IS NULL OR (stage3_on IS NOT NULL AND stage4_on >= stage3_on)))
);
CREATE INDEX escalations_by_raised ON escalations(partnership_id, stage1_on, id);

CREATE TABLE escalation_agencies (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    escalation_id  INTEGER NOT NULL REFERENCES escalations(id),
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    CONSTRAINT escalation_agencies_once PRIMARY KEY (escalation_id, agency_id)
);
CREATE INDEX escalation_agencies_by_agency ON escalation_agencies(partnership_id, agency_id, escalation_id);
