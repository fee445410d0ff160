// Backup, verify and restore of SQLite files.
//
// SQLite's online backup copies pages in steps; a step that finds the source changed by another
// connection since the last one starts the copy again, so a backup in small steps of a large
// database under steady writes never finished. Here the source connection holds one read
// transaction for the whole copy: every step copies from that one WAL snapshot, writers carry
// on into the WAL, and nothing can restart the copy. Steps are still small, to show progress.
#include "store/sqlite/backup.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "store/sqlite/store.hpp"

namespace fs = std::filesystem;

namespace assure::sqlite {
namespace {

constexpr int kPagesPerStep = 4096;  // 16 MB of 4 KB pages between progress reports

sql::Error backup_error(const std::string& message) { return sql::Error(sql::Error::Kind::other, message); }

void copy_snapshot(Connection& from, Connection& to, const BackupProgress& progress) {
    // The snapshot begins at the first read, not at BEGIN.
    from.exec("BEGIN");
    from.prepare("SELECT count(*) FROM sqlite_master")->step();
    sqlite3_backup* job = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!job) fail(to.handle(), sqlite3_errcode(to.handle()), "backup");
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(job, kPagesPerStep);
        if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE)) {
            const std::int64_t total = sqlite3_backup_pagecount(job);
            progress(total - sqlite3_backup_remaining(job), total);
        }
        // Only the target can be busy (the source is read in its snapshot): wait for it.
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(job);
    from.exec("COMMIT");
    if (rc != SQLITE_DONE) fail(nullptr, rc, "backup failed");
}

// An empty file only its owner may read, made before SQLite opens it so it is never wider.
void create_private(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw backup_error("cannot create " + path + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);  // O_CREAT leaves an existing file's mode as it was
    ::close(fd);
}

void remove_with_journals(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

std::string expected_checksum(const std::string& checksum_file) {
    std::ifstream in(checksum_file);
    std::string hex;
    if (!(in >> hex)) return {};
    return hex;
}

}  // namespace

std::string checksum_file_of(const std::string& backup_path) { return backup_path + ".sha256"; }

std::string file_sha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw backup_error("cannot read " + path);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (const auto n = in.gcount(); n > 0) {
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()), static_cast<unsigned long long>(n));
        }
    }
    if (in.bad()) throw backup_error("cannot read " + path);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

BackupResult backup(const std::string& from_path, const std::string& to_path, const BackupProgress& progress) {
    const auto started = std::chrono::steady_clock::now();
    const std::string partial = to_path + ".partial";
    remove_with_journals(partial);
    create_private(partial);
    try {
        Connection from(from_path, true);
        Connection to(partial);
        copy_snapshot(from, to, progress);
        // A backup is a single file: no WAL beside it, nothing made when it is opened to read.
        to.exec("PRAGMA journal_mode = DELETE");
    } catch (...) {
        remove_with_journals(partial);
        throw;
    }
    fs::rename(partial, to_path);
    BackupResult result;
    result.bytes = static_cast<std::int64_t>(fs::file_size(to_path));
    result.sha256 = file_sha256(to_path);
    result.checksum_file = checksum_file_of(to_path);
    create_private(result.checksum_file);
    std::ofstream(result.checksum_file) << result.sha256 << "  " << fs::path(to_path).filename().string() << "\n";
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

BackupCheck verify_backup(const std::string& backup_path) {
    BackupCheck check;
    if (!fs::is_regular_file(backup_path)) {
        check.problems.push_back(backup_path + " is not a file");
        return check;
    }
    check.bytes = static_cast<std::int64_t>(fs::file_size(backup_path));
    const std::string checksum_file = checksum_file_of(backup_path);
    if (const std::string expected = expected_checksum(checksum_file); expected.empty()) {
        check.problems.push_back("no checksum: " + checksum_file + " is missing or empty");
    } else if (const std::string actual = file_sha256(backup_path); actual != expected) {
        check.problems.push_back("checksum mismatch: the file's SHA-256 is " + actual + ", " + checksum_file + " says " + expected);
    }
    try {
        Connection db(backup_path, true);
        auto integrity = db.prepare("PRAGMA integrity_check");
        while (integrity->step()) {
            if (const std::string line = integrity->text(0); line != "ok") check.problems.push_back("integrity check: " + line);
        }
        auto has = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
        has->bind(1, std::string("schema_migrations"));
        if (!has->step() || has->int64(0) != 1) {
            check.problems.push_back("not an Assure database: it has no schema_migrations table");
            return check;
        }
        auto migrations = db.prepare("SELECT count(*) FROM schema_migrations");
        if (migrations->step()) check.migrations = static_cast<int>(migrations->int64(0));
        has->reset();
        has->bind(1, std::string("audit_chain_head"));
        if (has->step() && has->int64(0) == 1) {
            auto head = db.prepare("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
            if (head->step()) {
                check.audit_head_id = head->int64(0);
                check.audit_head_hash = head->text(1);
            }
        }
    } catch (const std::exception& e) {
        check.problems.push_back(std::string("cannot read it as an SQLite database: ") + e.what());
    }
    return check;
}

void restore(const std::string& backup_path, const std::string& db_path) {
    // A backup with its checksum beside it must still match it: a file changed since it was
    // made (a disk error, a copy cut short, a hand edit) is not put in place of the database.
    const std::string checksum_file = checksum_file_of(backup_path);
    if (const std::string expected = expected_checksum(checksum_file); !expected.empty()) {
        if (const std::string actual = file_sha256(backup_path); actual != expected) {
            throw sql::Error(sql::Error::Kind::other, backup_path + " does not match its checksum (" + checksum_file +
                                                          " says " + expected + ", the file's SHA-256 is " + actual +
                                                          "): nothing was restored");
        }
    }
    Connection from(backup_path, true);
    {
        auto check = from.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'");
        if (!check->step() || check->int64(0) != 1) {
            throw sql::Error(sql::Error::Kind::other, backup_path + " is not an Assure backup (no schema_migrations table)");
        }
        auto integrity = from.prepare("PRAGMA integrity_check");
        if (!integrity->step() || integrity->text(0) != "ok") {
            throw sql::Error(sql::Error::Kind::other, backup_path + " failed its integrity check");
        }
    }
    Connection to(db_path);
    copy_snapshot(from, to, {});
}

}  // namespace assure::sqlite
