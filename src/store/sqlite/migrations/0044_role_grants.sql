-- Role approvals (issue 14, item 5; decision 0029): an administrator's request for a role that
-- sees children's identities waits here until a partner lead who neither asked nor owns the
-- account approves or refuses it. One request per account waits at a time.
CREATE TABLE role_grants (
    id               INTEGER PRIMARY KEY,
    partnership_id   INTEGER NOT NULL REFERENCES partnerships(id),
    user_id          INTEGER NOT NULL REFERENCES users(id),
    role             TEXT NOT NULL CHECK (role IN ('administrator', 'business_unit', 'partner_lead', 'member',
                                                  'agency_lead', 'scrutineer', 'read_only')),
    role_before      TEXT NOT NULL CHECK (role_before IN ('administrator', 'business_unit', 'partner_lead', 'member',
                                                         'agency_lead', 'scrutineer', 'read_only')),
    asked_by         INTEGER REFERENCES users(id),
    asked_by_label   TEXT NOT NULL,
    asked_at         INTEGER NOT NULL,
    status           TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'approved', 'refused', 'withdrawn')),
    decided_by       INTEGER REFERENCES users(id),
    decided_by_label TEXT NOT NULL DEFAULT '',
    decided_at       INTEGER NOT NULL DEFAULT 0,
    reason           TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX role_grants_one_waiting ON role_grants(user_id) WHERE status = 'waiting';
CREATE INDEX role_grants_by_partnership ON role_grants(partnership_id, status, asked_at);
