// Runs the store contract against SQLite, plus what only SQLite has: migrations, the
// append-only audit trigger, backup and restore.
#include "store/contract.hpp"
#include "store/governance_contract.hpp"
#include "store/sqlite/store.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {
namespace {

struct SqliteFactory {
    static inline std::string path;
    static std::unique_ptr<Store> make() {
        path = temp_db();
        return std::make_unique<sqlite::SqliteStore>(path);
    }
    static void destroy() { remove_db(path); }
};

}  // namespace

using Backends = ::testing::Types<SqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, GovernanceContract, Backends);

TEST(SqliteOnly, MigrationsAreRecordedAndNotReapplied) {
    const auto path = temp_db();
    { sqlite::SqliteStore first(path); }
    sqlite::Connection db(path);
    EXPECT_EQ(sqlite::Driver(path).migrate(db), 0);
    auto q = db.prepare("SELECT count(*) FROM schema_migrations");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->integer(0), static_cast<int>(sqlite::bundled_migrations().size()));
    remove_db(path);
}

TEST(SqliteOnly, AuditTrailRefusesUpdateAndDelete) {
    const auto path = temp_db();
    sqlite::SqliteStore store(path);
    store.write([](Transaction& tx) {
        tx.audit().append(AuditEntry{0, PartnershipId{1}, 1, UserId{}, "x", "a", "t", "1", "", ""});
    });
    sqlite::Connection db(path);
    EXPECT_THROW(db.exec("UPDATE audit_log SET action = 'forged'"), sql::Error);
    EXPECT_THROW(db.exec("DELETE FROM audit_log"), sql::Error);
    remove_db(path);
}

TEST(SqliteOnly, BackupAndRestoreCarryTheData) {
    const auto path = temp_db(), copy = temp_db(), target = temp_db();
    {
        sqlite::SqliteStore store(path);
        store.write([](Transaction& tx) { tx.partnerships().insert({PartnershipId{}, "k", "Knowsley"}); });
        sqlite::backup(path, copy);  // while the store is open
    }
    sqlite::restore(copy, target);
    sqlite::SqliteStore restored(target);
    std::optional<Partnership> p;
    restored.read([&](Transaction& tx) { p = tx.partnerships().find_by_slug("k"); });
    ASSERT_TRUE(p);
    EXPECT_EQ(p->name, "Knowsley");
    for (const auto& f : {path, copy, target}) remove_db(f);
}

TEST(SqliteOnly, RestoreRefusesAFileThatIsNotABackup) {
    const auto path = temp_db(), target = temp_db();
    { sqlite::Connection db(path); db.exec("CREATE TABLE t(x)"); }
    EXPECT_THROW(sqlite::restore(path, target), sql::Error);
    remove_db(path);
    remove_db(target);
}

}  // namespace assure::testing
