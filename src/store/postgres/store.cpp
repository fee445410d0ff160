#include "store/postgres/store.hpp"

#include <string_view>
#include <utility>

#include "store/postgres/placeholders.hpp"

namespace assure::store::postgres::embedded_migrations {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure::postgres {

std::vector<sql::Migration> bundled_migrations() {
    return sql::migrations_from(assure::store::postgres::embedded_migrations::files());
}

void Driver::begin_write(sql::Connection& db) {
    db.exec("BEGIN");
    try {
        db.exec("SET LOCAL lock_timeout = '5s'; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) +
                "); SET LOCAL lock_timeout = DEFAULT");
    } catch (...) {
        sql::roll_back_after_failure(db);
        throw;
    }
}

int Driver::migrate(sql::Connection& db) {
    return sql::migrate(db, bundled_migrations(), [this](sql::Connection& c) { begin_write(c); });
}

std::string Driver::describe() const { return without_password(url_); }

void empty_schema(const std::string& url) {
    Connection db(url);
    db.exec("BEGIN");
    db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
    auto schema = db.prepare("SELECT quote_ident(current_schema())");
    if (!schema->step() || schema->is_null(0)) {
        throw sql::Error(sql::Error::Kind::other, "the database " + without_password(url) + " has no schema to create tables in");
    }
    const auto name = schema->text(0);
    db.exec("DROP SCHEMA " + name + " CASCADE; CREATE SCHEMA " + name);
    db.exec("COMMIT");
}

}  // namespace assure::postgres
