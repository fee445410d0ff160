-- Two-factor sign-in (issue 14, item 5; decision 0031): an account's authenticator secret,
-- sealed with the case key and pending until a code confirms it; its recovery codes, stored
-- only as password hashes; and the half-signed-in state between a correct password and a code.
CREATE TABLE user_two_factor (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id),
    sealed_secret TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    enabled       INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    -- The last time step accepted: a code of that step or an earlier one is refused.
    last_step     INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    enabled_at    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE user_recovery_codes (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users(id),
    lookup    TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    used_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX user_recovery_codes_by_lookup ON user_recovery_codes(user_id, lookup);

CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    failures   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_challenges_by_user ON sign_in_challenges(user_id);
CREATE INDEX sign_in_challenges_by_age ON sign_in_challenges(created_at);
