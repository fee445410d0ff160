-- Training needs analyses (issue 16 item 5): the topics each asks about, in order, and one return
-- for each agency asked, made when it opens (not started), answered by the agency's lead with a
-- count of staff for each topic.
CREATE TABLE training_needs_analyses (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    title           TEXT NOT NULL,
    opens_on        TEXT NOT NULL,
    closes_on       TEXT NOT NULL,
    next_due_on     TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT training_needs_analyses_title_once UNIQUE (partnership_id, title),
    CONSTRAINT training_needs_analyses_dates CHECK (closes_on >= opens_on AND next_due_on > opens_on)
);

CREATE TABLE training_needs_topics (
    analysis_id     INTEGER NOT NULL REFERENCES training_needs_analyses(id),
    position        INTEGER NOT NULL CHECK (position >= 1),
    title           TEXT NOT NULL,
    course_id       INTEGER REFERENCES training_courses(id),
    PRIMARY KEY (analysis_id, position)
);

CREATE TABLE training_needs_returns (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    analysis_id     INTEGER NOT NULL REFERENCES training_needs_analyses(id),
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    state           TEXT NOT NULL DEFAULT 'not_started' CHECK (state IN ('not_started', 'draft', 'submitted')),
    workforce       INTEGER CHECK (workforce >= 0),
    trained         INTEGER CHECK (trained >= 0 AND trained <= workforce),
    gaps            TEXT NOT NULL DEFAULT '',
    submitted_on    TEXT,
    submitted_by    INTEGER REFERENCES users(id),
    version         INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT training_needs_returns_once UNIQUE (analysis_id, agency_id),
    CONSTRAINT training_needs_returns_submitted CHECK ((state = 'submitted') = (submitted_on IS NOT NULL))
);

CREATE TABLE training_needs_answers (
    return_id       INTEGER NOT NULL REFERENCES training_needs_returns(id),
    position        INTEGER NOT NULL CHECK (position >= 1),
    staff           INTEGER NOT NULL CHECK (staff >= 0),
    PRIMARY KEY (return_id, position)
);
