#pragma once
// Rows for a set of ids in one statement per batch: a page's names, a page's child rows.
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

// Rows for a set of ids (of `id_column`: a child table's rows by their parent's id), asked in
// fixed-size batches so that a few prepared statements serve every call (a statement per list length would fill the connection's cache). Two sizes: a
// page's names (up to 50 ids) and an API page's or a partnership's people (up to 500) each take
// one statement.
//
// The unary plus on partnership_id keeps SQLite from answering by the partnership's index: with
// no statistics it takes that index to be as selective as the ids, and after ten years it walked
// a partnership's thousand meetings to find fifty. With the plus, each id is one key lookup.
// PostgreSQL reads +partnership_id as the same column.
template <class IdT, class Read>
void by_ids(Connection& db, const std::string& select, PartnershipId partnership, const std::vector<IdT>& ids, Read read,
            const char* id_column = "id") {
    constexpr std::size_t kSmall = 50, kLarge = 500;
    auto sql_for = [&](std::size_t batch) {
        std::string sql = select + " WHERE +partnership_id = ? AND " + id_column + " IN (?";
        for (std::size_t i = 1; i < batch; ++i) sql += ", ?";
        return sql + ")";
    };
    for (std::size_t start = 0, batch = 0; start < ids.size(); start += batch) {
        batch = ids.size() - start > kSmall ? kLarge : kSmall;
        auto& q = db.cached(sql_for(batch));
        q.bind(1, partnership.value);
        for (std::size_t i = 0; i < batch; ++i) {
            // A short last batch repeats its first id, which changes nothing in an IN list.
            const std::size_t at = start + i < ids.size() ? start + i : start;
            q.bind(static_cast<int>(i) + 2, ids[at].value);
        }
        while (q.step()) read(q);
    }
}

}  // namespace assure::sql
