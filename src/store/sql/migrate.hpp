#pragma once
// Numbered schema migrations, one folder per engine, numbered alike (0001_foundation.sql …).
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sql/connection.hpp"

namespace assure::sql {

struct Migration {
    int number;
    std::string name;
    std::string sql;
};

// Embedded files ("…/migrations/0001_foundation.sql", text) as migrations, in number order.
std::vector<Migration> migrations_from(const std::vector<std::pair<std::string_view, std::string_view>>& files);

// Applies the migrations not yet recorded in schema_migrations, each in its own write
// transaction (opened by `begin_write`), so one that fails half-way leaves the database as it
// was. Refuses a database whose schema is newer than this binary knows. Returns how many ran.
int migrate(Connection& db, const std::vector<Migration>& migrations, const std::function<void(Connection&)>& begin_write);

}  // namespace assure::sql
