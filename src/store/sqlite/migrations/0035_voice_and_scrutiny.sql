-- The voice of children and young people and independent scrutiny (issue 17, items 6 and 7;
-- decisions 0013 and 0028): one table of activities, each of one register (its strand), with a
-- column for every filter and count, and a child table of its points in order (what children
-- said or the scrutineer recommended, and the partnership's response). The counts of points
-- answered and linked to the action plan are core's, kept here so lists and figures ask SQL.
CREATE TABLE register_activities (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    strand          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    led_by          TEXT NOT NULL,
    held_on         TEXT NOT NULL,
    children_heard  INTEGER NOT NULL,
    how_heard       TEXT NOT NULL,
    summary         TEXT NOT NULL,
    points          INTEGER NOT NULL,
    answered        INTEGER NOT NULL,
    linked          INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT register_activities_strand CHECK (strand IN ('voice', 'scrutiny')),
    CONSTRAINT register_activities_children CHECK (children_heard >= 0),
    CONSTRAINT register_activities_counts CHECK (points BETWEEN 0 AND 8 AND answered BETWEEN 0 AND points AND linked BETWEEN 0 AND points)
);
CREATE INDEX register_activities_by_held ON register_activities(partnership_id, strand, held_on, id);

CREATE TABLE register_activity_points (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    activity_id    INTEGER NOT NULL REFERENCES register_activities(id),
    position       INTEGER NOT NULL,
    point          TEXT NOT NULL,
    response       TEXT NOT NULL,
    improvement_id INTEGER REFERENCES improvement_actions(id),
    CONSTRAINT register_activity_points_once PRIMARY KEY (activity_id, position)
);
CREATE INDEX register_activity_points_by_activity ON register_activity_points(partnership_id, activity_id);
