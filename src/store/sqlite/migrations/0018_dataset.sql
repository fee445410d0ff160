-- The multi-agency dataset (issue 15): each partnership's indicator catalogue and benchmarks,
-- the imports with what their reports said, the local authority's records kept per financial
-- year with identifiers already degraded (a keyed hash for the child, the month and year of
-- birth, no postcode), the population of children, and the agencies' returned figures.
-- Figures are decimal text ('89.3'), as both engines store and return text exactly.

CREATE TABLE dataset_indicators (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    definition     TEXT NOT NULL,
    source_agency  TEXT NOT NULL,
    unit           TEXT NOT NULL,
    polarity       TEXT NOT NULL,
    frequency      TEXT NOT NULL,
    aggregation    TEXT NOT NULL,
    source         TEXT NOT NULL,
    rate_of        TEXT NOT NULL DEFAULT '',
    target         TEXT NOT NULL DEFAULT '',
    tolerance      TEXT NOT NULL DEFAULT '0',
    priority       TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    CONSTRAINT dataset_indicators_one_code UNIQUE (partnership_id, code)
);

CREATE TABLE dataset_benchmarks (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    code           TEXT NOT NULL,
    year           INTEGER NOT NULL,
    area           TEXT NOT NULL,
    value          TEXT NOT NULL,
    CONSTRAINT dataset_benchmarks_one_per_area UNIQUE (partnership_id, code, year, area)
);

CREATE TABLE dataset_imports (
    id                 INTEGER PRIMARY KEY,
    partnership_id     BIGINT NOT NULL REFERENCES partnerships(id),
    kind               TEXT NOT NULL,
    period             TEXT NOT NULL,
    file_name          TEXT NOT NULL,
    rows_read          INTEGER NOT NULL,
    rows_saved         INTEGER NOT NULL,
    rows_refused       INTEGER NOT NULL,
    rows_added         INTEGER NOT NULL,
    rows_removed       INTEGER NOT NULL,
    rows_unchanged     INTEGER NOT NULL,
    replaces_import_id BIGINT REFERENCES dataset_imports(id),
    imported_by        BIGINT REFERENCES users(id),
    imported_by_label  TEXT NOT NULL,
    imported_at        BIGINT NOT NULL
);
CREATE INDEX dataset_imports_by_kind ON dataset_imports(partnership_id, kind, period, id);
CREATE INDEX dataset_imports_newest ON dataset_imports(partnership_id, id);

CREATE TABLE dataset_children (
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    child          TEXT NOT NULL,
    sex            INTEGER NOT NULL,
    birth_month    TEXT NOT NULL,
    ethnic         TEXT NOT NULL,
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id),
    CONSTRAINT dataset_children_once_a_year PRIMARY KEY (partnership_id, year, child)
);

CREATE TABLE dataset_episodes (
    id                  INTEGER PRIMARY KEY,
    partnership_id      BIGINT NOT NULL REFERENCES partnerships(id),
    year                INTEGER NOT NULL,
    child               TEXT NOT NULL,
    start_on            TEXT NOT NULL,
    end_on              TEXT,
    rne                 TEXT NOT NULL,
    ls                  TEXT NOT NULL,
    cin                 TEXT NOT NULL,
    place               TEXT NOT NULL,
    rec                 TEXT NOT NULL,
    reason_place_change TEXT NOT NULL,
    import_id           BIGINT NOT NULL REFERENCES dataset_imports(id),
    CONSTRAINT dataset_episodes_one_start UNIQUE (partnership_id, year, child, start_on)
);

CREATE TABLE dataset_missing (
    id             INTEGER PRIMARY KEY,
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    source         TEXT NOT NULL,
    child          TEXT NOT NULL,
    kind           TEXT NOT NULL,
    start_on       TEXT NOT NULL,
    end_on         TEXT,
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id)
);
CREATE INDEX dataset_missing_by_year ON dataset_missing(partnership_id, year, source, id);

CREATE TABLE dataset_population (
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    year           INTEGER NOT NULL,
    children       BIGINT NOT NULL,
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id),
    CONSTRAINT dataset_population_one_a_year PRIMARY KEY (partnership_id, year)
);

CREATE TABLE dataset_values (
    partnership_id BIGINT NOT NULL REFERENCES partnerships(id),
    code           TEXT NOT NULL,
    period         TEXT NOT NULL,
    year           INTEGER NOT NULL,
    value          TEXT,
    numerator      BIGINT,
    denominator    BIGINT,
    import_id      BIGINT NOT NULL REFERENCES dataset_imports(id),
    CONSTRAINT dataset_values_one_per_period PRIMARY KEY (partnership_id, code, period)
);
CREATE INDEX dataset_values_by_year ON dataset_values(partnership_id, year);
