-- The version of the data: one number that every write transaction moves, whichever process
-- made it (a server, another server on the same database, the command line). A server keeps
-- rendered pages by the version they were read at (docs/decisions/0017), and a page read at an
-- older version is never served again. Writes that change only sign-in sessions, the access
-- log, the mail outbox or the health heartbeat leave it alone: no page that is kept shows them.
-- The row is made by the first change (a copy of a database brings its own).
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CONSTRAINT data_version_one_row CHECK (id = 1),
    version BIGINT NOT NULL
);
