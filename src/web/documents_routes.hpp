#pragma once
// Documents' pages and API (web/documents_pages.cpp, web/documents_api.cpp). Kept out of
// areas.hpp and routes.hpp: the HTTP server asks is_document_upload which requests stream their
// body to a file (docs/decisions/0022-documents.md).
#include <string>
#include <string_view>
#include <vector>

#include "app/documents.hpp"
#include "web/routes.hpp"

namespace assure::web {

// `documents` none: the pages list documents but refuse uploads and downloads (503).
void add_documents_routes(std::vector<Route>& routes, Services& services, DocumentServices* documents);
// Whether a request is an upload whose body goes to a file rather than memory.
bool is_document_upload(std::string_view method, std::string_view path);

namespace documents_web {

// The uploaded file of a request: from the file the server wrote the body to (an upload
// route's), or from the request's in-memory files otherwise. `bytes` stays valid while this lives.
class UploadedFile {
public:
    explicit UploadedFile(const Ctx& ctx, const std::string& field = "file");
    ~UploadedFile();
    UploadedFile(const UploadedFile&) = delete;
    UploadedFile& operator=(const UploadedFile&) = delete;
    std::string filename;
    std::string_view bytes;

private:
    struct Body;
    Body* body_ = nullptr;
};

// Sends a version's bytes as an attachment: its sniffed type, its name (RFC 6266, with a UTF-8
// form), nosniff, and not kept by caches.
void send_document(Ctx& ctx, const DocumentDownload& d);
// A record type and id from a form or query ("meeting", "12"); a field error when not one.
std::pair<DocumentRecord, std::int64_t> record_from(const std::string& type, const std::string& id);

void add_documents_pages(std::vector<Route>& routes, Services& services, DocumentServices* documents);
void add_documents_api(std::vector<Route>& routes, Services& services, DocumentServices* documents);

}  // namespace documents_web
}  // namespace assure::web
