#pragma once
// The SQLite driver: RAII over the SQLite C API, behind the sql::Connection interface.
#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    friend class Connection;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool handed_out_ = false;  // by Connection::cached since its last reset_cached
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
    // Looked up by the text as given, without copying it into a std::string first.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    // The transaction statements every request runs, kept prepared rather than parsed each time.
    bool run_transaction_statement(std::string_view sql);

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>, TextHash, std::equal_to<>> statements_;
    // What reset_cached must reset: a connection keeps hundreds of statements, a transaction uses a few.
    std::vector<Statement*> handed_out_;
    std::unordered_map<std::string, std::unique_ptr<Statement>, TextHash, std::equal_to<>> transaction_statements_;
};

// Turns an SQLite result code into the store's error kinds (constraint, busy, unavailable).
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what);

}  // namespace assure::sqlite
