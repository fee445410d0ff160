-- An organisation that works with several partnerships on one server (a police force, an NHS
-- trust) carries the same code in each, so it can submit its Section 11 return once and share it.
ALTER TABLE agencies ADD COLUMN organisation_code TEXT NOT NULL DEFAULT '';
CREATE INDEX agencies_by_organisation ON agencies(organisation_code) WHERE organisation_code <> '';
