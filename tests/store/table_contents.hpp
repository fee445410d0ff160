#pragma once
// Every table of a database as text, row by row in the order of its first column, read through
// the engine's own catalogue: what two databases must agree on after `assure copy`.
// schema_migrations is compared by number and name only (when a database got its schema is its own).
#include <map>
#include <string>
#include <vector>

#include "store/sql/connection.hpp"

namespace assure::testing {

inline std::map<std::string, std::vector<std::string>> table_contents(sql::Driver& driver, sql::Connection& db) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& t : driver.tables(db)) {
        // The search index (migration 0032) is rebuilt by the target's triggers as rows arrive:
        // its entries are compared by record, without the entry ids or FTS5's own tables.
        if (t.name.rfind("search_fts", 0) == 0) continue;
        const bool entries = t.name == "search_entries";
        const auto columns = t.name == "schema_migrations" ? std::vector<std::string>{"number", "name"}
                             : entries ? std::vector<std::string>{"kind", "record_id", "partnership_id", "parent_id", "agency_id", "on_date", "title", "body"}
                                       : t.columns;
        std::string list;
        for (const auto& c : columns) list += (list.empty() ? "\"" : ", \"") + c + "\"";
        auto q = db.prepare("SELECT " + list + " FROM \"" + t.name + "\" ORDER BY 1" + (entries ? ", 2" : ""));
        auto& rows = out[t.name];
        while (q->step()) {
            std::string row;
            for (int c = 0; c < static_cast<int>(columns.size()); ++c) row += (q->is_null(c) ? "<null>" : "'" + q->text(c) + "'") + "|";
            rows.push_back(row);
        }
    }
    return out;
}

}  // namespace assure::testing
