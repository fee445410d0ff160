#include "store/open.hpp"

#include "store/postgres/store.hpp"
#include "store/sqlite/store.hpp"

namespace assure::store {

bool is_postgres_url(const std::string& db) { return db.starts_with("postgresql://") || db.starts_with("postgres://"); }

std::unique_ptr<sql::Driver> driver_for(const std::string& db) {
    if (is_postgres_url(db)) return std::make_unique<postgres::Driver>(db);
    return std::make_unique<sqlite::Driver>(db);
}

std::unique_ptr<sql::SqlStore> open_store(const std::string& db) { return std::make_unique<sql::SqlStore>(driver_for(db)); }

std::string describe(const std::string& db) { return driver_for(db)->describe(); }

}  // namespace assure::store
