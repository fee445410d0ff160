-- Hardening (issue 14; decision 0024).
--
-- Item 2: a Section 11 or 175 return is shared between partnerships only along a link between
-- two agency records that the receiving partnership accepted (or an administrator of the server
-- set), never because two records carry the same organisation code. A proposal names the
-- partnership asked; the agency there is chosen by that partnership when it accepts.
CREATE TABLE agency_links (
    id                  INTEGER PRIMARY KEY,
    from_partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    from_agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    to_partnership_id   INTEGER NOT NULL REFERENCES partnerships(id),
    to_agency_id        INTEGER REFERENCES agencies(id),
    status              TEXT NOT NULL,
    proposed_at         INTEGER NOT NULL,
    proposed_by         TEXT NOT NULL,
    accepted_at         INTEGER NOT NULL DEFAULT 0,
    accepted_by         TEXT NOT NULL DEFAULT '',
    version             INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT agency_links_status CHECK (status IN ('proposed', 'accepted')),
    CONSTRAINT agency_links_accepted_names_agency CHECK ((status = 'accepted') = (to_agency_id IS NOT NULL)),
    CONSTRAINT agency_links_two_partnerships CHECK (from_partnership_id <> to_partnership_id)
);
-- A partnership's links, newest first, whichever side it is; and an agency's links when sharing.
CREATE INDEX agency_links_from ON agency_links(from_partnership_id, id);
CREATE INDEX agency_links_to ON agency_links(to_partnership_id, id);
CREATE INDEX agency_links_from_agency ON agency_links(from_agency_id);
CREATE INDEX agency_links_to_agency ON agency_links(to_agency_id);

-- Item 5: a password an administrator set (a new account, a reset) is changed by its owner at
-- the first sign-in before anything else is reachable.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
