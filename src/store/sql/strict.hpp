#pragma once
// Strict row mapping: a stored value this version does not know is an error naming the table
// and column, never a default (decision 0007). A silent default would hide a damaged or newer
// database behind plausible answers, such as an unknown role read as a weaker one.
#include <string>

#include "store/sql/connection.hpp"

namespace assure::sql {

template <class Parse>
auto strict_enum(Parse parse, const std::string& text, const char* table, const char* column) {
    auto parsed = parse(text);
    if (!parsed) {
        throw Error(Error::Kind::other,
                    std::string(table) + "." + column + " holds '" + text + "', which this version does not know");
    }
    return *parsed;
}

}  // namespace assure::sql
