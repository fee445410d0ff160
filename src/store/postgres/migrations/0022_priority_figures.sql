-- Each priority's figures from the index alone.
--
-- The priorities page counts each priority's improvement actions (open, overdue, stale,
-- completed without evidence of impact, evidenced). The priority index orders by due date for
-- the list and holds none of the columns those counts read, so each count visited every
-- action's row; after ten years that was a seek per action, scattered across the table. Every
-- column the counts read is in this index.
CREATE INDEX improvement_actions_priority_figures
    ON improvement_actions(partnership_id, priority, state, due, last_recorded_on, has_impact_evidence);
