-- Overdue meeting actions escalated (issue 20 item 7; docs/decisions/0036): one row per action,
-- step, due date and person told, so that each step is taken once whoever runs the daily round,
-- and an action given a new due date is escalated again if that one passes too. Kept on the
-- action's page, and on the home page of each person it went to while the action stays open.
CREATE TABLE governance_action_escalations (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    action_id       INTEGER NOT NULL REFERENCES governance_actions(id),
    step            TEXT NOT NULL,     -- core's EscalationStep key
    due_on          TEXT NOT NULL,     -- the due date it was overdue against
    escalated_on    TEXT NOT NULL,
    person_id       INTEGER NOT NULL REFERENCES people(id),
    person_name     TEXT NOT NULL,     -- as it was that day
    CONSTRAINT governance_action_escalations_once UNIQUE (action_id, step, due_on, person_id),
    CONSTRAINT governance_action_escalations_step CHECK (step IN ('chair', 'partners'))
);
CREATE INDEX governance_action_escalations_by_person ON governance_action_escalations(partnership_id, person_id, action_id);
