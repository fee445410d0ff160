#pragma once
// Port: search across the partnership's records (docs/decisions/0026-search-and-my-work.md). The index is
// the database's (kept by triggers in the transaction of each change); the repository only
// asks it. SQLite answers with FTS5, PostgreSQL with a tsvector and websearch-style terms.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/ids.hpp"
#include "core/search.hpp"

namespace assure {

// What may be searched, for whom. `kinds` are what the person may see (and asked for); an
// improvement action is found only if `improvement_agency` is unset or is its agency.
struct SearchQuery {
    PartnershipId partnership;
    SearchTerms terms;
    std::vector<SearchKind> kinds;
    std::optional<AgencyId> improvement_agency;
    PageRequest page;
};

// One record found. `title` and `snippet` mark each matching word between the characters
// search_mark_start and search_mark_end (the web layer escapes the text, then marks them).
struct SearchHit {
    SearchKind kind = SearchKind::person;
    std::int64_t record_id = 0;
    std::int64_t parent_id = 0;  // a meeting action's or a meeting document's meeting (0: the partnership's)
    std::string on_date;         // ISO date, or "" when the record has none
    std::string title;
    std::string snippet;
};

inline constexpr char search_mark_start = '\x01';
inline constexpr char search_mark_end = '\x02';

struct SearchCount {
    SearchKind kind = SearchKind::person;
    int count = 0;
};

struct SearchRepo {
    virtual ~SearchRepo() = default;
    // Best match first (then by entry), a page at a time; the cursor is the rank and the entry.
    virtual Page<SearchHit> search(const SearchQuery& query) = 0;
    // How many records of each kind match, for the kinds that have any (query.page is unused).
    virtual std::vector<SearchCount> count_by_kind(const SearchQuery& query) = 0;
};

// A transaction that reaches the search index (the SQL store's), asked for by app/search.cpp's
// search_of. A side interface, as for documents, so the area did not rebuild every file that
// includes the ports.
struct SearchTransaction {
    virtual ~SearchTransaction() = default;
    virtual SearchRepo& search() = 0;
};

}  // namespace assure
