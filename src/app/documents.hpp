#pragma once
// Use cases: documents attached to meetings, review cases and the partnership. A document has
// its record's permissions: a case's need-to-know (and every download logged), a meeting's
// governance permissions, the partnership's for its policies.
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "app/ports/documents.hpp"

namespace assure {

struct DocumentUpload {
    DocumentRecord record_type = DocumentRecord::partnership;
    std::int64_t record_id = 0;
    std::optional<DocumentId> document;  // set: a new version of this document; none: a new document
    std::string title;                   // a new document's title
    std::string filename;                // as sent by the browser
    std::string_view bytes;              // the file, read from disk by the caller (not copied)
};

// Checks (type by content, size, title), scans, keeps the bytes, then saves the version and
// its audit row in one transaction. Refused: a field error on "file" or "title", nothing kept;
// no scanner or an unreachable one: Failure (unavailable).
Document upload_document(Services& s, DocumentServices& d, const Actor& actor, const DocumentUpload& in);

struct RecordDocuments {
    std::string record_label;  // "Meeting on 8 December 2026", "Case SI-2026-01"
    Page<Document> documents;
};
// The record's documents with their versions. A case's are listed only to those who may know
// of the case (not found otherwise), and the list is logged as a read of the case.
RecordDocuments list_documents(Services& s, const Actor& actor, DocumentRecord type, std::int64_t record_id,
                               const PageRequest& page);

struct DocumentDownload {
    Document document;
    DocumentVersion version;
    std::string path;  // the file on disk
};
// One version (the latest when none is asked for). A case's document is logged in the access
// log (a record read of type "document"); one the actor may not see is not found, as is a file missing from disk.
DocumentDownload download_document(Services& s, const DocumentServices& d, const Actor& actor, DocumentId id,
                                   std::optional<int> version);

// Whether the actor may add documents to records of this type (the page shows the form).
bool may_upload_documents(const Actor& actor, DocumentRecord type);

// The transaction's documents (see DocumentTransaction); throws if the store has none.
DocumentRepo& documents_of(Transaction& tx);

}  // namespace assure
