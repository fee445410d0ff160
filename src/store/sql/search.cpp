// Search (migration 0032; docs/decisions/0026-search-and-my-work.md): the index's rows are written by the
// database's triggers in each change's transaction, so this only reads. The match, the rank and
// the marked passages are the engine's (search_dialect.hpp); the filters, paging and mapping are
// written once here. A page is found in two steps: the entries and their ranks (cheap), then
// the marked title and passage of only the entries shown.
#include "store/sql/search.hpp"

#include <map>
#include <typeinfo>
#include <utility>
#include <vector>

#include "store/sql/cursor.hpp"
#include "store/sql/search_dialect.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

std::vector<std::pair<const std::type_info*, const SearchDialect*>>& dialects() {
    static std::vector<std::pair<const std::type_info*, const SearchDialect*>> registered;
    return registered;
}

// The filters after the match: the partnership (?2), the kinds (written as literals: they are
// the core's keys, never what a person typed), and an agency lead's own improvement actions
// (?3). Returns the next free placeholder number.
int add_filters(std::string& sql, const SearchQuery& q) {
    sql += " AND e.partnership_id = ?2 AND e.kind IN (";
    for (std::size_t i = 0; i < q.kinds.size(); ++i) sql += std::string(i ? ", " : "") + "'" + std::string(search_kind_key(q.kinds[i])) + "'";
    sql += ")";
    if (!q.improvement_agency) return 3;
    sql += " AND (e.kind <> 'improvement_action' OR e.agency_id = ?3)";
    return 4;
}

void bind_filters(Statement& st, const SearchQuery& q, const std::string& text) {
    st.bind(1, text).bind(2, q.partnership.value);
    if (q.improvement_agency) st.bind(3, q.improvement_agency->value);
}

}  // namespace

// Registered while the program starts (each driver's database.cpp), read afterwards.
void register_search_dialect(const std::type_info& connection, const SearchDialect& dialect) {
    dialects().emplace_back(&connection, &dialect);
}

const SearchDialect& search_dialect_of(const Connection& db) {
    for (const auto& [type, dialect] : dialects()) {
        if (*type == typeid(db)) return *dialect;
    }
    throw Error(Error::Kind::other, "this database driver has no full-text search");
}

Page<SearchHit> SqlSearch::search(const SearchQuery& q) {
    Page<SearchHit> out;
    if (q.kinds.empty()) return out;
    const auto& d = search_dialect_of(db_);
    const std::string text = d.search_text(q.terms);
    std::string inner = "SELECT e.id AS id, " + std::string(d.search_rank()) + " AS score FROM " + std::string(d.search_from());
    const int n = add_filters(inner, q);
    const auto at = [](int i) { return "?" + std::to_string(i); };
    const std::string sql = "SELECT id, score FROM (" + inner + ") AS hits WHERE (" + at(n) + " = 0 OR score > " + at(n + 1) +
                            " OR (score = " + at(n + 1) + " AND id > " + at(n + 2) + ")) ORDER BY score, id LIMIT " + at(n + 3);
    std::int64_t after_rank = 0, after_id = 0;
    if (!q.page.after.empty()) {
        const auto parts = cursor_parts(q.page.after, 2);
        after_rank = cursor_number(parts[0]);
        after_id = cursor_number(parts[1]);
    }
    auto& st = db_.cached(sql);
    bind_filters(st, q, text);
    st.bind(n, q.page.after.empty() ? 0 : 1).bind(n + 1, after_rank).bind(n + 2, after_id).bind(n + 3, q.page.limit + 1);
    std::vector<std::pair<std::int64_t, std::int64_t>> ranked;  // entry, rank
    while (st.step()) ranked.emplace_back(st.int64(0), st.int64(1));
    st.reset();
    if (static_cast<int>(ranked.size()) > q.page.limit) {
        ranked.resize(static_cast<std::size_t>(q.page.limit));
        out.next = encode_cursor({std::to_string(ranked.back().second), std::to_string(ranked.back().first)});
    }
    if (ranked.empty()) return out;

    std::string detail = "SELECT e.id, e.kind, e.record_id, e.parent_id, e.on_date, " + std::string(d.search_title()) + ", " +
                         std::string(d.search_snippet()) + " FROM " + std::string(d.search_from()) + " AND e.id IN (";
    for (std::size_t i = 0; i < ranked.size(); ++i) detail += (i ? ", " : "") + at(static_cast<int>(i) + 2);
    detail += ")";
    auto details = db_.prepare(detail);  // one shape per page size: not worth a cached statement each
    details->bind(1, text);
    for (std::size_t i = 0; i < ranked.size(); ++i) details->bind(static_cast<int>(i) + 2, ranked[i].first);
    std::map<std::int64_t, SearchHit> by_entry;
    while (details->step()) {
        SearchHit h;
        h.kind = strict_enum("search_entries", "kind", details->text(1), parse_search_kind);
        h.record_id = details->int64(2);
        h.parent_id = details->int64(3);
        h.on_date = details->text(4);
        h.title = details->text(5);
        h.snippet = details->is_null(6) ? std::string() : details->text(6);
        by_entry.emplace(details->int64(0), std::move(h));
    }
    for (const auto& [entry, score] : ranked) {
        if (auto it = by_entry.find(entry); it != by_entry.end()) out.items.push_back(std::move(it->second));
    }
    return out;
}

std::vector<SearchCount> SqlSearch::count_by_kind(const SearchQuery& q) {
    std::vector<SearchCount> out;
    if (q.kinds.empty()) return out;
    const auto& d = search_dialect_of(db_);
    std::string sql = "SELECT e.kind, count(*) FROM " + std::string(d.search_from());
    add_filters(sql, q);
    sql += " GROUP BY e.kind";
    auto& st = db_.cached(sql);
    bind_filters(st, q, d.search_text(q.terms));
    std::map<SearchKind, int> counts;
    while (st.step()) counts[strict_enum("search_entries", "kind", st.text(0), parse_search_kind)] = st.integer(1);
    st.reset();
    for (const auto kind : all_search_kinds()) {
        if (const auto it = counts.find(kind); it != counts.end()) out.push_back({kind, it->second});
    }
    return out;
}

}  // namespace assure::sql
