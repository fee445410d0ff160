-- Training (issue 16): courses, their sessions, and bookings with a waiting list and the
-- register. Booked and waiting are counted from bookings, never stored; the waiting list's
-- order is the order bookings arrived in (their id), as writers are serialised.

CREATE TABLE training_courses (
    id               INTEGER PRIMARY KEY,
    partnership_id   INTEGER NOT NULL REFERENCES partnerships(id),
    title            TEXT NOT NULL,
    level            TEXT NOT NULL,
    outcomes         TEXT NOT NULL,
    audience         TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    priorities_json  TEXT NOT NULL,                  -- the priorities it answers: read only with the course
    created_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT training_courses_title_unique UNIQUE (partnership_id, title)
);
CREATE INDEX training_courses_by_title ON training_courses(partnership_id, title, id);

CREATE TABLE training_sessions (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    course_id      INTEGER NOT NULL REFERENCES training_courses(id),
    on_date        TEXT NOT NULL,
    starts_at      TEXT NOT NULL,                    -- "09:30", London clock
    ends_at        TEXT NOT NULL,
    venue          TEXT NOT NULL,
    online_link    TEXT NOT NULL,
    capacity       INTEGER NOT NULL,
    trainer        TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT training_sessions_capacity CHECK (capacity >= 1),
    CONSTRAINT training_sessions_times CHECK (ends_at > starts_at)
);
CREATE INDEX training_sessions_by_date ON training_sessions(partnership_id, on_date, starts_at, id);
CREATE INDEX training_sessions_by_course ON training_sessions(partnership_id, course_id, on_date);

CREATE TABLE training_bookings (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    session_id     INTEGER NOT NULL REFERENCES training_sessions(id),
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,                    -- lower case
    agency_id      INTEGER REFERENCES agencies(id),
    status         TEXT NOT NULL,                    -- booked, waiting, cancelled
    attendance     TEXT,                             -- the register: attended, no_show, cancelled_late
    booked_at      INTEGER NOT NULL,
    cancelled_at   INTEGER,
    CONSTRAINT training_bookings_register_for_places CHECK (attendance IS NULL OR status = 'booked')
);
-- One live booking per email per session (a cancelled one may be made again).
CREATE UNIQUE INDEX training_bookings_once ON training_bookings(session_id, email) WHERE status <> 'cancelled';
CREATE INDEX training_bookings_by_session ON training_bookings(session_id, status, id);
CREATE INDEX training_bookings_by_partnership ON training_bookings(partnership_id, session_id, status);
