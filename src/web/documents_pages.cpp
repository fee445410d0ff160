// Documents on pages: a meeting's (/meetings/ID/documents), a case's (/reviews/ID/documents) and
// the partnership's policies (/documents), each a table of documents with their versions, an
// upload form (GOV.UK file upload, works without JavaScript), and downloads.
#include <fstream>
#include <regex>
#include <sstream>

#include "core/date_words.hpp"
#include "core/fields.hpp"
#include "web/documents_routes.hpp"
#include "web/html.hpp"
#include "web/multipart.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace documents_web {

struct UploadedFile::Body {
    explicit Body(const std::string& path) : file(path) {}
    MappedFile file;
};

UploadedFile::UploadedFile(const Ctx& ctx, const std::string& field) {
    const std::string path = ctx.req.get_header_value(kUploadBodyHeader);
    if (path.empty()) {
        const auto it = ctx.req.files.find(field);
        if (it == ctx.req.files.end()) return;
        filename = it->second.filename;
        bytes = it->second.content;
        return;
    }
    body_ = new Body(path);
    const auto boundary = multipart_boundary(ctx.req.get_header_value("Content-Type"));
    if (!boundary) return;
    const auto parts = multipart_parts(body_->file.bytes(), *boundary);
    if (!parts) return;
    for (const auto& p : *parts) {
        if (p.name != field || !p.is_file) continue;
        filename = p.filename;
        bytes = p.content;
    }
}

UploadedFile::~UploadedFile() { delete body_; }

namespace {

// A name as ASCII for the plain filename parameter (non-ASCII, quotes and backslashes as '_').
std::string ascii_name(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') ? '_' : c;
    }
    return out;
}

}  // namespace

void send_document(Ctx& ctx, const DocumentDownload& d) {
    std::ifstream in(d.path, std::ios::binary);
    if (!in) throw Failure::not_found("document file " + d.path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + ascii_name(d.version.filename) +
                                                  "\"; filename*=UTF-8''" + url_encode(d.version.filename));
    ctx.res.set_header("X-Content-Type-Options", "nosniff");
    ctx.res.set_header("Cache-Control", "private, no-store");
    ctx.res.set_content(bytes.str(), d.version.content_type);
}

std::pair<DocumentRecord, std::int64_t> record_from(const std::string& type, const std::string& id) {
    const auto record = parse_document_record(type);
    if (!record) throw Failure::invalid({{"record_type", "record_type must be meeting, review_case or partnership"}});
    if (*record == DocumentRecord::partnership && (id.empty() || id == "0")) return {*record, 0};
    std::int64_t value = 0;
    try {
        std::size_t used = 0;
        value = std::stoll(id, &used);
        if (used != id.size() || value <= 0) throw std::invalid_argument(id);
    } catch (const std::exception&) {
        throw Failure::invalid({{"record_id", "record_id must be the id of the meeting or case, a whole number"}});
    }
    return {*record, value};
}

}  // namespace documents_web

namespace {

using namespace documents_web;

std::string size_text(std::int64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
    const std::int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

struct Where {
    DocumentRecord type;
    std::int64_t id;
    std::string path;      // the documents page, which the form posts to
    std::string back;      // the record's own page
    std::string back_text;
};

Where where_of(DocumentRecord type, std::int64_t id) {
    switch (type) {
        case DocumentRecord::meeting:
            return {type, id, "/meetings/" + std::to_string(id) + "/documents", "/meetings/" + std::to_string(id), "Back to the meeting"};
        case DocumentRecord::review_case:
            return {type, id, "/reviews/" + std::to_string(id) + "/documents", "/reviews/" + std::to_string(id), "Back to the case"};
        case DocumentRecord::partnership: break;
    }
    return {type, 0, "/documents", "/", "Back to the home page"};
}

void list_page(Services& s, DocumentServices* d, Ctx& ctx, const Where& w, const FieldErrors& errors = {},
               const std::string& saved = {}, int status = 200) {
    const PageRequest asked = page_request(ctx);
    const RecordDocuments docs = list_documents(s, ctx.who(), w.type, w.id, asked);
    Data data;
    data.set("record_label", docs.record_label);
    data.set("back", w.back);
    data.set("back_text", w.back_text);
    data.set("path", w.path);
    data.set("saved", optional_text(saved));
    Data rows{Data::type::list};
    std::vector<Option> which{{"new", "A new document"}};
    for (const auto& doc : docs.documents.items) {
        which.push_back({doc.id.str(), "A new version of " + doc.title});
        bool first = true;
        for (const auto& v : doc.versions) {
            Data row;
            row.set("title", first ? doc.title : std::string());
            row.set("first", flag(first));
            // The business unit proposes a document for the public site (web/publications.cpp).
            row.set("publish_href", optional_text(first && ctx.who().can(Permission::manage_report)
                                                      ? "/publications/new?document_id=" + doc.id.str()
                                                      : std::string()));
            row.set("version", std::to_string(v.number) + (first ? " (latest)" : ""));
            row.set("filename", v.filename);
            row.set("href", "/documents/" + doc.id.str() + "/versions/" + std::to_string(v.number));
            row.set("size", size_text(v.size));
            row.set("type", std::string(allowed_document_type(v.content_type) ? allowed_document_type(v.content_type)->label : v.content_type));
            row.set("by", name_in_label(v.uploaded_by_label));
            row.set("on", date_in_words(london_date(v.uploaded_at)));
            rows.push_back(row);
            first = false;
        }
    }
    data.set("rows", rows);
    data.set("has_rows", flag(!docs.documents.items.empty()));
    data.set("pagination_html", pagination(w.path, asked, docs.documents.next));
    const bool can_upload = may_upload_documents(ctx.who(), w.type);
    data.set("can_upload", flag(can_upload));
    data.set("uploads_off", flag(can_upload && d == nullptr));
    data.set("which_html", select(Field{"document", "This file is", ctx.form("document"), error_for(errors, "document")}, which, ""));
    data.set("title_html", text_input(Field{"title", "Title", ctx.form("title"), error_for(errors, "title"),
                                            "Needed for a new document, for example “Signed minutes”"}));
    data.set("file_error", optional_text(error_for(errors, "file")));
    data.set("limit", d ? megabytes_text(d->limits.max_bytes) : std::string());
    data.set("types", allowed_document_labels());
    page(ctx, "documents/list", data, PageOptions{"Documents: " + docs.record_label, "", errors, status});
}

void upload(Services& s, DocumentServices* d, Ctx& ctx, const Where& w) {
    if (d == nullptr) throw Failure(FailureCode::unavailable, "Documents are not set up on this server. Nothing was saved.");
    const UploadedFile file(ctx);
    DocumentUpload in;
    in.record_type = w.type;
    in.record_id = w.id;
    const std::string which = ctx.form("document");
    if (!which.empty() && which != "new") {
        const auto id = to_int(which);
        if (!id || *id <= 0) return list_page(s, d, ctx, w, {{"document", "Select which document the file is"}}, {}, 422);
        in.document = DocumentId{*id};
    }
    in.title = ctx.form("title");
    in.filename = file.filename;
    in.bytes = file.bytes;
    try {
        const Document saved = upload_document(s, *d, ctx.who(), in);
        redirect(ctx, w.path + "?saved=" + saved.id.str());
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        list_page(s, d, ctx, w, f.fields(), {}, 422);
    }
}

void download(Services& s, DocumentServices* d, Ctx& ctx) {
    if (d == nullptr) throw Failure(FailureCode::unavailable, "Documents are not set up on this server.");
    const DocumentId id{ctx.path_id(1)};
    std::optional<int> version;
    if (ctx.req.matches.size() > 2 && ctx.req.matches[2].matched) version = static_cast<int>(ctx.path_id(2));
    send_document(ctx, download_document(s, *d, ctx.who(), id, version));
}

}  // namespace

void documents_web::add_documents_pages(std::vector<Route>& routes, Services& s, DocumentServices* d) {
    const auto show = [&s, d](DocumentRecord type) {
        return [&s, d, type](Ctx& ctx) {
            const std::int64_t id = type == DocumentRecord::partnership ? 0 : ctx.path_id();
            list_page(s, d, ctx, where_of(type, id), {}, ctx.query("saved").empty() ? "" : "The file was uploaded and checked.");
        };
    };
    const auto post = [&s, d](DocumentRecord type) {
        return [&s, d, type](Ctx& ctx) { upload(s, d, ctx, where_of(type, type == DocumentRecord::partnership ? 0 : ctx.path_id())); };
    };
    routes.push_back({"GET", R"(/meetings/(\d+)/documents)", Permission::view_governance, Surface::page, show(DocumentRecord::meeting),
                      "/meetings/1/documents"});
    routes.push_back({"POST", R"(/meetings/(\d+)/documents)", Permission::manage_governance, Surface::page, post(DocumentRecord::meeting),
                      "/meetings/1/documents"});
    routes.push_back({"GET", R"(/reviews/(\d+)/documents)", Permission::view_reviews, Surface::page, show(DocumentRecord::review_case),
                      "/reviews/1/documents"});
    routes.push_back({"POST", R"(/reviews/(\d+)/documents)", Permission::manage_reviews, Surface::page,
                      post(DocumentRecord::review_case), "/reviews/1/documents"});
    routes.push_back({"GET", "/documents", Permission::signed_in, Surface::page, show(DocumentRecord::partnership), "/documents"});
    routes.push_back({"POST", "/documents", Permission::edit_partnership, Surface::page, post(DocumentRecord::partnership), "/documents"});
    // Downloads are never kept by the page cache: a case's must reach the access log each time,
    // and a file's bytes do not belong in the cache's memory.
    Route latest{"GET", R"(/documents/(\d+))", Permission::signed_in, Surface::page, [&s, d](Ctx& ctx) { download(s, d, ctx); },
                 "/documents/1"};
    latest.reusable = false;
    routes.push_back(latest);
    Route one{"GET", R"(/documents/(\d+)/versions/(\d+))", Permission::signed_in, Surface::page,
              [&s, d](Ctx& ctx) { download(s, d, ctx); }, "/documents/1/versions/1"};
    one.reusable = false;
    routes.push_back(one);
}

void add_documents_routes(std::vector<Route>& routes, Services& services, DocumentServices* documents) {
    documents_web::add_documents_pages(routes, services, documents);
    documents_web::add_documents_api(routes, services, documents);
}

bool is_document_upload(std::string_view method, std::string_view path) {
    if (method != "POST") return false;
    static const std::regex pages(R"(/(meetings|reviews)/\d+/documents|/documents|/api/v1/documents)");
    return std::regex_match(path.begin(), path.end(), pages);
}

}  // namespace assure::web
