-- A partnership's own numbers for the children in need census's indicators (core CinRules,
-- decision 0044); a partnership without a row is measured by the defaults. The bounds are
-- core's cin_rule_settings().
CREATE TABLE dataset_cin_settings (
    partnership_id          BIGINT PRIMARY KEY REFERENCES partnerships(id),
    assessment_working_days INTEGER NOT NULL CHECK (assessment_working_days BETWEEN 1 AND 200),
    conference_working_days INTEGER NOT NULL CHECK (conference_working_days BETWEEN 1 AND 100),
    re_referral_months      INTEGER NOT NULL CHECK (re_referral_months BETWEEN 1 AND 12),
    long_plan_months        INTEGER NOT NULL CHECK (long_plan_months BETWEEN 1 AND 120)
);
