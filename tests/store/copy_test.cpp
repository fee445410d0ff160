// `assure copy`: SQLite -> PostgreSQL -> SQLite gives the same rows, table by table, ids and all;
// the target must be empty and at the source's schema; PostgreSQL's ids continue after the copy.
#include <unistd.h>

#include <filesystem>

#include "app/ports.hpp"
#include "store/copy.hpp"
#include "store/postgres/store.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite/store.hpp"
#include "store/table_contents.hpp"

namespace assure::testing {
namespace {

class SqliteFile {
public:
    explicit SqliteFile(const std::string& name)
        : path_((std::filesystem::temp_directory_path() / ("assure-copy-" + std::to_string(::getpid()) + "-" + name + ".db")).string()) {}
    ~SqliteFile() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    }
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
};

// A little of every kind of row, including a group whose parent was created after it (so the
// copy cannot simply insert rows in id order) and a person with no agency (a NULL).
void fill(Store& store) {
    store.write([](Transaction& tx) {
        const auto p = tx.partnerships().insert({PartnershipId{}, "knowsley", "Knowsley"}, PartnershipRules{});
        tx.partnerships().insert({PartnershipId{}, "sefton", "Sefton"}, PartnershipRules{});
        Agency police;
        police.partnership = p;
        police.name = "Merseyside Police";
        police.kind = AgencyKind::statutory_partner;
        police.statutory_role = StatutoryRole::police;
        police.sector = "police";
        police.organisation_code = "MP";
        police.id = tx.agencies().insert(police);
        const auto ann = tx.people().insert(Person{PersonId{}, p, "Ann O'Neill", "Head", police.id, "ann@x.org"});
        tx.people().insert(Person{PersonId{}, p, "Cy", "Chair", AgencyId{}, "cy@x.org"});
        User u;
        u.partnership = p;
        u.person = ann;
        u.email = "ann@x.org";
        u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
        u.role = Role::business_unit;
        const auto uid = tx.users().insert(u);
        tx.sessions().insert(Session{"digest", uid, "csrf", 10, 20});
        tx.api_tokens().insert(ApiToken{"token-digest", uid, "cli", 30, false});
        tx.audit().append(AuditEntry{0, p, 40, uid, "Ann", "agency.create", "agency", police.id.str(), "", "{\"name\":\"Merseyside Police\"}"});
        tx.audit().append(AuditEntry{0, p, 41, UserId{}, "system", "partnership.create", "partnership", p.str(), "", "{}"});
        // Rows go in batches of 100: 250 more make two full batches and a part one.
        for (int i = 0; i < 250; ++i) {
            tx.audit().append(AuditEntry{0, p, 42 + i, uid, "Ann", "agency.update", "agency", police.id.str(), "", "{\"n\":" + std::to_string(i) + "}"});
        }

        Group child;
        child.partnership = p;
        child.name = "Core Business Group";
        child.id = tx.governance().insert_group(child);
        Group parent;
        parent.partnership = p;
        parent.name = "Strategic Forum";
        parent.id = tx.governance().insert_group(parent);
        child.parent = parent.id;
        child.version = 1;
        ASSERT_TRUE(tx.governance().update_group(child));
        tx.governance().add_terms({child.id, 1, "# Terms\n\nWith 'quotes' and \\ backslashes", *Date::parse("2025-01-01"), 100, "BU"});
    });
}

}  // namespace

TEST(Copy, SqliteToPostgresAndBackKeepsEveryRowAndId) {
    if (test_postgres_url().empty()) GTEST_SKIP() << kNoPostgres;
    ScratchSchema scratch;
    SqliteFile original("original"), back("back");
    { sqlite::SqliteStore store(original.path()); fill(store); }

    const auto there = store::copy_database(original.path(), scratch.url());
    EXPECT_FALSE(there.empty());
    store::copy_database(scratch.url(), back.path());

    sqlite::Driver a(original.path()), b(back.path());
    sqlite::Connection ca(original.path(), true), cb(back.path(), true);
    const auto before = table_contents(a, ca), after = table_contents(b, cb);
    EXPECT_EQ(before, after);
    EXPECT_EQ(before.at("governance_groups").size(), 2u);
    EXPECT_EQ(before.at("audit_log").size(), 252u);

    // PostgreSQL holds the same rows, and its next id follows the copied ones.
    postgres::Driver pg(scratch.url());
    postgres::Connection cp(scratch.url());
    auto on_postgres = table_contents(pg, cp);
    EXPECT_EQ(on_postgres.at("people"), before.at("people"));
    EXPECT_EQ(on_postgres.at("governance_groups"), before.at("governance_groups"));
    postgres::PostgresStore store(scratch.url());
    PartnershipId next;
    store.write([&](Transaction& tx) { next = tx.partnerships().insert({PartnershipId{}, "halton", "Halton"}, PartnershipRules{}); });
    EXPECT_EQ(next.value, 3);
}

TEST(Copy, RefusesATargetThatHoldsRowsOrASourceAtAnotherMigration) {
    if (test_postgres_url().empty()) GTEST_SKIP() << kNoPostgres;
    ScratchSchema scratch;
    SqliteFile original("refuse-original"), older("refuse-older");
    { sqlite::SqliteStore store(original.path()); fill(store); }
    { postgres::PostgresStore store(scratch.url()); fill(store); }
    try {
        store::copy_database(original.path(), scratch.url());
        FAIL() << "copied into a database that holds rows";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("is not empty"), std::string::npos) << e.what();
    }

    { sqlite::SqliteStore store(older.path()); fill(store); }
    {
        sqlite::Connection db(older.path());
        db.exec("DELETE FROM schema_migrations WHERE number = (SELECT max(number) FROM schema_migrations)");
    }
    SqliteFile target("refuse-target");
    try {
        store::copy_database(older.path(), target.path());
        FAIL() << "copied from a database at another migration";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("assure migrate"), std::string::npos) << e.what();
    }
}

}  // namespace assure::testing
