#pragma once
// Strict row mapping (docs/decisions/0007-one-store-pattern.md): a stored value this version
// does not know is an error naming the table and column, never a default. A database written
// by a newer version, or edited by hand, then fails loudly instead of being misread and saved
// back wrong.
#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

// Throws sql::Error naming `table`.`column` and the value found there.
[[noreturn]] void unknown_stored_value(std::string_view table, std::string_view column, std::string_view value);

// The enum `parse` makes of `text` (parse returns an optional), or an error naming table and column.
// For example: strict_enum(parse_action_status, q.text(4), "governance_actions", "status").
template <class Parse>
auto strict_enum(Parse parse, std::string_view text, std::string_view table, std::string_view column) {
    auto value = parse(text);
    if (!value) unknown_stored_value(table, column, text);
    return *value;
}

// An ISO date column, NOT NULL.
Date strict_date(const Statement& q, int column, std::string_view table, std::string_view name);
// An ISO date column that may be NULL.
std::optional<Date> strict_optional_date(const Statement& q, int column, std::string_view table, std::string_view name);

}  // namespace assure::sql
