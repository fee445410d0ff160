-- The register of the area's schools, colleges and early years settings (issue 20 item 3): each
-- an agency of the partnership with its URN (once per partnership), phase, type as Get
-- Information about Schools names it, the safeguarding duty it answers to, and its designated
-- safeguarding lead in the directory. And the rounds of school audits: the duty whose questions
-- a Section 175 cycle asks and the phases it invited.
CREATE TABLE schools (
    partnership_id      BIGINT NOT NULL REFERENCES partnerships(id),
    agency_id           BIGINT NOT NULL REFERENCES agencies(id),
    urn                 TEXT NOT NULL,
    phase               TEXT NOT NULL,
    establishment_type  TEXT NOT NULL DEFAULT '',
    duty                TEXT NOT NULL,
    lead_person_id      BIGINT REFERENCES people(id),
    version             INTEGER NOT NULL,
    PRIMARY KEY (partnership_id, agency_id),
    CONSTRAINT schools_urn_once UNIQUE (partnership_id, urn),
    CONSTRAINT schools_phase CHECK (phase IN ('early_years', 'nursery', 'primary', 'secondary', 'all_through', 'special',
                                              'alternative_provision', 'college')),
    CONSTRAINT schools_duty CHECK (duty IN ('section_175', 'section_157', 'early_years'))
);

CREATE TABLE school_rounds (
    partnership_id  BIGINT NOT NULL REFERENCES partnerships(id),
    cycle_id        BIGINT NOT NULL REFERENCES audit_cycles(id),
    duty            TEXT NOT NULL,
    phases          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (partnership_id, cycle_id),
    CONSTRAINT school_rounds_duty CHECK (duty IN ('section_175', 'section_157', 'early_years'))
);
