-- The case key check: one row holding a known text sealed with the case key, stored by the
-- first start-up that had a key. Every later start-up opens it with its own key and refuses to
-- run if it cannot, so servers (or a restored database) with different keys are caught before
-- any child's details are sealed with the wrong one. The key itself is never stored.
CREATE TABLE case_key_check (
    id INTEGER PRIMARY KEY CONSTRAINT case_key_check_one_row CHECK (id = 1),
    sealed_canary TEXT NOT NULL,
    made_at INTEGER NOT NULL
);
