#pragma once
// The SQL the repositories speak, over either database. A driver (store/sqlite, store/postgres)
// implements Statement and Connection; the repositories in store/sql are written once against
// them, in SQL that both engines accept (see docs/decisions/0007-one-store-pattern.md).
//
// Placeholders are written `?` or `?N`; a driver whose engine spells them otherwise rewrites them.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace assure::sql {

// A database error. `constraint` names the violated constraint (or, where the engine names
// columns instead, "table.column"), so the store can turn it into a field error.
class Error : public std::runtime_error {
public:
    enum class Kind { other, constraint, unavailable, busy };
    Error(Kind kind, const std::string& message, std::string constraint = {})
        : std::runtime_error(message), kind_(kind), constraint_(std::move(constraint)) {}
    [[nodiscard]] Kind kind() const { return kind_; }
    [[nodiscard]] const std::string& constraint() const { return constraint_; }

private:
    Kind kind_;
    std::string constraint_;
};

class Statement {
public:
    virtual ~Statement() = default;

    virtual Statement& bind(int index, std::int64_t value) = 0;
    virtual Statement& bind(int index, std::string_view value) = 0;
    virtual Statement& bind_null(int index) = 0;
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }

    virtual bool step() = 0;  // true while a row is available
    void run() {               // steps to completion
        while (step()) {
        }
    }
    virtual void reset() = 0;

    [[nodiscard]] virtual std::int64_t int64(int column) const = 0;
    [[nodiscard]] int integer(int column) const { return static_cast<int>(int64(column)); }
    [[nodiscard]] virtual std::string text(int column) const = 0;
    [[nodiscard]] virtual bool is_null(int column) const = 0;
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual void exec(std::string_view sql) = 0;
    // A prepared statement kept for the connection's life, reset and ready to bind. Pages run
    // the same few queries thousands of times; preparing each time would dominate.
    virtual Statement& cached(std::string_view sql) = 0;
    // A statement for one use (migrations, tools), finalised when dropped.
    virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;
    // Resets every cached statement, so none holds a read snapshot past its transaction.
    virtual void reset_cached() = 0;
    // The id given to the row the last INSERT on this connection made.
    [[nodiscard]] virtual std::int64_t last_insert_id() = 0;
    // How many rows the last INSERT, UPDATE or DELETE changed.
    [[nodiscard]] virtual int changes() = 0;
    // How many rows every INSERT, UPDATE and DELETE on this connection has changed, ever: a
    // transaction that changed none (nothing to do) did not change the data.
    [[nodiscard]] virtual std::int64_t total_changes() = 0;
    // What ends a SELECT inside a write transaction so that the rows it reads stay locked until
    // the transaction ends. SQLite needs none (its write transaction holds the whole database);
    // PostgreSQL says " FOR UPDATE".
    [[nodiscard]] virtual std::string_view lock_rows_clause() const { return ""; }
};

// Rolls back after a failure without hiding it: SQLite ends a transaction by itself on a full
// disk or an I/O error, and a ROLLBACK then fails with "cannot rollback - no transaction is
// active", which would replace the real cause. Any error of the ROLLBACK itself is dropped;
// the caller rethrows the error that made it roll back.
inline void roll_back_after_failure(Connection& db) noexcept {
    try {
        db.exec("ROLLBACK");
    } catch (...) {
    }
}

// A table as the engine's catalogue describes it, for copying a database between engines.
struct Table {
    std::string name;
    std::vector<std::string> columns;       // in the table's order
    std::vector<std::string> parents;       // other tables its foreign keys refer to
    std::vector<std::string> self_columns;  // columns whose foreign key refers to the table itself
};

// Where connections come from, and how this engine opens its two kinds of transaction.
class Driver {
public:
    virtual ~Driver() = default;
    virtual std::unique_ptr<Connection> connect() = 0;
    // A consistent snapshot that never waits for, or blocks, a writer.
    [[nodiscard]] virtual std::string_view begin_read() const = 0;
    // Writers are serialised, so a check-then-write inside one transaction cannot race another.
    virtual void begin_write(Connection& db) = 0;
    // After a write transaction committed or rolled back, before the connection is used again.
    virtual void end_write(Connection& /*db*/) {}
    // Brings the schema up to date; returns how many migrations were applied.
    virtual int migrate(Connection& db) = 0;
    // The database's name for messages (a path, or a URL without its password).
    [[nodiscard]] virtual std::string describe() const = 0;
    // The schema's tables, read from the engine's catalogue (for `assure copy`).
    virtual std::vector<Table> tables(Connection& db) = 0;
    // After rows were inserted with their ids: the next generated id follows the largest.
    virtual void continue_ids(Connection& db, const Table& table) = 0;
};

}  // namespace assure::sql
