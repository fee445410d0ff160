-- A child death overview panel shared by several partnerships (issue 17, item 2; decision 0028):
-- the panel, and which partnerships it reviews the deaths of (one panel each at most). Deaths
-- stay with their own partnership; the panel's figures are counted over its members' entries.
CREATE TABLE death_panels (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT death_panels_name_unique UNIQUE (name)
);

CREATE TABLE death_panel_members (
    partnership_id INTEGER PRIMARY KEY REFERENCES partnerships(id),
    panel_id       INTEGER NOT NULL REFERENCES death_panels(id)
);
CREATE INDEX death_panel_members_by_panel ON death_panel_members(panel_id, partnership_id);
