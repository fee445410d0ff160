// Documents: the record decides who may see and add them; the bytes are checked by content,
// scanned, and kept on disk before the row that names them is written.
#include "app/documents.hpp"

#include <nlohmann/json.hpp>

#include "app/governance.hpp"
#include "app/reviews/internal.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

Permission view_permission(DocumentRecord type) {
    switch (type) {
        case DocumentRecord::meeting: return Permission::view_governance;
        case DocumentRecord::review_case: return Permission::view_reviews;
        case DocumentRecord::partnership: return Permission::signed_in;
    }
    return Permission::manage_partnerships;
}

Permission upload_permission(DocumentRecord type) {
    switch (type) {
        case DocumentRecord::meeting: return Permission::manage_governance;
        case DocumentRecord::review_case: return Permission::manage_reviews;
        case DocumentRecord::partnership: return Permission::edit_partnership;
    }
    return Permission::manage_partnerships;
}

// The record exists in the actor's partnership and the actor may know of it; otherwise
// not found, whether or not it exists (a case's need-to-know: reviews' load_visible). Returns
// what the record is called ("Meeting on 8 December 2026", "Case SI-2026-01").
std::string require_record(Transaction& tx, const Actor& actor, DocumentRecord type, std::int64_t id) {
    switch (type) {
        case DocumentRecord::meeting: {
            const auto m = tx.governance().find_meeting(actor.partnership, MeetingId{id});
            if (!m) throw Failure::not_found("meeting " + std::to_string(id));
            return "Meeting on " + date_in_words(m->on);
        }
        case DocumentRecord::review_case: return "Case " + reviews_detail::load_visible(tx, actor, CaseId{id}).reference;
        case DocumentRecord::partnership:
            if (id != 0) throw Failure::not_found("partnership record " + std::to_string(id));
            return "The partnership's policies and procedures";
    }
    throw Failure::not_found("record type");
}

std::string audit_json(const Document& d, const DocumentVersion& v) {
    return nlohmann::json{{"title", d.title},
                          {"record_type", document_record_key(d.record_type)},
                          {"record_id", d.record_id},
                          {"version", v.number},
                          {"filename", v.filename},
                          {"content_type", v.content_type},
                          {"size", v.size},
                          {"sha256", v.sha256}}
        .dump();
}

// The scanner's verdict as the person is told it; clean returns.
void require_clean(const DocumentServices& d, std::string_view bytes) {
    if (d.scanner == nullptr) {
        if (d.allow_unscanned) return;
        throw Failure(FailureCode::unavailable,
                      "Uploads are switched off: no virus scanner is set up on this server. Nothing was saved.", {},
                      "[documents] clamd is not set and allow_unscanned is false");
    }
    const ScanResult r = d.scanner->scan(bytes);
    switch (r.verdict) {
        case ScanResult::Verdict::clean: return;
        case ScanResult::Verdict::infected:
            throw Failure::invalid({{"file", "The selected file contains a virus or other harmful content (" + r.detail +
                                                 ") and was not saved"}});
        case ScanResult::Verdict::unavailable: break;
    }
    throw Failure(FailureCode::unavailable,
                  "Files cannot be checked for viruses just now, so uploads are paused. Try again later. Nothing was saved.",
                  {}, "malware scanner: " + r.detail);
}

}  // namespace

bool may_upload_documents(const Actor& actor, DocumentRecord type) { return actor.can(upload_permission(type)); }

DocumentRepo& documents_of(Transaction& tx) {
    auto* with = dynamic_cast<DocumentTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Documents are not kept by this store", {}, "no DocumentTransaction");
    return with->documents();
}

Document upload_document(Services& s, DocumentServices& d, const Actor& actor, const DocumentUpload& in) {
    require(actor, view_permission(in.record_type));
    require(actor, upload_permission(in.record_type));
    std::optional<Document> existing;
    s.store.read([&](Transaction& tx) {
        require_record(tx, actor, in.record_type, in.record_id);
        if (!in.document) return;
        existing = documents_of(tx).find_document(actor.partnership, *in.document);
        if (!existing || existing->record_type != in.record_type || existing->record_id != in.record_id) {
            throw Failure::not_found("document " + in.document->str());
        }
    });

    FieldErrors errors;
    if (!existing) {
        if (auto e = check_document_title(in.title)) errors.push_back(*e);
    }
    const auto size = static_cast<std::int64_t>(in.bytes.size());
    // Too large is refused before the bytes are read; the HTTP server refuses earlier still.
    const std::string mime = size > 0 && size <= d.limits.max_bytes ? d.sniffer.mime(in.bytes) : std::string();
    for (auto& e : check_document(in.filename, mime, size, d.limits)) errors.push_back(std::move(e));
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    require_clean(d, in.bytes);

    const DocumentType type = *allowed_document_type(mime);
    DocumentVersion v;
    v.filename = safe_filename(in.filename, type);
    v.content_type = std::string(type.mime);
    v.size = size;
    v.sha256 = d.files.keep(in.bytes);
    v.uploaded_by = actor.user;
    v.uploaded_by_label = actor.label;
    v.uploaded_at = s.clock.now();

    Document out;
    s.store.write([&](Transaction& tx) {
        require_record(tx, actor, in.record_type, in.record_id);  // may have closed to the actor meanwhile
        if (existing) {
            v.document = existing->id;
            v.number = documents_of(tx).add_version(actor.partnership, existing->id, v);
            out = *existing;
        } else {
            out.partnership = actor.partnership;
            out.record_type = in.record_type;
            out.record_id = in.record_id;
            out.title = trim(in.title);
            out.created_at = v.uploaded_at;
            v.number = 1;
            out.id = documents_of(tx).insert_document(out, v);
            v.document = out.id;
        }
        out.latest = v.number;
        out.updated_at = v.uploaded_at;
        record_audit(tx, actor, v.uploaded_at, existing ? "document.version" : "document.create", "document", out.id.str(),
                     "", audit_json(out, v));
    });
    out.versions.insert(out.versions.begin(), v);
    return out;
}

RecordDocuments list_documents(Services& s, const Actor& actor, DocumentRecord type, std::int64_t record_id,
                               const PageRequest& page) {
    require(actor, view_permission(type));
    RecordDocuments out;
    s.store.read([&](Transaction& tx) {
        out.record_label = require_record(tx, actor, type, record_id);
        out.documents = documents_of(tx).documents({actor.partnership, type, record_id, page});
    });
    // A case's documents are part of the case: their list is a read of it, as its page is.
    if (type == DocumentRecord::review_case) log_access(s, actor, AccessKind::record, "review_case", {std::to_string(record_id)});
    return out;
}

DocumentDownload download_document(Services& s, const DocumentServices& d, const Actor& actor, DocumentId id,
                                   std::optional<int> version) {
    DocumentDownload out;
    s.store.read([&](Transaction& tx) {
        auto doc = documents_of(tx).find_document(actor.partnership, id);
        if (!doc || !actor.can(view_permission(doc->record_type))) throw Failure::not_found("document " + id.str());
        require_record(tx, actor, doc->record_type, doc->record_id);
        const int wanted = version.value_or(doc->latest);
        bool found = false;
        for (const auto& v : doc->versions) {
            if (v.number != wanted) continue;
            out.version = v;
            found = true;
        }
        if (!found) throw Failure::not_found("document " + id.str() + " version " + std::to_string(wanted));
        out.document = std::move(*doc);
    });
    const auto path = d.files.path_of(out.version.sha256);
    if (!path) throw Failure::not_found("document file " + out.version.sha256 + " is missing from the folder");
    out.path = *path;
    if (out.document.record_type == DocumentRecord::review_case) {
        log_access(s, actor, AccessKind::record, "document", {out.document.id.str()});
    }
    return out;
}

}  // namespace assure
