#pragma once
// A thin, RAII wrapper over the SQLite C API: connections, statements, a small pool.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace assure::sqlite {

class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] int code() const { return code_; }

private:
    int code_;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);

    bool step();  // true while a row is available
    void run();   // steps to completion
    void reset();

    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] int integer(int column) const { return static_cast<int>(int64(column)); }
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
public:
    explicit Connection(const std::string& path, bool read_only = false);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    // A prepared statement kept for the connection's life, reset and ready to bind. Pages
    // run the same few queries thousands of times; preparing each time would dominate.
    Statement& cached(std::string_view sql);
    // Resets every cached statement, so none holds a read snapshot past its transaction.
    void reset_cached();
    [[nodiscard]] std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
    [[nodiscard]] int changes() const { return sqlite3_changes(db_); }
    [[nodiscard]] sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

// Connections are not shared between threads at once; the pool hands each request its own.
class Pool {
public:
    explicit Pool(std::string path) : path_(std::move(path)) {}
    class Lease {
    public:
        Lease(Pool& pool, std::unique_ptr<Connection> c) : pool_(pool), conn_(std::move(c)) {}
        ~Lease() { pool_.give_back(std::move(conn_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_.get(); }

    private:
        Pool& pool_;
        std::unique_ptr<Connection> conn_;
    };
    Lease acquire();
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    void give_back(std::unique_ptr<Connection> c);
    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace assure::sqlite
