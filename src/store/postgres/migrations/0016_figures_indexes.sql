-- Indexes that answer figures from the index alone.
--
-- The action plan's figures (open, overdue, stale, completed without evidence of impact,
-- evidenced) are counted on the home page, the action plan and each priority's page. Every
-- column those counts read is in this index, so the database counts from the index alone
-- instead of visiting each action's row: after ten years a partnership has hundreds of
-- evidenced actions, and each visit was a seek into the table.
CREATE INDEX improvement_actions_figures
    ON improvement_actions(partnership_id, state, due, last_recorded_on, has_impact_evidence);

-- The overdue actions by owner (the governance action list's figures) read the overdue range of
-- the status index; with the owner in it, that range is all they read.
DROP INDEX governance_actions_by_status;
CREATE INDEX governance_actions_by_status ON governance_actions(partnership_id, status, due_on, id, owner_person_id);
