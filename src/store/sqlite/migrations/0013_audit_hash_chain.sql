-- The audit trail becomes a hash chain (docs/decisions/0012-audit-hash-chain.md): each row
-- carries the hash of the row before it and its own hash over its stored fields and that one,
-- so a row edited, deleted or moved by anyone who can write the file breaks the chain there.
-- The head the last append left is kept too, so rows cut from the end are seen.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_chain_head (
    id INTEGER PRIMARY KEY CONSTRAINT audit_chain_head_one_row CHECK (id = 1),
    last_id INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
-- Existing rows are chained in place, in id order: the append-only trigger steps aside for
-- this one transaction and is put back before it commits.
DROP TRIGGER audit_log_no_update;
-- step: chain_audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
