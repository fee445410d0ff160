-- The children in need census (issue 15 item 3): a financial year's referrals, assessments,
-- section 47 enquiries and child protection plans, under the keyed hash of the child's id,
-- read and replaced a year at a time by the import. Nothing else of the child is kept.
CREATE TABLE dataset_cin_referrals (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    child          TEXT NOT NULL,
    referred_on    TEXT NOT NULL,
    closed_on      TEXT,
    no_further_action INTEGER NOT NULL CHECK (no_further_action IN (0, 1)),
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id)
);
CREATE INDEX dataset_cin_referrals_by_year ON dataset_cin_referrals(partnership_id, year, child, referred_on);

CREATE TABLE dataset_cin_assessments (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    child          TEXT NOT NULL,
    referred_on    TEXT NOT NULL,
    started_on     TEXT NOT NULL,
    authorised_on  TEXT,
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id)
);
CREATE INDEX dataset_cin_assessments_by_year ON dataset_cin_assessments(partnership_id, year, child, started_on);

CREATE TABLE dataset_cin_enquiries (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    child          TEXT NOT NULL,
    started_on     TEXT NOT NULL,
    conference_on  TEXT,
    conference_not_required INTEGER NOT NULL CHECK (conference_not_required IN (0, 1)),
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id)
);
CREATE INDEX dataset_cin_enquiries_by_year ON dataset_cin_enquiries(partnership_id, year, child, started_on);

CREATE TABLE dataset_cin_plans (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    child          TEXT NOT NULL,
    started_on     TEXT NOT NULL,
    ended_on       TEXT,
    initial_category TEXT NOT NULL,
    latest_category  TEXT NOT NULL CHECK (latest_category IN ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
    previous_plans INTEGER,
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id)
);
CREATE INDEX dataset_cin_plans_by_year ON dataset_cin_plans(partnership_id, year, child, started_on);
