-- A meeting's attendance becomes a table of its own.
--
-- Attendance rates (the attendance report, a group's page, a meeting's members) read a year of
-- meetings for who came. Kept inside the meeting's detail_json, every such read parsed each
-- meeting's agenda and decisions too: a third of the attendance report's time at ten years.
-- The store pattern (docs/decisions/0007) makes a child collection that is counted on its own a
-- child table; the agenda and decisions, only ever read with their meeting, stay in detail_json.
CREATE TABLE governance_attendance (
    meeting_id  BIGINT NOT NULL REFERENCES governance_meetings(id),
    person_id   BIGINT NOT NULL,
    presence    TEXT NOT NULL,
    deputy_name TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

INSERT INTO governance_attendance(meeting_id, person_id, presence, deputy_name, position)
SELECT m.id, (a.value ->> 'person_id')::BIGINT, a.value ->> 'presence', coalesce(a.value ->> 'deputy_name', ''),
       (a.ordinality - 1)::INTEGER
FROM governance_meetings m,
     jsonb_array_elements(coalesce(m.detail_json::jsonb -> 'attendance', '[]'::jsonb)) WITH ORDINALITY AS a(value, ordinality);

UPDATE governance_meetings SET detail_json = (detail_json::jsonb - 'attendance')::TEXT;
