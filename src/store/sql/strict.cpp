#include "store/sql/strict.hpp"

#include <string>

namespace assure::sql {

void unknown_stored_value(std::string_view table, std::string_view column, std::string_view value) {
    throw Error(Error::Kind::other, std::string(table) + "." + std::string(column) + " holds '" + std::string(value) +
                                        "', which this version of Assure does not know");
}

Date strict_date(const Statement& q, int column, std::string_view table, std::string_view name) {
    const std::string text = q.is_null(column) ? std::string("NULL") : q.text(column);
    const auto date = Date::parse(text);
    if (!date) unknown_stored_value(table, name, text);
    return *date;
}

std::optional<Date> strict_optional_date(const Statement& q, int column, std::string_view table, std::string_view name) {
    if (q.is_null(column)) return std::nullopt;
    return strict_date(q, column, table, name);
}

}  // namespace assure::sql
