#pragma once
// Use cases: search the partnership's records the person may see (issue 19 item 4;
// docs/decisions/0026-search-and-my-work.md). Which kinds a person may search follows the permissions of
// the pages the records are on; an agency lead finds their own agency's improvement actions
// only; case records and the registers are never in the index.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/paging.hpp"
#include "app/ports/search.hpp"

namespace assure {

// The kinds of record the actor may find, in the order results are grouped.
std::vector<SearchKind> searchable_kinds(const Actor& actor);

struct SearchRequest {
    std::string text;
    std::optional<SearchKind> kind;  // one kind only; none: every kind the actor may see
    PageRequest page;
};

struct SearchResults {
    std::vector<SearchCount> counts;  // matches of each kind the actor may see (only kinds with any)
    Page<SearchHit> hits;             // best first, of the kind asked for or of every kind
};

// Throws Failure::invalid (field "q") for text that is empty, too long or only symbols, and
// (field "kind") for a kind the actor may not search. Everything is read in one snapshot.
SearchResults search_records(Services& s, const Actor& actor, const SearchRequest& request);

// The results page without a kind: for each kind with matches, its count and its best
// `per_kind` records (one query a kind, at most eight).
struct SearchGroup {
    SearchKind kind = SearchKind::person;
    int count = 0;
    std::vector<SearchHit> best;
};
std::vector<SearchGroup> search_grouped(Services& s, const Actor& actor, const std::string& text, int per_kind);

// Reaches the search index through the transaction (app/ports/search.hpp's SearchTransaction).
SearchRepo& search_of(Transaction& tx);

}  // namespace assure
