#pragma once
// Throwaway SQLite database files for the store tests.
#include <unistd.h>

#include <filesystem>
#include <string>

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

}  // namespace assure::testing
