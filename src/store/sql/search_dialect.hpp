#pragma once
// What an engine says to search its text index (docs/decisions/0026-search-and-my-work.md). Full-text
// search is the one feature whose SQL differs between the engines, so each driver registers its
// dialect for its Connection type (store/*/search_dialect.cpp, from the driver's database.cpp);
// store/sql/search.cpp writes the rest once around it.
#include <string>
#include <string_view>
#include <typeinfo>

#include "core/search.hpp"

namespace assure::sql {

struct SearchDialect {
    virtual ~SearchDialect() = default;
    // "<tables> WHERE <the index matches ?1>", naming the entry `e` (search_entries), so that a
    // query goes on with " AND …".
    [[nodiscard]] virtual std::string_view search_from() const = 0;
    // A whole number, smaller for a better match (an integer, so a cursor holds it exactly).
    [[nodiscard]] virtual std::string_view search_rank() const = 0;
    // The title with every match marked, and a short passage of the body around the matches,
    // marked (between search_mark_start and search_mark_end).
    [[nodiscard]] virtual std::string_view search_title() const = 0;
    [[nodiscard]] virtual std::string_view search_snippet() const = 0;
    // The terms in the engine's query language, bound to ?1.
    [[nodiscard]] virtual std::string search_text(const SearchTerms& terms) const = 0;
};

class Connection;

// `dialect` answers for connections of the type `connection` (kept for the program's life).
void register_search_dialect(const std::type_info& connection, const SearchDialect& dialect);
// The dialect of `db`'s engine; throws sql::Error if its driver registered none.
const SearchDialect& search_dialect_of(const Connection& db);

}  // namespace assure::sql
