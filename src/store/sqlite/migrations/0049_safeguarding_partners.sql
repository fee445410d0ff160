-- The safeguarding partners as Working Together 2023 names them (issue 20 item 2): each statutory
-- partner agency's lead safeguarding partner and its delegated safeguarding partners, with the
-- first and last day each holds the role. One lead per agency at a time is core's rule
-- (check_appointment), checked in the writing transaction.
CREATE TABLE safeguarding_partners (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    person_id       INTEGER NOT NULL REFERENCES people(id),
    role            TEXT NOT NULL,
    from_on         TEXT NOT NULL,
    to_on           TEXT,
    CONSTRAINT safeguarding_partners_role CHECK (role IN ('lead', 'delegate')),
    CONSTRAINT safeguarding_partners_dates CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX safeguarding_partners_by_partnership ON safeguarding_partners(partnership_id, agency_id, from_on);
