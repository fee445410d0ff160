#pragma once
// Which engine a `--db` argument names: a postgresql:// (or postgres://) URL is a PostgreSQL
// database, anything else the path of an SQLite file.
#include <memory>
#include <string>

#include "store/sql/store.hpp"

namespace assure::store {

[[nodiscard]] bool is_postgres_url(const std::string& db);

// The engine's driver for `db`; connects to nothing yet.
std::unique_ptr<sql::Driver> driver_for(const std::string& db);

// The store on `db`, its schema brought up to date. Throws sql::Error (a message naming the
// database, never its password) if it cannot be reached or its schema is newer than this build.
std::unique_ptr<sql::SqlStore> open_store(const std::string& db);

// `db` fit for messages: a URL without its password, a path as it is.
[[nodiscard]] std::string describe(const std::string& db);

}  // namespace assure::store
