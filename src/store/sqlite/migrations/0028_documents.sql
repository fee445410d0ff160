-- Documents (issue 18, item 1; decision 0022): files attached to a record (a meeting, a review
-- case, or the partnership itself with record_id 0), each upload of the same document a new
-- version, the old ones kept. The bytes are on disk, named by sha256; these rows say what they
-- are. A version is never changed or removed (append-only, like the audit trail).
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
    record_type    TEXT NOT NULL,     -- meeting, review_case, partnership
    record_id      INTEGER NOT NULL,  -- the meeting's or case's id; 0 for the partnership
    title          TEXT NOT NULL,
    latest         INTEGER NOT NULL DEFAULT 1,  -- the newest version's number
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CONSTRAINT documents_record_type CHECK (record_type IN ('meeting', 'review_case', 'partnership')),
    CONSTRAINT documents_partnership_record CHECK ((record_type = 'partnership') = (record_id = 0))
);
-- A record's documents, most recently changed first: the list's filter and order.
CREATE INDEX documents_by_record ON documents(partnership_id, record_type, record_id, updated_at DESC, id DESC);

CREATE TABLE document_versions (
    id                INTEGER PRIMARY KEY,
    partnership_id    INTEGER NOT NULL REFERENCES partnerships(id),
    document_id       INTEGER NOT NULL REFERENCES documents(id),
    number            INTEGER NOT NULL,
    filename          TEXT NOT NULL,
    content_type      TEXT NOT NULL,
    size              INTEGER NOT NULL,
    sha256            TEXT NOT NULL,
    uploaded_by       INTEGER REFERENCES users(id),
    uploaded_by_label TEXT NOT NULL,
    uploaded_at       INTEGER NOT NULL,
    CONSTRAINT document_versions_one_number UNIQUE (document_id, number),
    CONSTRAINT document_versions_size CHECK (size > 0),
    CONSTRAINT document_versions_sha256 CHECK (length(sha256) = 64)
);
CREATE INDEX document_versions_by_document ON document_versions(partnership_id, document_id, number DESC);
CREATE INDEX document_versions_by_file ON document_versions(sha256);

CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions
BEGIN SELECT RAISE(ABORT, 'document_versions is append-only'); END;
CREATE TRIGGER document_versions_no_delete BEFORE DELETE ON document_versions
BEGIN SELECT RAISE(ABORT, 'document_versions is append-only'); END;
