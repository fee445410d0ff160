// The documents' repository: a record's documents by (updated_at, id) newest first, keyset
// paged, each page's versions asked for its ids in one statement; rows mapped strictly.
#include <algorithm>
#include <map>

#include "store/sql/by_ids.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/documents.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kDocumentColumns =
    "SELECT id, partnership_id, record_type, record_id, title, latest, created_at, updated_at FROM documents ";
constexpr const char* kVersionColumns =
    "SELECT id, document_id, number, filename, content_type, size, sha256, uploaded_by, uploaded_by_label, uploaded_at "
    "FROM document_versions";

Document read_document(const Statement& q) {
    Document d;
    d.id = DocumentId{q.int64(0)};
    d.partnership = PartnershipId{q.int64(1)};
    d.record_type = strict_enum("documents", "record_type", q.text(2), parse_document_record);
    d.record_id = q.int64(3);
    d.title = q.text(4);
    d.latest = static_cast<int>(q.int64(5));
    d.created_at = q.int64(6);
    d.updated_at = q.int64(7);
    return d;
}

DocumentVersion read_version(const Statement& q) {
    DocumentVersion v;
    v.id = DocumentVersionId{q.int64(0)};
    v.document = DocumentId{q.int64(1)};
    v.number = static_cast<int>(q.int64(2));
    v.filename = q.text(3);
    v.content_type = q.text(4);
    v.size = q.int64(5);
    v.sha256 = q.text(6);
    v.uploaded_by = UserId{q.is_null(7) ? 0 : q.int64(7)};
    v.uploaded_by_label = q.text(8);
    v.uploaded_at = q.int64(9);
    return v;
}

// Each document's versions, newest first, for a page of documents in one statement per batch.
void fill_versions(Connection& db, PartnershipId partnership, std::vector<Document>& docs) {
    std::vector<DocumentId> ids;
    for (const auto& d : docs) ids.push_back(d.id);
    std::map<DocumentId, std::vector<DocumentVersion>> versions;
    by_ids(db, kVersionColumns, partnership, ids, [&](const Statement& q) {
        auto v = read_version(q);
        versions[v.document].push_back(std::move(v));
    }, "document_id");
    for (auto& d : docs) {
        d.versions = std::move(versions[d.id]);
        std::sort(d.versions.begin(), d.versions.end(), [](const auto& a, const auto& b) { return a.number > b.number; });
    }
}

void insert_version(Connection& db, PartnershipId partnership, DocumentId id, int number, const DocumentVersion& v) {
    auto& q = db.cached(
        "INSERT INTO document_versions(partnership_id, document_id, number, filename, content_type, size, sha256, "
        "uploaded_by, uploaded_by_label, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, id.value).bind(3, number).bind(4, v.filename).bind(5, v.content_type);
    q.bind(6, v.size).bind(7, v.sha256);
    if (v.uploaded_by.valid()) {
        q.bind(8, v.uploaded_by.value);
    } else {
        q.bind_null(8);  // the system, as a demo or an import
    }
    q.bind(9, v.uploaded_by_label).bind(10, v.uploaded_at).run();
}

}  // namespace

Page<Document> SqlDocuments::documents(const DocumentQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    std::int64_t after_at = 0, after_id = 0;
    if (!f.page.after.empty()) {
        const auto parts = cursor_parts(f.page.after, 2);
        after_at = cursor_number(parts[0]);
        after_id = cursor_number(parts[1]);
    }
    auto& q = db_.cached(std::string(kDocumentColumns) +
                         "WHERE partnership_id = ?1 AND record_type = ?2 AND record_id = ?3 "
                         "AND (CAST(?5 AS BIGINT) = 0 OR updated_at < ?4 OR (updated_at = ?4 AND id < ?5)) "
                         "ORDER BY updated_at DESC, id DESC LIMIT ?6");
    q.bind(1, f.partnership.value)
        .bind(2, document_record_key(f.record_type))
        .bind(3, f.record_id)
        .bind(4, after_at)
        .bind(5, after_id)
        .bind(6, limit + 1);
    std::vector<Document> rows;
    while (q.step()) rows.push_back(read_document(q));
    auto page = page_of(std::move(rows), limit, [](const Document& d) {
        return std::vector<std::string>{std::to_string(d.updated_at), d.id.str()};
    });
    fill_versions(db_, f.partnership, page.items);
    return page;
}

std::optional<Document> SqlDocuments::find_document(PartnershipId partnership, DocumentId id) {
    auto& q = db_.cached(std::string(kDocumentColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<Document> one{read_document(q)};
    q.reset();
    fill_versions(db_, partnership, one);
    return one[0];
}

DocumentId SqlDocuments::insert_document(const Document& d, const DocumentVersion& first) {
    db_.cached("INSERT INTO documents(partnership_id, record_type, record_id, title, latest, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, 1, ?, ?)")
        .bind(1, d.partnership.value)
        .bind(2, document_record_key(d.record_type))
        .bind(3, d.record_id)
        .bind(4, d.title)
        .bind(5, d.created_at)
        .bind(6, first.uploaded_at)
        .run();
    const DocumentId id{db_.last_insert_id()};
    insert_version(db_, d.partnership, id, 1, first);
    return id;
}

int SqlDocuments::add_version(PartnershipId partnership, DocumentId id, const DocumentVersion& v) {
    // Writers are serialised, so the next number read here is still the next when written; the
    // unique (document_id, number) constraint holds it regardless.
    auto& q = db_.cached("SELECT latest FROM documents WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) throw Error(Error::Kind::other, "documents: no document " + id.str() + " in the partnership");
    const int number = static_cast<int>(q.int64(0)) + 1;
    q.reset();
    insert_version(db_, partnership, id, number, v);
    db_.cached("UPDATE documents SET latest = ?, updated_at = ? WHERE partnership_id = ? AND id = ?")
        .bind(1, number)
        .bind(2, v.uploaded_at)
        .bind(3, partnership.value)
        .bind(4, id.value)
        .run();
    return number;
}

int SqlDocuments::versions_with(const std::string& sha256) {
    auto& q = db_.cached("SELECT count(*) FROM document_versions WHERE sha256 = ?");
    q.bind(1, sha256);
    q.step();
    const int n = static_cast<int>(q.int64(0));
    q.reset();
    return n;
}

}  // namespace assure::sql
