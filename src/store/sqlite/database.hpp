#pragma once
// The SQLite driver: RAII over the SQLite C API, behind the sql::Connection interface.
#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/connection.hpp"

namespace assure::sqlite {

class Statement final : public sql::Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement() override;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    using sql::Statement::bind;
    sql::Statement& bind(int index, std::int64_t value) override;
    sql::Statement& bind(int index, std::string_view value) override;
    sql::Statement& bind_null(int index) override;
    bool step() override;
    void reset() override;
    [[nodiscard]] std::int64_t int64(int column) const override;
    [[nodiscard]] std::string text(int column) const override;
    [[nodiscard]] bool is_null(int column) const override;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Connection final : public sql::Connection {
public:
    explicit Connection(const std::string& path, bool read_only = false);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql) override;
    sql::Statement& cached(std::string_view sql) override;
    std::unique_ptr<sql::Statement> prepare(std::string_view sql) override;
    void reset_cached() override;
    [[nodiscard]] std::int64_t last_insert_id() override { return sqlite3_last_insert_rowid(db_); }
    [[nodiscard]] int changes() override { return sqlite3_changes(db_); }
    [[nodiscard]] std::int64_t total_changes() override { return sqlite3_total_changes64(db_); }
    [[nodiscard]] sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

// Turns an SQLite result code into the store's error kinds (constraint, busy, unavailable).
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what);

}  // namespace assure::sqlite
