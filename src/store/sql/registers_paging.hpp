#pragma once
// What every register's repository shares: the (date, id) cursor its list is ordered by, newest
// first; a financial year as the bounds a date filter binds; an optional key bound as text.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/registers.hpp"
#include "store/sql/keyset.hpp"

namespace assure::sql::registers_paging {

struct DateKey {
    std::string date;
    std::int64_t id = 0;
};

inline DateKey date_key(const PageRequest& page) {
    if (page.after.empty()) return {};
    const auto parts = cursor_parts(page.after, 2);
    return {parts[0], cursor_number(parts[1])};
}

inline std::string year_from(const std::optional<FinancialYear>& y) { return y ? y->first_day().iso() : std::string(); }
inline std::string year_to(const std::optional<FinancialYear>& y) { return y ? y->last_day().iso() : std::string(); }

// "" binds as text, never NULL: a default string_view has no data, which SQLite binds as NULL.
template <class E, class Key>
std::string key_or_empty(const std::optional<E>& v, Key key) {
    return v ? std::string(key(*v)) : std::string();
}

// Rows fetched with limit + 1 as a page whose cursor is the row's date and id.
template <class T, class Read>
Page<T> date_page(Statement& q, int limit, Read read, Date (*date_of)(const T&)) {
    std::vector<T> rows;
    while (q.step()) rows.push_back(read(q));
    return page_of(std::move(rows), limit, [date_of](const T& t) { return std::vector<std::string>{date_of(t).iso(), t.id.str()}; });
}

}  // namespace assure::sql::registers_paging
