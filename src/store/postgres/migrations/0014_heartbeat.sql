-- The heartbeat: one row /healthz writes, so a database that can be read but not written (a
-- read-only database or tablespace, a full disk) is reported as unhealthy rather than "ok".
CREATE TABLE heartbeat (
    id INTEGER PRIMARY KEY CONSTRAINT heartbeat_one_row CHECK (id = 1),
    at BIGINT NOT NULL
);
