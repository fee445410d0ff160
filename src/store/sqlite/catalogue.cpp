// The schema as SQLite's catalogue describes it (sqlite_master and the table pragmas).
#include "store/sqlite/store.hpp"

namespace assure::sqlite {

std::vector<sql::Table> Driver::tables(sql::Connection& db) {
    std::vector<sql::Table> out;
    {
        auto q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (q->step()) out.push_back({q->text(0), {}, {}, {}});
    }
    for (auto& t : out) {
        auto columns = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        columns->bind(1, t.name);
        while (columns->step()) t.columns.push_back(columns->text(0));
        auto keys = db.prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)");
        keys->bind(1, t.name);
        while (keys->step()) {
            if (keys->text(0) == t.name) {
                t.self_columns.push_back(keys->text(1));
            } else {
                t.parents.push_back(keys->text(0));
            }
        }
    }
    return out;
}

}  // namespace assure::sqlite
