#pragma once
// Strict row mapping: a stored value this version does not know is an error that names the
// table and column it was found in, never a default (docs/decisions/0007-one-store-pattern.md).
#include <string>
#include <string_view>

#include "store/sql/connection.hpp"

namespace assure::sql {

// `parse` is a key's parser returning std::optional (parse_action_state, Date::parse, …).
template <class Parse>
auto strict_enum(Parse parse, std::string_view text, std::string_view table, std::string_view column) {
    auto value = parse(text);
    if (!value) {
        throw Error(Error::Kind::other, std::string(table) + "." + std::string(column) + " holds '" + std::string(text) +
                                            "', which this version does not know");
    }
    return *value;
}

}  // namespace assure::sql
