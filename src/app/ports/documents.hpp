#pragma once
// Ports: documents. The rows (DocumentRepo, in the store's transactions) and the outside
// services an upload needs: the type sniffer (libmagic), the malware scanner (clamd) and the
// folder the bytes are kept in. See docs/decisions/0022-documents.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/paging.hpp"
#include "core/documents.hpp"

namespace assure {

// A record's documents, most recently changed first (then newest id), with every version.
struct DocumentQuery {
    PartnershipId partnership;
    DocumentRecord record_type = DocumentRecord::partnership;
    std::int64_t record_id = 0;
    PageRequest page;
};

struct DocumentRepo {
    virtual ~DocumentRepo() = default;
    // Each document comes with its versions, newest first (one more statement per page).
    virtual Page<Document> documents(const DocumentQuery& query) = 0;
    // The document with its versions, if it is the partnership's.
    virtual std::optional<Document> find_document(PartnershipId partnership, DocumentId id) = 0;
    // A new document whose first version is `first` (its number is set to 1).
    virtual DocumentId insert_document(const Document& d, const DocumentVersion& first) = 0;
    // Adds the next version to the document and makes it the latest; returns its number.
    virtual int add_version(PartnershipId partnership, DocumentId id, const DocumentVersion& v) = 0;
    // How many versions, across every document, keep this file (by checksum): 0 means the file
    // on disk is kept by nothing.
    virtual int versions_with(const std::string& sha256) = 0;
};

// What the bytes are, from the bytes: a MIME type such as "application/pdf".
struct TypeSniffer {
    virtual ~TypeSniffer() = default;
    [[nodiscard]] virtual std::string mime(std::string_view bytes) const = 0;
};

struct ScanResult {
    enum class Verdict { clean, infected, unavailable } verdict = Verdict::unavailable;
    std::string detail;  // the signature's name when infected; what failed when unavailable
};

struct MalwareScanner {
    virtual ~MalwareScanner() = default;
    [[nodiscard]] virtual ScanResult scan(std::string_view bytes) const = 0;
};

// The folder of documents' bytes, outside the database.
struct DocumentFiles {
    virtual ~DocumentFiles() = default;
    // Keeps the bytes under their checksum (written to a temporary file, flushed, then renamed,
    // so a file under a checksum is always whole) and returns the checksum. Throws Failure
    // (unavailable) if the folder cannot be written.
    virtual std::string keep(std::string_view bytes) = 0;
    // The path of the file kept under `sha256`, to send; none if it is missing.
    [[nodiscard]] virtual std::optional<std::string> path_of(const std::string& sha256) const = 0;
};

// A transaction that reaches documents: the store's transactions are one (the SQL store's),
// asked for by app/documents.cpp's documents_of. A side interface rather than a method of
// Transaction, so adding the area did not rebuild every file that includes the ports; it can be
// folded into Transaction when the area is merged.
struct DocumentTransaction {
    virtual ~DocumentTransaction() = default;
    virtual DocumentRepo& documents() = 0;
};

// Everything documents need from outside, wired by the composition root. No scanner: uploads
// are refused unless `allow_unscanned` says otherwise (docs/admin.md).
struct DocumentServices {
    const TypeSniffer& sniffer;
    const MalwareScanner* scanner = nullptr;
    DocumentFiles& files;
    DocumentLimits limits = DocumentLimits();
    bool allow_unscanned = false;
};

}  // namespace assure
