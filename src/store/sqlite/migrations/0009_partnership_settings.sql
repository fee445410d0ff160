-- Each partnership's own settings (issue: settings per partnership). The profile is columns of
-- the partnership; the rule set is read and written whole, never filtered on, so each area's
-- rules are one JSON document (decision 0007: detail read only with its record), mapped
-- strictly by store/sql/settings_rows.cpp. A partnership made before this migration has no row
-- until the server adopts its configuration file's rules for it (audited) on start-up.
ALTER TABLE partnerships ADD COLUMN area TEXT NOT NULL DEFAULT '';
ALTER TABLE partnerships ADD COLUMN logo_text TEXT NOT NULL DEFAULT '';

CREATE TABLE partnership_rules (
    partnership_id  INTEGER PRIMARY KEY REFERENCES partnerships(id),
    reviews_json    TEXT NOT NULL,
    governance_json TEXT NOT NULL,
    learning_json   TEXT NOT NULL
);
