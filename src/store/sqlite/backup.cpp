#include "store/sqlite/store.hpp"

namespace assure::sqlite {
namespace {

void copy_database(Connection& from, Connection& to) {
    sqlite3_backup* job = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!job) fail(to.handle(), sqlite3_errcode(to.handle()), "backup");
    int rc = SQLITE_OK;
    // Copy in steps so a busy server is never blocked for the whole copy.
    do {
        rc = sqlite3_backup_step(job, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(job);
    if (rc != SQLITE_DONE) fail(nullptr, rc, "backup failed");
}

}  // namespace

void backup(const std::string& from_path, const std::string& to_path) {
    Connection from(from_path, true);
    Connection to(to_path);
    copy_database(from, to);
}

void restore(const std::string& backup_path, const std::string& db_path) {
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
    copy_database(from, to);
}

}  // namespace assure::sqlite
