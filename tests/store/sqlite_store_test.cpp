// Runs the store contract against SQLite, plus what only SQLite has: migrations, the
// append-only audit trigger, backup and restore.
#include <chrono>

#include "app/partnership.hpp"
#include "app/reviews.hpp"
#include "fakes/fakes.hpp"
#include "store/audit_chain_contract.hpp"
#include "store/contract.hpp"
#include "store/dataset_contract.hpp"
#include "store/dataset_digests_at_0062.hpp"
#include "store/directory_contract.hpp"
#include "store/governance_contract.hpp"
#include "store/settings_contract.hpp"
#include "store/reviews_contract.hpp"
#include "store/registers_contract.hpp"
#include "store/registers_risks_contract.hpp"
#include "store/registers_voice_contract.hpp"
#include "store/report_contract.hpp"
#include "store/mail_contract.hpp"
#include "store/training_contract.hpp"
#include "store/training_evaluation_contract.hpp"
#include "store/sql/migrate.hpp"
#include "store/sqlite_files.hpp"
#include "store/sqlite/backup.hpp"
#include "store/tokens_contract.hpp"

namespace assure::testing {

using Backends = ::testing::Types<SqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, ReviewsContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, GovernanceContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DirectoryContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, SettingsContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, AuditChainContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, RegistersContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DatasetContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, MailContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TrainingContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TrainingEvaluationContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TokensContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, RegistersRisksContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, RegistersVoiceContract, Backends);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, ReportContract, Backends);

// Reads never take the write lock: a list of cases is read, and its read logged, while another
// connection holds the write lock; the log entry is stored once the lock is free.
TEST(SqliteOnly, AListReadUnderAHeldWriteLockCompletesAndIsLoggedAfterFlush) {
    const auto path = temp_db();
    {
        sqlite::SqliteStore store(path);
        FrozenClock clock;
        clock.at = 1'795'392'000;  // 2026-11-23
        PlainHasher hasher;
        CountingTokens tokens;
        Services services{store, clock, hasher, tokens, SessionPolicy{}, nullptr};
        PartnershipId pid;
        store.write([&](Transaction& tx) { pid = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules{}); });
        const Actor bu{UserId{1}, pid, Role::business_unit, "Business Unit <bu@example.org>"};
        IncidentInput in;
        in.became_aware_on = "2026-11-20";
        in.incident_on = "2026-11-19";
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital";
        in.children = {{"Child T"}};
        const CaseId id = notify_incident(services, bu, in).record.id;
        AuditFilter changes;
        changes.partnership = pid;
        int audit_rows_before = 0;
        store.read([&](Transaction& tx) { audit_rows_before = tx.audit().count(changes); });

        sqlite::Connection writer(path);
        writer.exec("BEGIN IMMEDIATE");
        const auto started = std::chrono::steady_clock::now();
        const auto page = list_cases(services, bu, CaseFilter{}, PageRequest{});
        const auto took = std::chrono::steady_clock::now() - started;
        ASSERT_EQ(page.items.size(), 1U);
        EXPECT_LT(took, std::chrono::seconds(1)) << "the read waited for the writer";
        writer.exec("COMMIT");

        store.access_log().flush();
        Page<AccessEntry> logged;
        int audit_rows_after = 0;
        store.read([&](Transaction& tx) {
            AccessQuery q;
            q.partnership = pid;
            logged = tx.access_entries().query(q);
            audit_rows_after = tx.audit().count(changes);
        });
        ASSERT_EQ(logged.items.size(), 1U);
        EXPECT_EQ(logged.items[0].kind, AccessKind::list);
        EXPECT_EQ(logged.items[0].record_ids, std::vector<std::string>{id.str()});
        EXPECT_EQ(logged.items[0].actor_label, bu.label);
        EXPECT_EQ(audit_rows_after, audit_rows_before) << "a read wrote to the trail of changes";
    }
    remove_db(path);
}

// A database from before migration 0008 upgrades in place: the panel and declared interests
// move out of record_json into their tables, and the standing is worked out on opening.
TEST(SqliteOnly, CasesFromBeforeTheStandingWasStoredUpgradeInPlace) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        migrate_only(db, [](int n) { return n < 8; });
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec(R"(INSERT INTO review_cases(id, partnership_id, reference, became_aware_on, record_json, rules_json, created_at)
            VALUES (1, 1, 'SI-2026-01', '2026-11-20', '{"incident_on":"2026-11-19","kind":"death","looked_after":false,
            "area_of_incident":"","area_of_residence":"","summary":"S","children":["Child O"],"agencies":[],
            "panel":[{"user":7,"label":"Seven"}],
            "conflicts":[{"user":8,"label":"Eight","declared_on":"2026-11-21","interest":"x","panel":"take_part","appeal":"none"}]}',
            '{"name":"wt2018-default","notify_panel_working_days":5,"inform_partners_working_days":5,
            "rapid_review_working_days":15,"rapid_review_anchor":"became_aware","review_months":6,
            "final_report_working_days_before_publication":7,"keep_published_months":12,"max_children":4}', 1))");
        db.exec("INSERT INTO review_events(case_id, event, on_date, detail_json, recorded_at, recorded_by) "
                "VALUES (1, 'notify_panel', '2026-11-23', '{}', 1, 'BU')");
    }
    {
        sqlite::SqliteStore store(path);  // applies 0008
        FrozenClock clock;
        PlainHasher hasher;
        CountingTokens tokens;
        Services services{store, clock, hasher, tokens, SessionPolicy{}, nullptr};
        EXPECT_EQ(settle_case_standings(services), 1);
        EXPECT_EQ(settle_case_standings(services), 0);
        CaseQuery q;
        q.partnership = PartnershipId{1};
        q.stage = Stage::rapid_review;
        q.visible_to = CaseReader{UserId{8}, CaseReach::own_cases};  // the panel said they may take part, but they are not on it
        store.read([&](Transaction& tx) {
            EXPECT_TRUE(tx.cases().list(q).items.empty());
            q.visible_to = CaseReader{UserId{7}, CaseReach::own_cases};
            const auto page = tx.cases().list(q);
            ASSERT_EQ(page.items.size(), 1U);
            const Case& c = page.items[0];
            ASSERT_EQ(c.panel.size(), 1U);
            EXPECT_EQ(c.panel[0].label, "Seven");
            ASSERT_EQ(c.conflicts.size(), 1U);
            EXPECT_EQ(c.conflicts[0].panel, ConflictView::take_part);
            EXPECT_EQ(c.events.size(), 1U);
            q.visible_to = CaseReader{UserId{8}, CaseReach::unless_excluded};
            EXPECT_EQ(tx.cases().list(q).items.size(), 1U) << "settled: the interest no longer excludes";
        });
    }
    {
        sqlite::Connection db(path);
        auto q = db.prepare("SELECT count(*) FROM review_cases WHERE record_json LIKE '%panel%' OR record_json LIKE '%conflicts%'");
        ASSERT_TRUE(q->step());
        EXPECT_EQ(q->integer(0), 0) << "the panel and interests left record_json";
    }
    remove_db(path);
}

// A database made before settings existed (every migration but 0009) upgrades in place: its
// partnerships keep their names, have no area yet, and take the server's rules once, audited.
TEST(SqliteOnly, PartnershipsFromBeforeSettingsUpgradeInPlaceAndAdoptTheDefaults) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        // A database of the version before settings (0009): every later migration is applied
        // by the store below, in order, as an upgrade would.
        migrate_only(db, [](int n) { return n < 9; });
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'knowsley', 'Knowsley SCP'), (2, 'sefton', 'Sefton SCP')");
    }
    sqlite::SqliteStore store(path);  // applies 0009, then 0017 and 0026
    FrozenClock clock;
    PlainHasher hasher;
    CountingTokens tokens;
    Services services{store, clock, hasher, tokens, SessionPolicy{}, nullptr};
    services.defaults.learning.max_thematic_audits_per_year = 4;
    store.read([&](Transaction& tx) {
        const auto all = tx.partnerships().list();
        ASSERT_EQ(all.size(), 2U);
        EXPECT_EQ(all[0].name, "Knowsley SCP");
        EXPECT_EQ(all[0].area, "");
        EXPECT_EQ(all[0].version, 1);
        EXPECT_FALSE(tx.partnerships().rules(all[0].id));
    });
    EXPECT_EQ(adopt_default_rules(services), 2);
    EXPECT_EQ(adopt_default_rules(services), 0);
    store.read([&](Transaction& tx) {
        for (const auto& p : tx.partnerships().list()) {
            const auto rules = tx.partnerships().rules(p.id);
            ASSERT_TRUE(rules);
            EXPECT_EQ(rules->learning.max_thematic_audits_per_year, 4);
            AuditFilter f;
            f.partnership = p.id;
            f.action_prefix = "partnership.settings_adopted";
            EXPECT_EQ(tx.audit().count(f), 1);
        }
    });
    remove_db(path);
}

// Entries still queued when the store closes are stored, not dropped.
TEST(SqliteOnly, ClosingTheStoreStoresTheQueuedAccessEntries) {
    const auto path = temp_db();
    PartnershipId pid;
    {
        sqlite::SqliteStore store(path);
        store.write([&](Transaction& tx) { pid = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules{}); });
        for (int i = 0; i < 250; ++i) {
            store.access_log().record(AccessEntry{0, pid, i, UserId{1}, "Ann", AccessKind::record, "review_case", {std::to_string(i)}});
        }
    }
    sqlite::Connection db(path);
    auto q = db.prepare("SELECT count(*) FROM access_log");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->integer(0), 250);
    EXPECT_THROW(db.exec("DELETE FROM access_log"), sql::Error);
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

TEST(SqliteOnly, AnOlderAssureRefusesANewerSchema) {
    const auto path = temp_db();
    { sqlite::SqliteStore first(path); }
    {
        sqlite::Connection db(path);
        db.exec("INSERT INTO schema_migrations(number, name, applied_at) VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')");
    }
    try {
        sqlite::SqliteStore again(path);
        ADD_FAILURE() << "opened a schema newer than it knows";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("9999"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("use a newer Assure"), std::string::npos) << e.what();
    }
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
        store.write([](Transaction& tx) { tx.partnerships().insert({PartnershipId{}, "k", "Knowsley"}, PartnershipRules{}); });
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

TEST(SqliteOnly, AnUnknownStoredRoleIsAnErrorNamingUsersRole) {
    const auto path = temp_db();
    sqlite::SqliteStore store(path);
    store.write([](Transaction& tx) {
        const auto p = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules{});
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
        p = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules{});
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

}  // namespace assure::testing

namespace assure::testing {

// Migration 0013 chains the rows an earlier version wrote, in place, and puts the append-only
// trigger back: the chain then verifies, later appends continue it, and updates are refused.
TEST(SqliteOnly, Migration0013ChainsExistingAuditRowsInPlace) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        migrate_only(db, [](int n) { return n < 13; });
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        for (int i = 1; i <= 2500; ++i) {  // more than one batch of the migration's step
            db.exec("INSERT INTO audit_log(partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id, after_json) "
                    "VALUES (1, " + std::to_string(i) + ", " + (i % 2 ? "NULL" : "3") + ", 'Ann', 'agency.create', 'agency', '" +
                    std::to_string(i) + "', '{}')");
        }
    }
    {
        sqlite::SqliteStore store(path);  // applies 0013
        auto check = verify_audit_trail(store);
        EXPECT_TRUE(check.intact) << check.problem;
        EXPECT_EQ(check.rows, 2500);
        store.write([&](Transaction& tx) {
            tx.audit().append(AuditEntry{0, PartnershipId{1}, 9999, UserId{}, "x", "a", "t", "1", "", ""});
        });
        check = verify_audit_trail(store);
        EXPECT_TRUE(check.intact) << check.problem;
        EXPECT_EQ(check.head.id, 2501);
    }
    EXPECT_THROW(sqlite::Connection(path).exec("UPDATE audit_log SET action = 'x' WHERE id = 1"), sql::Error);
    remove_db(path);
}

}  // namespace assure::testing

namespace assure::testing {

// Migration 0033 keeps every earlier entry of the access log as a record set of its own: the
// upgraded log answers "who was shown case 2?" as before, and stays append-only.
TEST(SqliteOnly, Migration0033KeepsEveryEarlierAccessEntryFindableByItsRecords) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        migrate_only(db, [](int n) { return n < 33; });
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec("INSERT INTO access_log(partnership_id, at, actor_user_id, actor_label, kind, record_type, record_ids) VALUES "
                "(1, 100, 3, 'Ann', 'list', 'review_case', '3 2 1'), (1, 200, NULL, 'Bob', 'record', 'review_case', '2')");  // ids 1 and 2
        db.exec("INSERT INTO access_log_records(entry_id, partnership_id, record_type, record_id) VALUES "
                "(1, 1, 'review_case', '3'), (1, 1, 'review_case', '2'), (1, 1, 'review_case', '1'), (2, 1, 'review_case', '2')");
    }
    {
        sqlite::SqliteStore store(path);  // applies 0033
        store.access_log().record(AccessEntry{0, PartnershipId{1}, 300, UserId{3}, "Ann", AccessKind::list, "review_case", {"3", "2", "1"}});
        store.access_log().flush();
        auto search = [&](const std::string& record) {
            AccessQuery q;
            q.partnership = PartnershipId{1};
            q.record_id = record;
            Page<AccessEntry> page;
            store.read([&](Transaction& tx) { page = tx.access_entries().query(q); });
            return page.items;
        };
        const auto all = search("");
        ASSERT_EQ(all.size(), 3U);
        EXPECT_EQ(all[2].record_ids, (std::vector<std::string>{"3", "2", "1"}));
        EXPECT_EQ(all[2].actor, UserId{3});
        EXPECT_EQ(all[1].actor_label, "Bob");
        EXPECT_FALSE(all[1].actor.valid());
        EXPECT_EQ(all[1].record_type, "review_case");
        EXPECT_EQ(search("2").size(), 3U);
        EXPECT_EQ(search("1").size(), 2U);
        EXPECT_TRUE(search("4").empty());
    }
    sqlite::Connection db(path);
    EXPECT_THROW(db.exec("UPDATE access_log SET actor_label = 'x' WHERE id = 1"), sql::Error);
    EXPECT_THROW(db.exec("DELETE FROM access_record_set_members"), sql::Error);
    remove_db(path);
}

// Migration 0063 cuts each child's digest in the dataset to the 15 characters an import now
// computes (decision 0046), so a year imported before it and again after it keeps its children.
TEST(SqliteOnly, Migration0063CutsEachChildsDigestToItsFirst15Characters) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        migrate_only(db, [](int n) { return n < 63; });
        db.exec(kDatasetRowsAt0062);
    }
    { sqlite::SqliteStore store(path); }  // applies 0063
    sqlite::Connection db(path);
    expect_digests_cut_to_15(db);
    remove_db(path);
}

// A write transaction holds up to 64 MiB of pages; once it ends the connection is back to
// SQLite's 2 MiB, so a server's pooled readers do not each keep a large cache (decision 0046).
TEST(SqliteOnly, AWriteTransactionHasALargerPageCacheOnlyUntilItEnds) {
    const auto path = temp_db();
    sqlite::Driver driver(path);
    auto db = driver.connect();
    auto cache_size = [&] {
        auto q = db->prepare("PRAGMA cache_size");
        EXPECT_TRUE(q->step());
        return q->int64(0);
    };
    EXPECT_EQ(cache_size(), -2000);
    driver.begin_write(*db);
    EXPECT_EQ(cache_size(), -65536);
    db->exec("COMMIT");
    driver.end_write(*db);
    EXPECT_EQ(cache_size(), -2000);
    db.reset();
    remove_db(path);
}

}  // namespace assure::testing
