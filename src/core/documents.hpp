#pragma once
// Documents: files attached to a record (a meeting's papers, a review case's reports, the
// partnership's policies), each upload of the same document kept as a new version. The bytes
// live on disk outside the database, named by their SHA-256; the rows say what they are.
// Rules here are pure: which types are allowed (decided from the bytes, never the name), the
// size limit, and what a stored filename may be (docs/decisions/0022-documents.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

using DocumentId = Id<struct DocumentTag>;
using DocumentVersionId = Id<struct DocumentVersionTag>;

// What a document is attached to; its permissions are that record's.
enum class DocumentRecord {
    meeting,      // governance: a meeting's papers and signed minutes
    review_case,  // reviews: need-to-know, every download logged
    partnership,  // the partnership's own policies and procedures (record id 0)
};
std::string_view document_record_key(DocumentRecord r);  // "review_case"
std::optional<DocumentRecord> parse_document_record(std::string_view key);

struct DocumentVersion {
    DocumentVersionId id;
    DocumentId document;
    int number = 1;            // 1 for the first upload, then 2, 3, ...
    std::string filename;      // as the person's computer named it, made safe (safe_filename)
    std::string content_type;  // as sniffed from the bytes, e.g. "application/pdf"
    std::int64_t size = 0;     // bytes
    std::string sha256;        // 64 lower-case hex digits; also the file's name on disk
    UserId uploaded_by;
    std::string uploaded_by_label;  // "Name <email>" at the time
    Instant uploaded_at = 0;
};

struct Document {
    DocumentId id;
    PartnershipId partnership;
    DocumentRecord record_type = DocumentRecord::partnership;
    std::int64_t record_id = 0;  // the meeting's or case's id; 0 for the partnership
    std::string title;
    int latest = 1;               // the number of its newest version
    Instant created_at = 0;
    Instant updated_at = 0;       // when its newest version was uploaded
    std::vector<DocumentVersion> versions;  // newest first, when read with them
};

// One allowed kind of file: the type libmagic reports and what a person calls it.
struct DocumentType {
    std::string_view mime;
    std::string_view label;      // "PDF"
    std::string_view extension;  // ".pdf", for the download's name when the upload had none
};
// PDF, DOCX, XLSX, ODT, PNG, JPEG, plain text and CSV. Office files are ZIP containers, which
// libmagic recognises by their first member (e.g. word/ for DOCX).
const std::vector<DocumentType>& allowed_document_types();
// The allowed type for a sniffed MIME type (parameters such as "; charset=" ignored), or none.
std::optional<DocumentType> allowed_document_type(std::string_view sniffed_mime);
// "PDF, DOCX, XLSX, ODT, PNG, JPEG, text or CSV": for error messages.
std::string allowed_document_labels();

struct DocumentLimits {
    std::int64_t max_bytes = 25LL * 1024 * 1024;  // [documents] max_megabytes
};
// "25 MB" for the limit, as messages say it.
std::string megabytes_text(std::int64_t bytes);

// The checks an upload must pass before it is scanned or stored, as field errors on "file"
// (and "title"): a file chosen, not empty, within the limit, a type allowed by its content.
FieldErrors check_document(std::string_view filename, std::string_view sniffed_mime, std::int64_t size,
                           const DocumentLimits& limits);
// A title: 1 to 200 characters after trimming.
std::optional<FieldError> check_document_title(std::string_view title);

// The name to keep and offer on download: the last path segment (after any '/' or '\'),
// control characters, quotes and semicolons replaced with '_', at most 150 bytes (keeping the extension
// where it fits), never empty ("document" + the type's extension).
std::string safe_filename(std::string_view name, const DocumentType& type);

}  // namespace assure
