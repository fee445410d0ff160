-- The same schema as the SQLite migration of the same number; see its comments.
ALTER TABLE review_cases
    ADD COLUMN notify_due_on TEXT,
    ADD COLUMN notified_on TEXT,
    ADD COLUMN rapid_review_due_on TEXT,
    ADD COLUMN rapid_review_done_on TEXT;
UPDATE review_cases SET stage = NULL;

ALTER TABLE improvement_actions ADD COLUMN closed_on TEXT;
UPDATE improvement_actions SET closed_on = coalesce(
    (SELECT max(u ->> 'on') FROM jsonb_array_elements(detail_json::jsonb -> 'updates') u
     WHERE u ->> 'from' IN ('proposed', 'agreed', 'in_progress') AND u ->> 'to' NOT IN ('proposed', 'agreed', 'in_progress')),
    created_on)
WHERE state NOT IN ('proposed', 'agreed', 'in_progress');
