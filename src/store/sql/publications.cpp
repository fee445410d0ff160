// The publications' repository (migration 0031): a partnership's publications by publication
// date, newest first, keyset paged, filtered by state and kind in SQL; rows mapped strictly.
#include "store/sql/publications.hpp"

#include <algorithm>

#include "store/sql/keyset.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kColumns =
    "SELECT id, partnership_id, kind, title, summary, published_on, document_id, document_version, report_year, state, "
    "proposed_by, proposed_by_label, proposed_at, decided_by, decided_by_label, decided_at, version FROM publications ";

Publication read_publication(const Statement& q) {
    Publication p;
    p.id = PublicationId{q.int64(0)};
    p.partnership = PartnershipId{q.int64(1)};
    p.kind = strict_enum("publications", "kind", q.text(2), parse_publication_kind);
    p.title = q.text(3);
    p.summary = q.text(4);
    p.published_on = strict_date("publications", "published_on", q.text(5));
    p.document = DocumentId{q.is_null(6) ? 0 : q.int64(6)};
    p.document_version = static_cast<int>(q.int64(7));
    p.report_year = q.text(8);
    p.state = strict_enum("publications", "state", q.text(9), parse_publication_state);
    p.proposed_by = UserId{q.is_null(10) ? 0 : q.int64(10)};
    p.proposed_by_label = q.text(11);
    p.proposed_at = q.int64(12);
    p.decided_by = UserId{q.is_null(13) ? 0 : q.int64(13)};
    p.decided_by_label = q.text(14);
    p.decided_at = q.int64(15);
    p.version = static_cast<int>(q.int64(16));
    return p;
}

// "kind IN ('briefing', 'threshold')" from the enum's own keys (never from input), or "1 = 1".
std::string kinds_clause(const std::vector<PublicationKind>& kinds) {
    if (kinds.empty()) return "1 = 1";
    std::string out = "kind IN (";
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        out += i ? ", '" : "'";
        out += publication_kind_key(kinds[i]);
        out += "'";
    }
    return out + ")";
}

Statement& bind_user(Statement& q, int index, UserId user) {
    return user.valid() ? q.bind(index, user.value) : q.bind_null(index);
}

}  // namespace

Page<Publication> SqlPublications::publications(const PublicationQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    std::string after_on;
    std::int64_t after_id = 0;
    if (!f.page.after.empty()) {
        const auto parts = cursor_parts(f.page.after, 2);
        after_on = parts[0];
        after_id = cursor_number(parts[1]);
    }
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ?1 AND (state = ?2 OR ?2 = '') AND " +
                         kinds_clause(f.kinds) +
                         " AND (CAST(?4 AS BIGINT) = 0 OR published_on < ?3 OR (published_on = ?3 AND id < ?4)) "
                         "ORDER BY published_on DESC, id DESC LIMIT ?5");
    q.bind(1, f.partnership.value)
        .bind(2, f.state ? publication_state_key(*f.state) : std::string_view())
        .bind(3, after_on)
        .bind(4, after_id)
        .bind(5, limit + 1);
    std::vector<Publication> rows;
    while (q.step()) rows.push_back(read_publication(q));
    return page_of(std::move(rows), limit, [](const Publication& p) {
        return std::vector<std::string>{p.published_on.iso(), p.id.str()};
    });
}

std::optional<Publication> SqlPublications::find(PartnershipId partnership, PublicationId id) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    auto p = read_publication(q);
    q.reset();
    return p;
}

std::optional<Publication> SqlPublications::approved_report(PartnershipId partnership, const std::string& year) {
    auto& q = db_.cached(std::string(kColumns) +
                         "WHERE partnership_id = ? AND state = 'approved' AND kind = 'yearly_report' AND report_year = ? "
                         "ORDER BY published_on DESC, id DESC LIMIT 1");
    q.bind(1, partnership.value).bind(2, year);
    if (!q.step()) return std::nullopt;
    auto p = read_publication(q);
    q.reset();
    return p;
}

PublicationId SqlPublications::insert(const Publication& p) {
    auto& q = db_.cached(
        "INSERT INTO publications(partnership_id, kind, title, summary, published_on, document_id, document_version, "
        "report_year, state, proposed_by, proposed_by_label, proposed_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
    q.bind(1, p.partnership.value).bind(2, publication_kind_key(p.kind)).bind(3, p.title).bind(4, p.summary);
    q.bind(5, p.published_on.iso());
    if (p.document.valid()) {
        q.bind(6, p.document.value);
    } else {
        q.bind_null(6);
    }
    q.bind(7, p.document_version).bind(8, p.report_year).bind(9, publication_state_key(p.state));
    bind_user(q, 10, p.proposed_by);
    q.bind(11, p.proposed_by_label).bind(12, p.proposed_at).run();
    return PublicationId{db_.last_insert_id()};
}

bool SqlPublications::decide(const Publication& p, int expected_version) {
    auto& q = db_.cached(
        "UPDATE publications SET state = ?, decided_by = ?, decided_by_label = ?, decided_at = ?, version = version + 1 "
        "WHERE partnership_id = ? AND id = ? AND version = ?");
    q.bind(1, publication_state_key(p.state));
    bind_user(q, 2, p.decided_by);
    q.bind(3, p.decided_by_label).bind(4, p.decided_at).bind(5, p.partnership.value).bind(6, p.id.value);
    q.bind(7, expected_version).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
