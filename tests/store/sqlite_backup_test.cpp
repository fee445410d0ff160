// Backups of SQLite files: one snapshot that steady writers cannot restart, a checksum beside
// it, files only their owner reads, and a verify that names what is wrong. Also the upgrade of
// API tokens made before migration 0024.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "store/sqlite/backup.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {
namespace {

namespace fs = std::filesystem;

// An Assure database of about `megabytes`, the bulk in a table of its own.
void fill(const std::string& path, int megabytes) {
    { sqlite::SqliteStore store(path); }
    sqlite::Connection db(path);
    db.exec("CREATE TABLE filler(id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
    db.exec("BEGIN");
    for (int i = 0; i < megabytes * 16; ++i) db.exec("INSERT INTO filler(body) VALUES (randomblob(65536))");
    db.exec("COMMIT");
}

void flip_byte(const std::string& path, std::uintmax_t at) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    f.get(c);
    f.seekp(static_cast<std::streamoff>(at));
    f.put(static_cast<char>(c ^ 0x5a));
}

bool private_file(const std::string& path) {
    const auto others = fs::perms::group_all | fs::perms::others_all;
    return (fs::status(path).permissions() & others) == fs::perms::none;
}

}  // namespace

TEST(SqliteBackup, ALargeDatabaseUnderSteadyWritesIsBackedUpWholeAndVerifies) {
    const auto path = temp_db(), copy = temp_db();
    fill(path, 40);
    std::atomic<bool> stop = false;
    std::atomic<int> writes = 0;
    std::thread writer([&] {
        sqlite::Connection db(path);
        while (!stop) {
            db.exec("INSERT INTO filler(body) VALUES (randomblob(512))");
            ++writes;
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
    });
    // Wait for the writer to be under way, so the whole copy runs beside it.
    while (writes < 5) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const int writes_before = writes;
    int reports = 0;
    std::int64_t last_done = 0, total = 0;
    const auto result = sqlite::backup(path, copy, [&](std::int64_t done, std::int64_t of) {
        ++reports;
        EXPECT_GE(done, last_done) << "progress never goes back: the copy was not restarted";
        last_done = done;
        total = of;
    });
    const int writes_during = writes - writes_before;
    stop = true;
    writer.join();

    EXPECT_GT(writes_during, 0) << "the writer wrote while the backup ran";
    EXPECT_GE(reports, 2);
    EXPECT_EQ(last_done, total);
    EXPECT_GT(result.bytes, 40LL << 20);
    EXPECT_LT(result.seconds, 60.0);
    EXPECT_EQ(result.sha256, sqlite::file_sha256(copy));
    EXPECT_TRUE(private_file(copy));
    EXPECT_TRUE(private_file(result.checksum_file));
    EXPECT_FALSE(fs::exists(copy + ".partial"));

    const auto check = sqlite::verify_backup(copy);
    EXPECT_TRUE(check.ok()) << (check.problems.empty() ? "" : check.problems.front());
    EXPECT_EQ(check.migrations, static_cast<int>(sqlite::bundled_migrations().size()));
    EXPECT_FALSE(fs::exists(copy + "-wal")) << "verifying only reads";
    for (const auto& f : {path, copy}) remove_db(f);
    fs::remove(result.checksum_file);
}

TEST(SqliteBackup, ACorruptedByteOrAMissingChecksumIsNamed) {
    const auto path = temp_db(), copy = temp_db();
    fill(path, 1);
    const auto result = sqlite::backup(path, copy);
    ASSERT_TRUE(sqlite::verify_backup(copy).ok());

    flip_byte(copy, fs::file_size(copy) / 2);
    auto check = sqlite::verify_backup(copy);
    ASSERT_FALSE(check.ok());
    EXPECT_EQ(check.problems.front().rfind("checksum mismatch", 0), 0u) << check.problems.front();

    fs::remove(result.checksum_file);
    flip_byte(copy, fs::file_size(copy) / 2);  // the byte as it was
    check = sqlite::verify_backup(copy);
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_NE(check.problems.front().find("no checksum"), std::string::npos) << check.problems.front();
    for (const auto& f : {path, copy}) remove_db(f);
}

TEST(SqliteBackup, AFileThatIsNotAnAssureDatabaseIsSaidToBeSo) {
    const auto path = temp_db(), copy = temp_db();
    { sqlite::Connection db(path); db.exec("CREATE TABLE t(x)"); }
    sqlite::backup(path, copy);
    const auto check = sqlite::verify_backup(copy);
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_NE(check.problems.front().find("no schema_migrations"), std::string::npos) << check.problems.front();
    for (const auto& f : {path, copy}) remove_db(f);
    fs::remove(sqlite::checksum_file_of(copy));
}

TEST(SqliteOnly, Migration0024KeepsEarlierTokensWorkingWithIdsAndAnExpiry) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        migrate_only(db, [](int n) { return n < 24; });
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec("INSERT INTO people(id, partnership_id, name, job_title, email) VALUES (1, 1, 'Ann', 'Lead', 'ann@x.org')");
        db.exec("INSERT INTO users(id, partnership_id, person_id, email, password_hash, role) "
                "VALUES (1, 1, 1, 'ann@x.org', 'h', 'member')");
        db.exec("INSERT INTO api_tokens(token_hash, user_id, name, created_at, revoked) VALUES ('old-live', 1, 'cli', 100, 0)");
        db.exec("INSERT INTO api_tokens(token_hash, user_id, name, created_at, revoked) VALUES ('old-gone', 1, 'cli', 200, 1)");
    }
    sqlite::SqliteStore store(path);  // applies 0024
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    store.read([&](Transaction& tx) {
        const auto live = tx.api_tokens().find("old-live");
        const auto gone = tx.api_tokens().find("old-gone");
        ASSERT_TRUE(live && gone);
        EXPECT_EQ(live->id, 1);
        EXPECT_EQ(gone->id, 2);
        EXPECT_NEAR(static_cast<double>(live->expires_at), static_cast<double>(now + 90 * 86400), 120.0);
        EXPECT_FALSE(live->revoked);
        EXPECT_TRUE(gone->revoked) << "a revoked token stays revoked";
        EXPECT_EQ(tx.api_tokens().list_for_user(UserId{1}, {}).items.size(), 2u);
    });
    remove_db(path);
}

}  // namespace assure::testing
