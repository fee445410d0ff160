#pragma once
// The PostgreSQL engine, for a partnership (or several) that runs a database server. The same
// repositories as on SQLite; this driver says how to connect, begin, and migrate.
#include <memory>
#include <string>
#include <vector>

#include "store/postgres/database.hpp"
#include "store/sql/migrate.hpp"
#include "store/sql/store.hpp"

namespace assure::postgres {

// The numbered migrations compiled into the binary, in order.
std::vector<sql::Migration> bundled_migrations();

// Every writer takes this transaction-scoped advisory lock first, so writers are serialised as
// SQLite's BEGIN IMMEDIATE serialises them ("Assure" in ASCII).
inline constexpr std::int64_t kWriteLockKey = 0x417373757265;

class Driver final : public sql::Driver {
public:
    explicit Driver(std::string url) : url_(std::move(url)) {}
    std::unique_ptr<sql::Connection> connect() override { return std::make_unique<Connection>(url_); }
    // One snapshot for the whole read, taken without any lock a writer waits for.
    [[nodiscard]] std::string_view begin_read() const override { return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"; }
    // READ COMMITTED, so each statement sees what writers before this one committed; waits up
    // to five seconds for the write lock (as SQLite's busy timeout does), then fails as busy.
    void begin_write(sql::Connection& db) override;
    int migrate(sql::Connection& db) override;
    [[nodiscard]] std::string describe() const override;
    std::vector<sql::Table> tables(sql::Connection& db) override;
    // Sets each identity column's sequence past the largest id copied in.
    void continue_ids(sql::Connection& db, const sql::Table& table) override;

private:
    std::string url_;
};

// The store on a PostgreSQL database, its schema brought up to date.
class PostgresStore final : public sql::SqlStore {
public:
    explicit PostgresStore(const std::string& url) : SqlStore(std::make_unique<Driver>(url)) {}
};

// Drops every table, view and function in the database's current schema and recreates it
// empty, for `assure demo` (the SQLite equivalent removes the file).
void empty_schema(const std::string& url);

}  // namespace assure::postgres
