-- The agencies' quarterly returns to the multi-agency dataset (issue 15, items 2 and 4): when a
-- partnership's returns fall due, each agency's return for a quarter with its due date and
-- when it came in, every correction of a returned figure with the figure before and the
-- reason, and what the exception report says: the owner's narrative and the action taken for
-- an indicator in a period, and the quarter's narrative for each priority.
-- The figures themselves stay in dataset_values, so the scorecard reads one table.

CREATE TABLE dataset_return_settings (
    partnership_id   BIGINT PRIMARY KEY REFERENCES partnerships(id),
    due_working_days INTEGER NOT NULL,
    CONSTRAINT dataset_return_settings_days CHECK (due_working_days BETWEEN 0 AND 60)
);

CREATE TABLE dataset_returns (
    id                 INTEGER PRIMARY KEY,
    partnership_id     BIGINT NOT NULL REFERENCES partnerships(id),
    agency_id          BIGINT NOT NULL REFERENCES agencies(id),
    period             TEXT NOT NULL,
    due_on             TEXT NOT NULL,
    figures            INTEGER NOT NULL,
    submitted_on       TEXT,
    submitted_at       BIGINT,
    submitted_by_label TEXT NOT NULL DEFAULT '',
    corrections        INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL,
    CONSTRAINT dataset_returns_one_per_agency UNIQUE (partnership_id, period, agency_id)
);
-- The business unit's list: outstanding or late, by due date.
CREATE INDEX dataset_returns_by_due ON dataset_returns(partnership_id, due_on, id);
CREATE INDEX dataset_returns_by_agency ON dataset_returns(partnership_id, agency_id, due_on, id);

CREATE TABLE dataset_value_changes (
    id                 INTEGER PRIMARY KEY,
    partnership_id     BIGINT NOT NULL REFERENCES partnerships(id),
    return_id          BIGINT NOT NULL REFERENCES dataset_returns(id),
    code               TEXT NOT NULL,
    period             TEXT NOT NULL,
    before_value       TEXT,
    before_numerator   BIGINT,
    before_denominator BIGINT,
    after_value        TEXT,
    after_numerator    BIGINT,
    after_denominator  BIGINT,
    reason             TEXT NOT NULL,
    changed_by         BIGINT REFERENCES users(id),
    changed_by_label   TEXT NOT NULL,
    changed_at         BIGINT NOT NULL
);
CREATE INDEX dataset_value_changes_by_return ON dataset_value_changes(partnership_id, return_id, id);

CREATE TABLE dataset_exception_notes (
    id               INTEGER PRIMARY KEY,
    partnership_id   BIGINT NOT NULL REFERENCES partnerships(id),
    code             TEXT NOT NULL,
    period           TEXT NOT NULL,
    narrative        TEXT NOT NULL,
    action_taken     TEXT NOT NULL,
    improvement_id   BIGINT REFERENCES improvement_actions(id),
    updated_by_label TEXT NOT NULL,
    updated_at       BIGINT NOT NULL,
    version          INTEGER NOT NULL,
    CONSTRAINT dataset_exception_notes_one UNIQUE (partnership_id, period, code)
);

CREATE TABLE dataset_priority_narratives (
    id               INTEGER PRIMARY KEY,
    partnership_id   BIGINT NOT NULL REFERENCES partnerships(id),
    period           TEXT NOT NULL,
    priority         TEXT NOT NULL,
    narrative        TEXT NOT NULL,
    updated_by_label TEXT NOT NULL,
    updated_at       BIGINT NOT NULL,
    version          INTEGER NOT NULL,
    CONSTRAINT dataset_priority_narratives_one UNIQUE (partnership_id, period, priority)
);
