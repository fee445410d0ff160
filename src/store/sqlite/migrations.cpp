#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite/store.hpp"

namespace assure::store::sqlite::embedded_migrations {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure::sqlite {

std::vector<sql::Migration> bundled_migrations() {
    return sql::migrations_from(assure::store::sqlite::embedded_migrations::files());
}

int Driver::migrate(sql::Connection& db) {
    const int applied = sql::migrate(db, bundled_migrations(), [this](sql::Connection& c) { begin_write(c); });
    end_write(db);
    return applied;
}

}  // namespace assure::sqlite
