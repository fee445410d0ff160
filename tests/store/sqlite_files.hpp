#pragma once
// Temporary SQLite files for the store tests, and the factory that runs the contract suites on them.
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

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

struct SqliteFactory {
    static inline std::string path;
    static std::unique_ptr<Store> make() {
        path = temp_db();
        return std::make_unique<sqlite::SqliteStore>(path);
    }
    static void destroy() { remove_db(path); }
    // Changes a row behind the store's back, as a database tool could.
    static void exec(const std::string& sql) { sqlite::Connection(path).exec(sql); }
};

}  // namespace assure::testing
