#pragma once
// Backups of an SQLite database: one consistent snapshot however busy the server is, a SHA-256
// checksum written beside it, and a check that a backup file is whole and is an Assure database.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace assure::sqlite {

struct BackupResult {
    std::int64_t bytes = 0;
    double seconds = 0;
    std::string sha256;         // hex, of the backup file as written
    std::string checksum_file;  // FILE.sha256, in the format `sha256sum --check` reads
};

// Called now and then while pages are copied: how many of how many.
using BackupProgress = std::function<void(std::int64_t pages_done, std::int64_t pages_total)>;

// Copies the database at `from_path` to `to_path` (replacing it) as it was at one moment, even
// while the server writes. The file and its checksum are readable by their owner only; the copy
// is written beside the target and moved into place only when whole.
BackupResult backup(const std::string& from_path, const std::string& to_path, const BackupProgress& progress = {});

std::string checksum_file_of(const std::string& backup_path);  // "<backup>.sha256"
std::string file_sha256(const std::string& path);              // hex; throws if unreadable

struct BackupCheck {
    std::vector<std::string> problems;  // empty: the backup is good
    std::int64_t bytes = 0;
    int migrations = 0;                 // rows of schema_migrations
    std::int64_t audit_head_id = 0;     // the last audit row the chain's head names (0: none)
    std::string audit_head_hash;
    [[nodiscard]] bool ok() const { return problems.empty(); }
};

// The checksum beside the file matches, SQLite's integrity check passes, and it is an Assure
// database (it has schema_migrations). Never writes to the file.
BackupCheck verify_backup(const std::string& backup_path);

}  // namespace assure::sqlite
