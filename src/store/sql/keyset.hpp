#pragma once
// Keyset paging in the repositories: reading a cursor (app/paging.hpp) back into the sort key
// the SQL compares with, and turning rows fetched with limit + 1 into a Page.
#include <charconv>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/paging.hpp"
#include "core/failure.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

// A whole-number part of a cursor (an id, an instant); anything else is the cursor field's error.
inline std::int64_t cursor_number(const std::string& part) {
    std::int64_t value = 0;
    const auto parsed = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || parsed.ec != std::errc{} || parsed.ptr != part.data() + part.size()) {
        throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
    }
    return value;
}

// Lists of names (agencies, people, user accounts) are ordered by lower(name), then id, and
// their cursor is that pair. The SQL compares `(lower(name), id) > (?, ?)`; the first page
// starts after ('', 0), before every name (a name is never empty).
struct NameKey {
    std::string name;
    std::int64_t id = 0;
};

inline NameKey name_key(const PageRequest& page) {
    if (page.after.empty()) return {};
    const auto parts = cursor_parts(page.after, 2);
    return {parts[0], cursor_number(parts[1])};
}

// Reads a name-ordered page whose rows carry lower(name) in `key_column`. The key comes from
// the database rather than from C++, so the cursor compares exactly as the engine sorts.
template <class T, class Read>
Page<T> name_page(Statement& q, int limit, int key_column, Read read) {
    std::vector<std::pair<T, std::string>> rows;
    while (q.step()) rows.emplace_back(read(q), q.text(key_column));
    auto page = page_of(std::move(rows), limit, [](const auto& row) {
        return std::vector<std::string>{row.second, std::to_string(row.first.id.value)};
    });
    Page<T> out;
    out.next = std::move(page.next);
    for (auto& row : page.items) out.items.push_back(std::move(row.first));
    return out;
}

}  // namespace assure::sql
