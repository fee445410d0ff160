#pragma once
// The dataset's strict row mapping: a stored unit, area or date this version does not know is
// an error naming its table and column, never a default (decision 0007).
#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "app/ports/dataset.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql::dataset_rows {

// Figures as the shortest text that reads back as the same number ("89.3", "220").
std::string decimal_text(double v);
double strict_decimal(const std::string& text, std::string_view table, std::string_view column);
std::string_view missing_source_key(MissingSource s);
std::string birth_month_text(const ChildRecord& r);  // "2005-06"

// Writes `count` rows in batches, `bind_row(statement, first_parameter, row)` binding each one's
// columns: an England-sized year is a million rows, and PostgreSQL would otherwise make a round
// trip for each.
void insert_rows(Connection& db, const std::string& table, const std::vector<std::string>& columns, std::size_t count,
                 const std::function<void(Statement&, int, std::size_t)>& bind_row);
// The rows' positions in the order of their table's index (child, then `date_of(row)`), to
// insert them in: each insert then lands beside the last in the index, where in the file's order
// nearly every one touched another page of it (the census's import took half as long again).
// Stable, so rows the index ties keep the file's order, as their ids did.
template <class Row, class DateOf>
std::vector<std::size_t> in_index_order(const std::vector<Row>& rows, DateOf date_of) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (rows[a].child != rows[b].child) return rows[a].child < rows[b].child;
        return date_of(rows[a]) < date_of(rows[b]);
    });
    return order;
}
void bind_optional_date(Statement& q, int at, const std::optional<Date>& d);
void bind_optional_int(Statement& q, int at, const std::optional<std::int64_t>& v);

// SELECT code, name, definition, source_agency, unit, polarity, frequency, aggregation, source,
// rate_of, target, tolerance, priority, position
IndicatorDefinition read_indicator(const Statement& q);
// SELECT child, sex, birth_month, ethnic
ChildRecord read_child(const Statement& q);
// SELECT child, start_on, end_on, rne, ls, cin, place, rec, reason_place_change
EpisodeRecord read_episode(const Statement& q);
// SELECT child, kind, start_on, end_on
MissingRecord read_missing(const Statement& q);
// SELECT code, period, value, numerator, denominator
IndicatorValue read_value(const Statement& q);

}  // namespace assure::sql::dataset_rows
