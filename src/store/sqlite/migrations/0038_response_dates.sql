-- The voice and scrutiny registers' responses are dated (issue 17; decision 0028): "you said,
-- we did" says when the partnership answered each point. A point recorded before this change
-- has no date (NULL); core asks for one whenever a response is written from now on.
ALTER TABLE register_activity_points ADD COLUMN responded_on TEXT;
