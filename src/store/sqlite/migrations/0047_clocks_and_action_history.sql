-- The two statutory clocks scrutiny counts, year by year (issue 19 item 5): the Panel notified
-- within its working days and the rapid review completed within its. Like the rest of a case's
-- standing (migration 0008) the due dates and the days they were met are core's verdict, which
-- needs the working-day calendar, so SQL does not work them out: every case's stage is cleared
-- and Assure settles each case again, these columns included, when it next opens the database.
ALTER TABLE review_cases ADD COLUMN notify_due_on TEXT;
ALTER TABLE review_cases ADD COLUMN notified_on TEXT;
ALTER TABLE review_cases ADD COLUMN rapid_review_due_on TEXT;
ALTER TABLE review_cases ADD COLUMN rapid_review_done_on TEXT;
UPDATE review_cases SET stage = NULL;

-- The action plan's history (issue 19 item 5: actions open and overdue over time): the day an
-- action left the open states, kept beside it as its last activity is (core's
-- improvement_closed_on), so that the open and overdue actions at the end of each month are
-- counted in SQL. An action closed before now gets the day of its last move out of the open
-- states, or the day it was created when none is recorded.
ALTER TABLE improvement_actions ADD COLUMN closed_on TEXT;
UPDATE improvement_actions SET closed_on = coalesce(
    (SELECT max(json_extract(u.value, '$.on')) FROM json_each(detail_json, '$.updates') u
     WHERE json_extract(u.value, '$.from') IN ('proposed', 'agreed', 'in_progress')
       AND json_extract(u.value, '$.to') NOT IN ('proposed', 'agreed', 'in_progress')),
    created_on)
WHERE state NOT IN ('proposed', 'agreed', 'in_progress');
