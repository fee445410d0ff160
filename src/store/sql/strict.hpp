#pragma once
// Strict row mapping (decision 0007): a stored value this version does not know is an error
// naming the table and column it was found in, never a default. Defaulting would show a case
// at the wrong stage or a conflict of interest as settled, and nobody would know.
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/date.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

// Throws sql::Error naming `table`.`column` and the value found there.
[[noreturn]] void unknown_stored_value(std::string_view table, std::string_view column, std::string_view value);

[[noreturn]] inline void unknown_value(std::string_view table, std::string_view column, std::string_view stored) {
    throw Error(Error::Kind::other, std::string(table) + "." + std::string(column) + " holds '" + std::string(stored) +
                                        "', which this version of Assure does not know");
}

// `parse` is the core's parser for the enum, e.g. parse_stage: it answers nullopt for an unknown key.
template <class Parse>
auto strict_enum(std::string_view table, std::string_view column, std::string_view stored, Parse parse) {
    auto value = parse(stored);
    if (!value) unknown_value(table, column, stored);
    return *value;
}

inline Date strict_date(std::string_view table, std::string_view column, std::string_view stored) {
    return strict_enum(table, column, stored, [](std::string_view s) { return Date::parse(s); });
}

// The same, with the parser first, as the learning store calls it. It returns the value, not a
// reference into the parser's optional, which is gone once this returns.
template <class Parse>
auto strict_enum(Parse parse, std::string_view text, std::string_view table, std::string_view column)
    -> std::remove_cvref_t<decltype(*parse(text))> {
    auto value = parse(text);
    if (!value) unknown_value(table, column, text);
    return *value;
}

// An ISO date column, NOT NULL.
Date strict_date(const Statement& q, int column, std::string_view table, std::string_view name);
// An ISO date column that may be NULL.
std::optional<Date> strict_optional_date(const Statement& q, int column, std::string_view table, std::string_view name);

}  // namespace assure::sql
