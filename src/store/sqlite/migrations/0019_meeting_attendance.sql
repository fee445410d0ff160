-- A meeting's attendance becomes a table of its own.
--
-- Attendance rates (the attendance report, a group's page, a meeting's members) read a year of
-- meetings for who came. Kept inside the meeting's detail_json, every such read parsed each
-- meeting's agenda and decisions too: a third of the attendance report's time at ten years.
-- The store pattern (docs/decisions/0007) makes a child collection that is counted on its own a
-- child table; the agenda and decisions, only ever read with their meeting, stay in detail_json.
CREATE TABLE governance_attendance (
    meeting_id  INTEGER NOT NULL REFERENCES governance_meetings(id),
    person_id   INTEGER NOT NULL,
    presence    TEXT NOT NULL,
    deputy_name TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

INSERT INTO governance_attendance(meeting_id, person_id, presence, deputy_name, position)
SELECT m.id, json_extract(a.value, '$.person_id'), json_extract(a.value, '$.presence'),
       coalesce(json_extract(a.value, '$.deputy_name'), ''), a.key
FROM governance_meetings m, json_each(m.detail_json, '$.attendance') a;

UPDATE governance_meetings SET detail_json = json_remove(detail_json, '$.attendance');
