-- Directory and audit: the indexes the paged lists read (decision 0007). Each list of the
-- directory is ordered by lower(name), then id, within one partnership, and pages by that key.

-- Replaced: 0001 indexed agencies by the name as typed, which no list sorts by any more.
DROP INDEX agencies_by_partnership;
CREATE INDEX agencies_by_partnership_name ON agencies(partnership_id, lower(name), id);

-- The people list, and the people list of one agency (0001's people_by_agency stays for the
-- agency's foreign key).
CREATE INDEX people_by_partnership_name ON people(partnership_id, lower(name), id);
CREATE INDEX people_by_partnership_agency_name ON people(partnership_id, agency_id, lower(name), id);

-- A partnership's user accounts (0001 had only the server-wide unique email).
CREATE INDEX users_by_partnership ON users(partnership_id, person_id);

-- The audit trail pages newest first by (at, id): 0001's audit_by_partnership_time
-- (partnership_id, at DESC, id DESC) already serves it, so nothing is added for it here.
