#pragma once
// The PostgreSQL driver: RAII over libpq, behind the sql::Connection interface. Parameters go
// as text with no declared type, so the server infers each from where it is used.
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/connection.hpp"

namespace assure::postgres {

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class Connection;

// A statement runs when first stepped, then walks the rows of its result. A cached one is a
// server-side prepared statement (parsed and planned once per connection); a one-shot one is
// sent with its text each time.
class Statement final : public sql::Statement {
public:
    Statement(Connection& db, std::string_view sql, std::string prepared_name);

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
    void set(int index, std::optional<std::string> value);
    void check_column(int column) const;

    Connection& db_;
    std::string sql_;       // with $N placeholders
    std::string name_;      // the prepared statement's name; empty for a one-shot statement
    std::vector<std::optional<std::string>> values_;
    Result result_;
    int row_ = -1;
};

class Connection final : public sql::Connection {
public:
    // Connects to `url` (a postgresql:// URL or a libpq connection string); throws sql::Error
    // `unavailable`, naming the URL without its password, if it cannot.
    explicit Connection(const std::string& url);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql) override;
    sql::Statement& cached(std::string_view sql) override;
    std::unique_ptr<sql::Statement> prepare(std::string_view sql) override;
    void reset_cached() override;
    [[nodiscard]] std::int64_t last_insert_id() override;
    [[nodiscard]] int changes() override { return changes_; }
    [[nodiscard]] std::int64_t total_changes() override { return total_changes_; }
    [[nodiscard]] std::string_view lock_rows_clause() const override { return " FOR UPDATE"; }

    [[nodiscard]] PGconn* handle() const { return conn_; }
    // Checks a command's result: keeps its row count for changes(), or throws sql::Error.
    Result checked(PGresult* result, std::string_view what);

private:
    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
    int changes_ = 0;
    std::int64_t total_changes_ = 0;
};

}  // namespace assure::postgres
