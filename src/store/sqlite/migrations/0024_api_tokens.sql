-- API tokens expire, remember when they were last used and are revoked one by one (issue 14).
--
-- A page and a command must name one token without showing its digest, so each gets an id;
-- SQLite cannot add a primary key to a table, so the table is made again with its rows.
-- Tokens made before this had no expiry: they expire 90 days after the upgrade, so none stops
-- without warning and none lives for ever.
CREATE TABLE api_tokens_0024 (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    name         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL DEFAULT 0,
    revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    revoked_at   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO api_tokens_0024(token_hash, user_id, name, created_at, expires_at, revoked)
    SELECT token_hash, user_id, name, created_at, CAST(strftime('%s', 'now') AS INTEGER) + 90 * 86400, revoked
    FROM api_tokens ORDER BY created_at, token_hash;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_0024 RENAME TO api_tokens;
-- A person's tokens, newest first.
CREATE INDEX api_tokens_by_user ON api_tokens(user_id, id);
