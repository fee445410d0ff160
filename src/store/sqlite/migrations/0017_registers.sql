-- The registers (issue 17; docs/decisions/0013-registers.md): LADO allegations, child deaths
-- and money, each a table of one partnership's entries with a column for every filter, count
-- and sort, and an index led by the partnership for its list and its year's figures. Figures
-- are never stored: they are counted from these rows.

-- The numbers the registers are judged by (DOMAIN.md §7), per partnership with the other
-- rules. Rows made before this migration get the shipped defaults.
ALTER TABLE partnership_rules ADD COLUMN registers_json TEXT NOT NULL
    DEFAULT '{"lado_within_one_month_percent":80,"lado_within_three_months_percent":90,"lado_within_twelve_months_percent":100}';

CREATE TABLE lado_referrals (
    id                     INTEGER PRIMARY KEY,
    partnership_id         INTEGER NOT NULL REFERENCES partnerships(id),
    adult_reference        TEXT NOT NULL,             -- never a name
    referred_on            TEXT NOT NULL,
    source                 TEXT NOT NULL,
    sector                 TEXT NOT NULL,
    role                   TEXT NOT NULL,
    harmed                 INTEGER NOT NULL,          -- the four limbs of the harm test, 0/1
    offence                INTEGER NOT NULL,
    risk_of_harm           INTEGER NOT NULL,
    unsuitability          INTEGER NOT NULL,
    initial_considered_on  TEXT,
    initial_outcome        TEXT,
    strategy_meeting_on    TEXT,
    outcome                TEXT,
    outcome_on             TEXT,
    training_needs         INTEGER NOT NULL,
    dbs_referred_on        TEXT,
    regulator_referred_on  TEXT,
    notes                  TEXT NOT NULL,
    -- core's standing_of, resolved_on and timeliness_of, kept so lists and figures ask SQL
    standing               TEXT NOT NULL,
    resolved_on            TEXT,
    timeliness             TEXT,
    created_at             INTEGER NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT lado_referrals_limbs CHECK (harmed + offence + risk_of_harm + unsuitability >= 1),
    CONSTRAINT lado_referrals_outcome_dated CHECK ((outcome IS NULL) = (outcome_on IS NULL))
);
CREATE INDEX lado_referrals_by_referral ON lado_referrals(partnership_id, referred_on, id);
CREATE INDEX lado_referrals_by_resolution ON lado_referrals(partnership_id, resolved_on, outcome, timeliness, training_needs);

CREATE TABLE child_deaths (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    reference      TEXT NOT NULL,                     -- the panel's reference, never a name
    died_on        TEXT NOT NULL,
    sex            TEXT NOT NULL,
    age_band       TEXT NOT NULL,
    expected       INTEGER NOT NULL,
    status         TEXT NOT NULL,
    category       TEXT,
    modifiable     INTEGER,                           -- NULL until the review is complete
    reviewed_on    TEXT,
    created_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT child_deaths_reference_unique UNIQUE (partnership_id, reference),
    CONSTRAINT child_deaths_category_when_complete CHECK ((status = 'complete') = (category IS NOT NULL))
);
CREATE INDEX child_deaths_by_date ON child_deaths(partnership_id, died_on, id);

CREATE TABLE finance_entries (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    year_start     INTEGER NOT NULL,                  -- the financial year, by its first year: 2016 is 2016-17
    kind           TEXT NOT NULL,
    basis          TEXT NOT NULL,
    contributor    TEXT NOT NULL,
    heading        TEXT,
    amount_pence   INTEGER NOT NULL,
    on_date        TEXT NOT NULL,
    description    TEXT NOT NULL,
    reason         TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT finance_entries_positive CHECK (amount_pence > 0),
    CONSTRAINT finance_entries_heading_for_spending CHECK ((kind = 'expenditure') = (heading IS NOT NULL))
);
CREATE INDEX finance_entries_by_year ON finance_entries(partnership_id, year_start, kind, basis);
CREATE INDEX finance_entries_by_date ON finance_entries(partnership_id, on_date, id);
