#pragma once
// The SQLite engine: the embedded default. One file, WAL, foreign keys on.
#include <memory>
#include <string>
#include <vector>

#include "store/sql/migrate.hpp"
#include "store/sql/store.hpp"
#include "store/sqlite/database.hpp"

namespace assure::sqlite {

// The numbered migrations compiled into the binary, in order.
std::vector<sql::Migration> bundled_migrations();

class Driver final : public sql::Driver {
public:
    explicit Driver(std::string path) : path_(std::move(path)) {}
    std::unique_ptr<sql::Connection> connect() override { return std::make_unique<Connection>(path_); }
    // WAL readers see a snapshot and never block the writer.
    [[nodiscard]] std::string_view begin_read() const override { return "BEGIN"; }
    // BEGIN IMMEDIATE, with a larger page cache until end_write (driver.cpp).
    void begin_write(sql::Connection& db) override;
    void end_write(sql::Connection& db) override;
    int migrate(sql::Connection& db) override;
    [[nodiscard]] std::string describe() const override { return path_; }
    std::vector<sql::Table> tables(sql::Connection& db) override;
    // An INTEGER PRIMARY KEY takes the largest id + 1 by itself.
    void continue_ids(sql::Connection&, const sql::Table&) override {}

private:
    std::string path_;
};

// The store on an SQLite file, created if missing, its schema brought up to date.
class SqliteStore final : public sql::SqlStore {
public:
    explicit SqliteStore(const std::string& path) : SqlStore(std::make_unique<Driver>(path)) {}
};

// backup() and verify_backup() are in backup.hpp.
// Replaces `db_path` with the contents of `backup_path` after checking it is an Assure database.
void restore(const std::string& backup_path, const std::string& db_path);

}  // namespace assure::sqlite
