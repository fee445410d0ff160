#pragma once
// Temporary SQLite files for the store tests, and the factory that runs the contract suites on them.
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "store/sql/migrate.hpp"
#include "store/sqlite/store.hpp"

namespace assure::testing {

inline std::string temp_db() {
    static int n = 0;
    return (std::filesystem::temp_directory_path() /
            ("assure-store-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
        .string();
}

inline void remove_db(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// Brings a database to an older schema, as an earlier version of Assure made it: the bundled
// migrations whose number `wanted` accepts. Returns how many ran.
inline int migrate_only(sqlite::Connection& db, const std::function<bool(int)>& wanted) {
    std::vector<sql::Migration> some;
    for (auto& m : sqlite::bundled_migrations()) {
        if (wanted(m.number)) some.push_back(std::move(m));
    }
    return sql::migrate(db, some, [](sql::Connection& c) { c.exec("BEGIN IMMEDIATE"); });
}

struct SqliteFactory {
    static inline std::string path;
    static std::unique_ptr<Store> make() {
        path = temp_db();
        return std::make_unique<sqlite::SqliteStore>(path);
    }
    static void destroy() { remove_db(path); }
    // Changes a row behind the store's back, as a database tool could.
    static void exec(const std::string& sql) { sqlite::Connection(path).exec(sql); }
    // A number read behind the store's back: a count of rows, say.
    static std::int64_t number(const std::string& sql) {
        sqlite::Connection db(path);
        auto q = db.prepare(sql);
        return q->step() ? q->int64(0) : -1;
    }
    // What anyone who can write the file can do first: drop the append-only triggers.
    static void drop_audit_guards() { exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete"); }
};

}  // namespace assure::testing
