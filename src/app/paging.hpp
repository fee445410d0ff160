#pragma once
// Every list is paged. A port that lists takes a PageRequest and answers a Page: at most
// `limit` items in the list's order, and a cursor for the rest when there is more.
//
// Cursors are keyset cursors: the sort key of the last item shown, encoded so that callers
// treat it as opaque. The store reads the next page with "WHERE (key) > (cursor)" on an index,
// so page 200 costs what page 1 costs.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assure {

struct PageRequest {
    static constexpr int default_limit = 50;
    static constexpr int max_limit = 500;
    int limit = default_limit;
    std::string after;  // a cursor from Page::next, or "" for the first page
};

template <class T>
struct Page {
    std::vector<T> items;
    std::optional<std::string> next;  // the cursor of the following page, if there is one
};

// The cursor for a sort key of several parts, e.g. {"2026-11-03", "1234"}.
std::string encode_cursor(const std::vector<std::string>& key);
// The parts of a cursor, or nullopt when it is not one of ours or has the wrong number of parts.
std::optional<std::vector<std::string>> decode_cursor(std::string_view cursor, std::size_t parts);

// Reads a cursor that must be valid: a bad one is a field error on "cursor" (Failure::invalid).
std::vector<std::string> cursor_parts(std::string_view cursor, std::size_t parts);

// Trims a result fetched with limit + 1 rows to `limit`, setting `next` from the last item shown.
template <class T, class KeyOf>
Page<T> page_of(std::vector<T> rows, int limit, KeyOf key_of) {
    Page<T> out;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(static_cast<std::size_t>(limit));
        out.next = encode_cursor(key_of(rows.back()));
    }
    out.items = std::move(rows);
    return out;
}

// Every item of a list that is bounded by its query (a meeting's actions, a window of meetings,
// the open actions a reminder round looks at), read a page at a time at the largest page size.
// Not for lists that grow with the years. `fetch(query)` answers one Page.
template <class Query, class Fetch>
auto every_page(Query query, Fetch fetch) {
    query.page = PageRequest{PageRequest::max_limit, ""};
    auto page = fetch(query);
    auto out = std::move(page.items);
    while (page.next) {
        query.page.after = *page.next;
        page = fetch(query);
        for (auto& item : page.items) out.push_back(std::move(item));
    }
    return out;
}

}  // namespace assure
