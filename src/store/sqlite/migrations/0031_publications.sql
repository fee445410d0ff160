-- The public site's publications (issue 18, item 4; decision 0025): what a partnership puts on
-- its public site, proposed by the business unit and approved by a partner lead or the business
-- manager. A document's publication names the document and the version published; a yearly
-- report's names its year. Only approved rows are public.
CREATE TABLE publications (
    id                INTEGER PRIMARY KEY,
    partnership_id    INTEGER NOT NULL REFERENCES partnerships(id),
    kind              TEXT NOT NULL,
    title             TEXT NOT NULL,
    summary           TEXT NOT NULL DEFAULT '',
    published_on      TEXT NOT NULL,             -- YYYY-MM-DD
    document_id       INTEGER REFERENCES documents(id),
    document_version  INTEGER NOT NULL DEFAULT 0,
    report_year       TEXT NOT NULL DEFAULT '',  -- "2016-17" for a yearly report
    state             TEXT NOT NULL,
    proposed_by       INTEGER REFERENCES users(id),
    proposed_by_label TEXT NOT NULL,
    proposed_at       INTEGER NOT NULL,
    decided_by        INTEGER REFERENCES users(id),
    decided_by_label  TEXT NOT NULL DEFAULT '',
    decided_at        INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT publications_kind CHECK (kind IN ('arrangements', 'review_report', 'executive_summary', 'briefing',
                                                 'threshold', 'escalation', 'audit_calendar', 'yearly_report')),
    CONSTRAINT publications_state CHECK (state IN ('proposed', 'approved', 'withdrawn')),
    CONSTRAINT publications_what CHECK ((kind = 'yearly_report' AND document_id IS NULL AND report_year <> '')
                                        OR (kind <> 'yearly_report' AND document_id IS NOT NULL AND document_version > 0))
);
-- The public site's lists: a partnership's approved publications of some kinds, newest first.
CREATE INDEX publications_by_state ON publications(partnership_id, state, kind, published_on DESC, id DESC);
CREATE INDEX publications_by_date ON publications(partnership_id, published_on DESC, id DESC);
