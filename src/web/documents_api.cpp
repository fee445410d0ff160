// Documents' JSON API: POST /api/v1/documents (multipart/form-data: record_type, record_id,
// title or document, and file), GET /api/v1/documents?record_type=&record_id= (paged by
// limit and cursor), GET /api/v1/documents/{id}/content (?version=N). Errors are problem+json.
#include <nlohmann/json.hpp>

#include "core/fields.hpp"
#include "web/documents_routes.hpp"
#include "web/multipart.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;
using namespace documents_web;

J version_json(const DocumentVersion& v, const Document& d) {
    return J{{"version", v.number},
             {"filename", v.filename},
             {"content_type", v.content_type},
             {"size", v.size},
             {"sha256", v.sha256},
             {"uploaded_by", name_in_label(v.uploaded_by_label)},
             {"uploaded_at", iso_instant(v.uploaded_at)},
             {"content", "/api/v1/documents/" + d.id.str() + "/content?version=" + std::to_string(v.number)}};
}

J document_json(const Document& d) {
    J versions = J::array();
    for (const auto& v : d.versions) versions.push_back(version_json(v, d));
    return J{{"id", d.id.value},
             {"record_type", document_record_key(d.record_type)},
             {"record_id", d.record_id},
             {"title", d.title},
             {"latest", d.latest},
             {"created_at", iso_instant(d.created_at)},
             {"updated_at", iso_instant(d.updated_at)},
             {"versions", versions}};
}

DocumentServices& configured(DocumentServices* d) {
    if (d == nullptr) throw Failure(FailureCode::unavailable, "Documents are not set up on this server. Nothing was saved.");
    return *d;
}

void post_document(Services& s, DocumentServices* d, Ctx& ctx) {
    auto& docs = configured(d);
    if (!multipart_boundary(ctx.req.get_header_value("Content-Type"))) {
        problem(ctx, 415, "Send the document as multipart/form-data", "Fields: record_type, record_id, title or document, and file");
        return;
    }
    const auto [type, id] = record_from(ctx.form("record_type"), ctx.form("record_id"));
    const UploadedFile file(ctx);
    DocumentUpload in;
    in.record_type = type;
    in.record_id = id;
    if (const std::string which = ctx.form("document"); !which.empty()) {
        const auto n = to_int(which);
        if (!n || *n <= 0) throw Failure::invalid({{"document", "document must be the id of a document of the record"}});
        in.document = DocumentId{*n};
    }
    in.title = ctx.form("title");
    in.filename = file.filename;
    in.bytes = file.bytes;
    const Document saved = upload_document(s, docs, ctx.who(), in);
    ctx.res.set_header("Location", "/api/v1/documents/" + saved.id.str() + "/content");
    json(ctx, 201, document_json(saved));
}

}  // namespace

void documents_web::add_documents_api(std::vector<Route>& routes, Services& s, DocumentServices* d) {
    routes.push_back({"POST", "/api/v1/documents", Permission::signed_in, Surface::api,
                      [&s, d](Ctx& ctx) { post_document(s, d, ctx); }, "/api/v1/documents"});
    routes.push_back({"GET", "/api/v1/documents", Permission::signed_in, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto [type, id] = record_from(ctx.query("record_type"), ctx.query("record_id"));
                          const auto shown = list_documents(s, ctx.who(), type, id, page_request(ctx));
                          J items = J::array();
                          for (const auto& doc : shown.documents.items) items.push_back(document_json(doc));
                          json(ctx, 200, list_body(items, shown.documents.next));
                      },
                      "/api/v1/documents?record_type=partnership"});
    Route content{"GET", R"(/api/v1/documents/(\d+)/content)", Permission::signed_in, Surface::api,
                  [&s, d](Ctx& ctx) {
                      std::optional<int> version;
                      if (ctx.has_query("version")) {
                          const auto n = to_int(ctx.query("version"));
                          if (!n || *n <= 0 || *n > 1000000) throw Failure::invalid({{"version", "version must be a whole number from 1"}});
                          version = static_cast<int>(*n);
                      }
                      send_document(ctx, download_document(s, configured(d), ctx.who(), DocumentId{ctx.path_id()}, version));
                  },
                  "/api/v1/documents/1/content"};
    content.reusable = false;
    routes.push_back(content);
}

}  // namespace assure::web
