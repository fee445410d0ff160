// Runs the store contract against SQLite, plus what only SQLite has: migrations, the
// append-only audit trigger, backup and restore.
#include <unistd.h>

#include <filesystem>

#include "store/contract.hpp"
#include "store/directory_contract.hpp"
#include "store/sqlite/store.hpp"

namespace assure::testing {
namespace {

std::string temp_db() {
    static int n = 0;
    return (std::filesystem::temp_directory_path() /
            ("assure-store-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
        .string();
}

void remove_db(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

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
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DirectoryContract, Backends);

// What a row holds that this version does not know is an error naming where it is, never a
// default: an unknown role read as read_only would hide a damaged or newer database.
TEST(SqliteOnly, AnUnknownStoredRoleIsAnErrorNamingUsersRole) {
    const auto path = temp_db();
    sqlite::SqliteStore store(path);
    store.write([](Transaction& tx) {
        const auto p = tx.partnerships().insert({PartnershipId{}, "p", "P"});
        const auto person = tx.people().insert(Person{PersonId{}, p, "Ann", "Head", AgencyId{}, "ann@x.org"});
        User u;
        u.partnership = p;
        u.person = person;
        u.email = "ann@x.org";
        u.password_hash = "h";
        tx.users().insert(u);
    });
    { sqlite::Connection db(path); db.exec("UPDATE users SET role = 'superuser'"); }
    try {
        store.read([](Transaction& tx) { tx.users().find_by_email("ann@x.org"); });
        ADD_FAILURE() << "an unknown role was read";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("users.role"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("superuser"), std::string::npos) << e.what();
    }
    remove_db(path);
}

TEST(SqliteOnly, AnUnknownStoredAgencyKindIsAnErrorNamingAgenciesKind) {
    const auto path = temp_db();
    sqlite::SqliteStore store(path);
    PartnershipId p;
    store.write([&](Transaction& tx) {
        p = tx.partnerships().insert({PartnershipId{}, "p", "P"});
        tx.agencies().insert(Agency{AgencyId{}, p, "Alpha", AgencyKind::relevant_agency, StatutoryRole::none, "other"});
    });
    {
        // The table's CHECK refuses the value, as it should; a damaged file would not ask.
        sqlite::Connection db(path);
        db.exec("PRAGMA ignore_check_constraints = ON");
        db.exec("UPDATE agencies SET kind = 'charity'");
    }
    try {
        store.read([&](Transaction& tx) { tx.agencies().query(AgencyQuery{p, {}, {}, "", {}}); });
        ADD_FAILURE() << "an unknown agency kind was read";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("agencies.kind"), std::string::npos) << e.what();
    }
    remove_db(path);
}

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
