-- Which key sealed what (issue 14, item 7). Each case's sealed details carry the id of the key
-- that sealed them (16 hexadecimal characters naming the key, never the key; '' for a case with
-- no sealed details, or sealed before ids were kept, by the database's key of the time). The
-- key check carries the id of the database's key, and after a rotation the pseudonym key of the
-- dataset sealed with the new key, so children's digests stay what they were ('' before any
-- rotation: the pseudonym key is then derived from the case key).
ALTER TABLE review_cases ADD COLUMN sealed_key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE case_key_check ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE case_key_check ADD COLUMN sealed_digest_key TEXT NOT NULL DEFAULT '';

-- A partner lead's override of a declared interest (issue 14, item 13): a business-unit member
-- who declared keeps sight of the case because the unit has no one else. Named, with the date
-- and the reason; override_by_user_id 0 means no override.
ALTER TABLE review_case_conflicts ADD COLUMN override_by_user_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE review_case_conflicts ADD COLUMN override_by_label TEXT NOT NULL DEFAULT '';
ALTER TABLE review_case_conflicts ADD COLUMN override_on TEXT NOT NULL DEFAULT '';
ALTER TABLE review_case_conflicts ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
