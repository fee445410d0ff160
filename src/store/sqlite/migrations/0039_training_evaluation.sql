-- Training's evaluation in three stages (issue 16; docs/decisions/0030-training-evaluation.md):
-- a delegate's answers straight after the session and at the follow-up, one of each per
-- booking; the requests sent by email, whose tokens are kept only as digests; and impact
-- evidence linked by the business unit to a course.

CREATE TABLE training_evaluations (
    id                INTEGER PRIMARY KEY,
    partnership_id    INTEGER NOT NULL REFERENCES partnerships(id),
    booking_id        INTEGER NOT NULL REFERENCES training_bookings(id),
    stage             TEXT NOT NULL,                 -- after_session, follow_up
    outcomes_met      INTEGER,                       -- after_session: 1-5 each
    confidence_before INTEGER,
    confidence_after  INTEGER,
    relevance         INTEGER,
    do_differently    TEXT NOT NULL,
    manager_email     TEXT NOT NULL,
    changed_practice  INTEGER,                       -- follow_up: 1 changed, 0 not
    practice_change   TEXT NOT NULL,
    manager_view      TEXT NOT NULL,
    submitted_at      INTEGER NOT NULL,
    CONSTRAINT training_evaluations_once UNIQUE (booking_id, stage),
    CONSTRAINT training_evaluations_stage CHECK (stage IN ('after_session', 'follow_up')),
    CONSTRAINT training_evaluations_scores CHECK (
        (stage = 'after_session' AND outcomes_met BETWEEN 1 AND 5 AND confidence_before BETWEEN 1 AND 5
         AND confidence_after BETWEEN 1 AND 5 AND relevance BETWEEN 1 AND 5 AND changed_practice IS NULL)
        OR (stage = 'follow_up' AND outcomes_met IS NULL AND confidence_before IS NULL AND confidence_after IS NULL
            AND relevance IS NULL AND changed_practice IN (0, 1)))
);
CREATE INDEX training_evaluations_by_partnership ON training_evaluations(partnership_id, id);

CREATE TABLE training_evaluation_requests (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    booking_id     INTEGER NOT NULL REFERENCES training_bookings(id),
    stage          TEXT NOT NULL,
    token_digest   TEXT NOT NULL,                    -- the link's token is never kept
    sent_at        INTEGER NOT NULL,
    CONSTRAINT training_evaluation_requests_once UNIQUE (booking_id, stage),
    CONSTRAINT training_evaluation_requests_token UNIQUE (token_digest),
    CONSTRAINT training_evaluation_requests_stage CHECK (stage IN ('after_session', 'follow_up'))
);

CREATE TABLE training_impact_evidence (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    course_id      INTEGER NOT NULL REFERENCES training_courses(id),
    source         TEXT NOT NULL,                    -- audit, dataset
    link           TEXT NOT NULL,
    note           TEXT NOT NULL,
    recorded_at    INTEGER NOT NULL,
    CONSTRAINT training_impact_evidence_source CHECK (source IN ('audit', 'dataset'))
);
CREATE INDEX training_impact_evidence_by_course ON training_impact_evidence(partnership_id, course_id, id);
