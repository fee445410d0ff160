// Runs the store contract against PostgreSQL, plus what only the PostgreSQL driver has: its
// placeholders, its error mapping, its migrations, its write lock. The cases that need a server
// skip, saying how to run them, when ASSURE_TEST_POSTGRES is not set.
#include <atomic>
#include <chrono>
#include <thread>

#include "store/audit_chain_contract.hpp"
#include "store/contract.hpp"
#include "store/dataset_contract.hpp"
#include "store/directory_contract.hpp"
#include "store/governance_contract.hpp"
#include "store/settings_contract.hpp"
#include "store/learning_at_0005.hpp"
#include "store/dataset_digests_at_0062.hpp"
#include "store/learning_contract.hpp"
#include "store/postgres/errors.hpp"
#include "store/postgres/placeholders.hpp"
#include "store/postgres/store.hpp"
#include "store/postgres_scratch.hpp"
#include "store/reviews_contract.hpp"
#include "store/registers_contract.hpp"
#include "store/registers_risks_contract.hpp"
#include "store/registers_voice_contract.hpp"
#include "store/report_contract.hpp"
#include "store/mail_contract.hpp"
#include "store/training_contract.hpp"
#include "store/training_evaluation_contract.hpp"
#include "store/tokens_contract.hpp"
#include "store/sqlite/store.hpp"

namespace assure::testing {
namespace {

#define REQUIRE_POSTGRES()                                        \
    if (test_postgres_url().empty()) GTEST_SKIP() << kNoPostgres; \
    ScratchSchema scratch

int count_of(sql::Connection& db, const std::string& sql) {
    auto q = db.prepare(sql);
    EXPECT_TRUE(q->step());
    return q->integer(0);
}

// Brings the scratch schema to migration `last` and no further.
int migrate_up_to(const std::string& url, sql::Connection& db, int last) {
    std::vector<sql::Migration> some;
    for (auto& m : postgres::bundled_migrations()) {
        if (m.number <= last) some.push_back(std::move(m));
    }
    postgres::Driver driver(url);
    return sql::migrate(db, some, [&](sql::Connection& c) { driver.begin_write(c); });
}

}  // namespace

using PostgresBackends = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StoreContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ReviewsContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, LearningContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, GovernanceContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, DirectoryContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, SettingsContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, AuditChainContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, RegistersContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, DatasetContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, MailContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TrainingContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TrainingEvaluationContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TokensContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, RegistersRisksContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, RegistersVoiceContract, PostgresBackends);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ReportContract, PostgresBackends);

TEST(PostgresPlaceholders, QuestionMarksBecomeNumberedOutsideLiteralsAndComments) {
    const auto r = postgres::rewrite_placeholders(
        "SELECT '?', \"a?b\" FROM t -- what?\nWHERE x = ? AND y = ?3 AND z = ? /* ? */ AND w = 'it''s ?'");
    EXPECT_EQ(r.sql, "SELECT '?', \"a?b\" FROM t -- what?\nWHERE x = $1 AND y = $3 AND z = $4 /* ? */ AND w = 'it''s ?'");
    EXPECT_EQ(r.parameters, 4);
    const auto numbered = postgres::rewrite_placeholders("WHERE a = ?1 AND (?2 = '' OR b = ?2)");
    EXPECT_EQ(numbered.sql, "WHERE a = $1 AND ($2 = '' OR b = $2)");
    EXPECT_EQ(numbered.parameters, 2);
}

TEST(PostgresPlaceholders, UrlsLoseTheirPasswordInMessages) {
    EXPECT_EQ(postgres::without_password("postgresql://assure:s3cret@db.example:5432/lscp"), "postgresql://assure@db.example:5432/lscp");
    EXPECT_EQ(postgres::without_password("postgres://assure@db/lscp?password=s3cret&sslmode=require"),
              "postgres://assure@db/lscp?sslmode=require");
    EXPECT_EQ(postgres::without_password("postgresql://db/lscp?sslmode=require&password=s3cret"), "postgresql://db/lscp?sslmode=require");
    EXPECT_EQ(postgres::without_password("postgresql://db/lscp"), "postgresql://db/lscp");
}

TEST(PostgresErrors, SqlStatesMapToTheStoresKinds) {
    using Kind = sql::Error::Kind;
    EXPECT_EQ(postgres::kind_of_sqlstate("23505"), Kind::constraint);
    EXPECT_EQ(postgres::kind_of_sqlstate("23503"), Kind::constraint);
    EXPECT_EQ(postgres::kind_of_sqlstate("08006"), Kind::unavailable);
    EXPECT_EQ(postgres::kind_of_sqlstate("57P01"), Kind::unavailable);
    EXPECT_EQ(postgres::kind_of_sqlstate("57P03"), Kind::unavailable);
    EXPECT_EQ(postgres::kind_of_sqlstate("40001"), Kind::busy);
    EXPECT_EQ(postgres::kind_of_sqlstate("40P01"), Kind::busy);
    EXPECT_EQ(postgres::kind_of_sqlstate("55P03"), Kind::busy);
    EXPECT_EQ(postgres::kind_of_sqlstate("42601"), Kind::other);
}

TEST(PostgresOnly, AnUnreachableServerIsUnavailableAndItsPasswordStaysHidden) {
    try {
        postgres::PostgresStore store("postgresql://assure:s3cret@127.0.0.1:1/assure?connect_timeout=2");
        FAIL() << "connected to nothing";
    } catch (const sql::Error& e) {
        EXPECT_EQ(e.kind(), sql::Error::Kind::unavailable);
        EXPECT_NE(std::string(e.what()).find("postgresql://assure@127.0.0.1:1/assure"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
    }
}

TEST(PostgresOnly, MigrationsAreRecordedAndNotReapplied) {
    REQUIRE_POSTGRES();
    { postgres::PostgresStore first(scratch.url()); }
    postgres::Connection db(scratch.url());
    EXPECT_EQ(postgres::Driver(scratch.url()).migrate(db), 0);
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM schema_migrations"), static_cast<int>(postgres::bundled_migrations().size()));
    EXPECT_EQ(count_of(db, "SELECT max(number) FROM schema_migrations"), postgres::bundled_migrations().back().number);
}

TEST(PostgresOnly, AnOlderAssureRefusesANewerSchema) {
    REQUIRE_POSTGRES();
    { postgres::PostgresStore first(scratch.url()); }
    {
        postgres::Connection db(scratch.url());
        db.exec("INSERT INTO schema_migrations(number, name, applied_at) VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')");
    }
    try {
        postgres::PostgresStore again(scratch.url());
        FAIL() << "opened a schema newer than it knows";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("9999"), std::string::npos) << e.what();
    }
}

// Numbered alike, named alike: every migration exists for both engines. Numbers may have gaps
// (each area owns its number, and areas land in any order).
TEST(PostgresOnly, SchemaMatchesSqlitesMigrationByMigration) {
    const auto pg = postgres::bundled_migrations();
    const auto lite = sqlite::bundled_migrations();
    ASSERT_FALSE(pg.empty());
    ASSERT_EQ(pg.size(), lite.size());
    for (std::size_t i = 0; i < pg.size(); ++i) {
        EXPECT_EQ(pg[i].number, lite[i].number) << pg[i].name;
        EXPECT_EQ(pg[i].name, lite[i].name) << pg[i].number;
    }
}

TEST(PostgresOnly, AuditTrailRefusesUpdateDeleteAndTruncate) {
    REQUIRE_POSTGRES();
    postgres::PostgresStore store(scratch.url());
    store.write([](Transaction& tx) {
        tx.audit().append(AuditEntry{0, PartnershipId{1}, 1, UserId{}, "x", "a", "t", "1", "", ""});
    });
    postgres::Connection db(scratch.url());
    try {
        db.exec("UPDATE audit_log SET action = 'forged'");
        FAIL() << "the trail was rewritten";
    } catch (const sql::Error& e) {
        EXPECT_EQ(e.kind(), sql::Error::Kind::constraint);
        EXPECT_EQ(e.constraint(), "audit_log_no_update");
    }
    EXPECT_THROW(db.exec("DELETE FROM audit_log"), sql::Error);
    EXPECT_THROW(db.exec("TRUNCATE audit_log"), sql::Error);
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM audit_log WHERE action = 'a'"), 1);
}

// Migration 0013 chains the rows an earlier version wrote, in place, and puts the update
// trigger back before it commits.
TEST(PostgresOnly, Migration0013ChainsExistingAuditRowsInPlace) {
    REQUIRE_POSTGRES();
    {
        postgres::Connection db(scratch.url());
        ASSERT_EQ(migrate_up_to(scratch.url(), db, 12), 11);
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec("INSERT INTO audit_log(partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id, after_json) "
                "SELECT 1, n, CASE WHEN n % 2 = 0 THEN 3 END, 'Ann', 'agency.create', 'agency', n::text, '{}' "
                "FROM generate_series(1, 2500) AS n");
    }
    postgres::PostgresStore store(scratch.url());  // applies 0013
    auto check = verify_audit_trail(store);
    EXPECT_TRUE(check.intact) << check.problem;
    EXPECT_EQ(check.rows, 2500);
    store.write([](Transaction& tx) { tx.audit().append(AuditEntry{0, PartnershipId{1}, 9, UserId{}, "x", "a", "t", "1", "", ""}); });
    check = verify_audit_trail(store);
    EXPECT_TRUE(check.intact) << check.problem;
    EXPECT_EQ(check.head.id, 2501);
    postgres::Connection db(scratch.url());
    EXPECT_THROW(db.exec("UPDATE audit_log SET action = 'x' WHERE id = 1"), sql::Error);
}

TEST(PostgresOnly, Migration0019MovesEachMeetingsAttendanceToItsTableInOrder) {
    REQUIRE_POSTGRES();
    {
        postgres::Connection db(scratch.url());
        ASSERT_GT(migrate_up_to(scratch.url(), db, 18), 0);
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec("INSERT INTO people(id, partnership_id, name, job_title, email) VALUES (7, 1, 'Ann', 'Chair', 'a@x.org'), "
                "(8, 1, 'Pat', 'Inspector', 'p@x.org')");
        db.exec("INSERT INTO governance_groups(id, partnership_id, name, active_from) VALUES (1, 1, 'Core', '2025-01-01')");
        db.exec(R"SQL(INSERT INTO governance_meetings(id, partnership_id, group_id, held_on, status, detail_json) VALUES
 (1, 1, 1, '2025-06-10', 'held', '{"agenda":[{"number":1,"owner_id":7,"paper_link":"","title":"Performance"}],"attendance":[{"deputy_name":"DS Smith","person_id":8,"presence":"deputy"},{"deputy_name":"","person_id":7,"presence":"present"}],"decisions":[]}'),
 (2, 1, 1, '2025-08-10', 'cancelled', '{"agenda":[],"attendance":[],"decisions":[]}'))SQL");
    }
    postgres::PostgresStore store(scratch.url());  // applies 0019
    store.read([](Transaction& tx) {
        const auto held = tx.governance().find_meeting(PartnershipId{1}, MeetingId{1});
        ASSERT_TRUE(held);
        ASSERT_EQ(held->attendance.size(), 2U);
        EXPECT_EQ(held->attendance[0].person, PersonId{8}) << "in the order recorded";
        EXPECT_EQ(held->attendance[0].presence, Presence::deputy);
        EXPECT_EQ(held->attendance[0].deputy_name, "DS Smith");
        EXPECT_EQ(held->attendance[1].presence, Presence::present);
        ASSERT_EQ(held->agenda.size(), 1U) << "the agenda stays with its meeting";
        EXPECT_EQ(held->agenda[0].title, "Performance");
        const auto cancelled = tx.governance().find_meeting(PartnershipId{1}, MeetingId{2});
        ASSERT_TRUE(cancelled);
        EXPECT_TRUE(cancelled->attendance.empty());
    });
    postgres::Connection db(scratch.url());
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM governance_meetings WHERE detail_json LIKE '%attendance%'"), 0)
        << "the meetings' detail no longer holds attendance";
}

TEST(PostgresOnly, AConstraintViolationNamesTheConstraint) {
    REQUIRE_POSTGRES();
    postgres::PostgresStore store(scratch.url());
    PartnershipId p;
    store.write([&](Transaction& tx) { p = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules{}); });
    const Person ann{PersonId{}, p, "Ann", "Head", AgencyId{}, "ann@x.org"};
    store.write([&](Transaction& tx) { tx.people().insert(ann); });
    try {
        store.write([&](Transaction& tx) { tx.people().insert(ann); });
        FAIL() << "two people with one email";
    } catch (const sql::Error& e) {
        EXPECT_EQ(e.kind(), sql::Error::Kind::constraint);
        EXPECT_EQ(e.constraint(), "people_email_unique");
    }
}

namespace {

// Ends every connection whose application_name is `label` (what a restart does to them);
// returns how many were ended.
int end_connections(const std::string& url, const std::string& label) {
    postgres::Connection admin(url);
    auto ended = admin.prepare("SELECT count(*) FROM (SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                               "WHERE application_name = ?) AS t");
    ended->bind(1, label);
    return ended->step() ? ended->integer(0) : 0;
}

}  // namespace

// After a restart every pooled connection is dead, and each would fail one request: found dead
// at BEGIN, before anything of the caller's ran, each is dropped and the next one tried.
TEST(PostgresOnly, DeadPooledConnectionsAreReplacedBeforeTheTransactionBegins) {
    REQUIRE_POSTGRES();
    const std::string label = "assure_" + scratch.name();  // to find this store's sessions on the server
    postgres::PostgresStore store(scratch.url() + "&application_name=" + label);
    // Nested transactions each hold a connection of their own: the pool then keeps three.
    store.read([&](Transaction&) { store.read([&](Transaction&) { store.read([&](Transaction&) {}); }); });
    ASSERT_GE(end_connections(scratch.url(), label), 3);
    for (int i = 0; i < 4; ++i) {
        std::vector<Partnership> all{{PartnershipId{}, "x", "X"}};
        EXPECT_NO_THROW(store.read([&](Transaction& tx) { all = tx.partnerships().list(); })) << "read " << i;
        EXPECT_TRUE(all.empty());
    }
    ASSERT_GE(end_connections(scratch.url(), label), 1);
    EXPECT_NO_THROW(store.write([&](Transaction& tx) { tx.partnerships().insert({PartnershipId{}, "k", "Knowsley"}, PartnershipRules{}); }));
}

// The connection lost half-way through a change: nothing of it is saved, the caller is told the
// database is unavailable (a Failure the web layer answers with 503), and it is never retried.
TEST(PostgresOnly, AConnectionLostHalfWayThroughAChangeSavesNothing) {
    REQUIRE_POSTGRES();
    const std::string label = "assure_" + scratch.name();
    postgres::PostgresStore store(scratch.url() + "&application_name=" + label);
    int runs = 0;
    try {
        store.write([&](Transaction& tx) {
            ++runs;
            tx.partnerships().insert({PartnershipId{}, "k", "Knowsley"}, PartnershipRules{});
            ASSERT_EQ(end_connections(scratch.url(), label), 1);  // this transaction's own connection
            tx.partnerships().insert({PartnershipId{}, "s", "Sefton"}, PartnershipRules{});
        });
        FAIL() << "a change on a lost connection was reported saved";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unavailable);
        EXPECT_NE(std::string(f.what()).find("Nothing was saved"), std::string::npos) << f.what();
    }
    EXPECT_EQ(runs, 1) << "a change whose statements had run was tried again";
    postgres::Connection db(scratch.url());
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM partnerships"), 0);
    std::vector<Partnership> all{{PartnershipId{}, "x", "X"}};
    EXPECT_NO_THROW(store.read([&](Transaction& tx) { all = tx.partnerships().list(); }));
    EXPECT_TRUE(all.empty());
}

TEST(PostgresOnly, WritersAreSerialisedAndReadersNeverWait) {
    REQUIRE_POSTGRES();
    postgres::PostgresStore store(scratch.url());
    postgres::Driver driver(scratch.url());
    postgres::Connection first(scratch.url());
    driver.begin_write(first);  // holds the write lock
    std::atomic<bool> second_began{false};
    std::thread second([&] {
        store.write([&](Transaction&) { second_began = true; });
    });
    bool read_done = false;
    store.read([&](Transaction& tx) { read_done = tx.partnerships().list().empty(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_TRUE(read_done);
    EXPECT_FALSE(second_began) << "a second writer began while the first held the lock";
    first.exec("COMMIT");
    second.join();
    EXPECT_TRUE(second_began);
}

// Two servers starting together on one database, each offering its own case key check: both
// are told the same one, the first kept, so each compares its key with the one the other uses.
TEST(PostgresOnly, TwoServersStartingTogetherAreToldTheSameCaseKeyCheck) {
    REQUIRE_POSTGRES();
    postgres::PostgresStore a(scratch.url());
    postgres::PostgresStore b(scratch.url());
    std::atomic<int> ready{0};
    CaseKeyCanary seen_by_a, seen_by_b;
    auto start = [&](Store& store, const std::string& sealed, CaseKeyCanary& seen) {
        ++ready;
        while (ready < 2) std::this_thread::yield();
        store.write([&](Transaction& tx) { seen = tx.case_key().keep_first({sealed, 1'795'000'000}); });
    };
    std::thread first([&] { start(a, "sealed-by-a", seen_by_a); });
    std::thread second([&] { start(b, "sealed-by-b", seen_by_b); });
    first.join();
    second.join();
    EXPECT_EQ(seen_by_a.sealed, seen_by_b.sealed);
    EXPECT_TRUE(seen_by_a.sealed == "sealed-by-a" || seen_by_a.sealed == "sealed-by-b") << seen_by_a.sealed;
    postgres::Connection check(scratch.url());
    EXPECT_EQ(count_of(check, "SELECT count(*) FROM case_key_check"), 1);
}

TEST(PostgresOnly, ADatabaseAtSchema0005UpgradesAndReadsEveryLearningRecordBack) {
    REQUIRE_POSTGRES();
    {
        postgres::Connection db(scratch.url());
        ASSERT_EQ(migrate_up_to(scratch.url(), db, 5), 5);
        db.exec(kLearningRecordsAt0005);
    }
    postgres::PostgresStore store(scratch.url());  // applies the rest, 0007 among them
    expect_learning_records_read_back(store);
}

// A source naming one priority twice cannot become rows (one row per priority): the upgrade
// fails and leaves every table as it was, record_json and all.
TEST(PostgresOnly, AFailedLearningUpgradeLeavesTheDatabaseAsItWas) {
    REQUIRE_POSTGRES();
    postgres::Connection db(scratch.url());
    ASSERT_EQ(migrate_up_to(scratch.url(), db, 5), 5);
    db.exec(kLearningRecordsAt0005);
    db.exec("INSERT INTO learning_sources(id, partnership_id, kind, on_date, record_json) VALUES (2, 1, 'thematic_audit', "
            "'2026-10-02', '{\"title\":\"Twice\",\"priorities\":[\"Neglect\",\"Neglect\"]}')");
    EXPECT_THROW(postgres::PostgresStore{scratch.url()}, sql::Error);
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM schema_migrations WHERE number >= 7"), 0) << "0007 left no trace";
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM learning_sources WHERE record_json LIKE '%priorities%'"), 2);
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM improvement_actions WHERE record_json LIKE '%evidence%'"), 2);
    EXPECT_EQ(count_of(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                           "AND table_name IN ('learning_source_priorities', 'source_recommendations', 'briefing_sources')"),
              0);
}

// Tokens made before 0024 keep working: each gets an id, in the order they were made, and an
// expiry 90 days after the upgrade; a revoked one stays revoked; new tokens take later ids.
TEST(PostgresOnly, Migration0024KeepsEarlierTokensWorkingWithIdsAndAnExpiry) {
    REQUIRE_POSTGRES();
    {
        postgres::Connection db(scratch.url());
        migrate_up_to(scratch.url(), db, 23);
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec("INSERT INTO people(id, partnership_id, name, job_title, email) VALUES (1, 1, 'Ann', 'Lead', 'ann@x.org')");
        db.exec("INSERT INTO users(id, partnership_id, person_id, email, password_hash, role) VALUES (1, 1, 1, 'ann@x.org', 'h', 'member')");
        db.exec("INSERT INTO api_tokens(token_hash, user_id, name, created_at, revoked) VALUES ('old-live', 1, 'cli', 100, 0)");
        db.exec("INSERT INTO api_tokens(token_hash, user_id, name, created_at, revoked) VALUES ('old-gone', 1, 'cli', 200, 1)");
    }
    postgres::PostgresStore store(scratch.url());  // applies 0024
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    store.write([&](Transaction& tx) {
        const auto live = tx.api_tokens().find("old-live");
        const auto gone = tx.api_tokens().find("old-gone");
        ASSERT_TRUE(live && gone);
        EXPECT_EQ(live->id, 1);
        EXPECT_EQ(gone->id, 2);
        EXPECT_NEAR(static_cast<double>(live->expires_at), static_cast<double>(now + 90 * 86400), 120.0);
        EXPECT_FALSE(live->revoked);
        EXPECT_TRUE(gone->revoked);
        ApiToken fresh{"new", UserId{1}, "new", 300, false};
        fresh.expires_at = 400;
        tx.api_tokens().insert(fresh);
        EXPECT_EQ(tx.api_tokens().find("new")->id, 3) << "the identity continues after the copied rows";
    });
}

// Migration 0033 keeps every earlier entry of the access log as a record set of its own with
// the entry's id, and new sets are numbered after them.
TEST(PostgresOnly, Migration0033KeepsEveryEarlierAccessEntryFindableByItsRecords) {
    REQUIRE_POSTGRES();
    {
        postgres::Connection db(scratch.url());
        ASSERT_GT(migrate_up_to(scratch.url(), db, 32), 0);
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'K')");
        db.exec("INSERT INTO access_log(partnership_id, at, actor_user_id, actor_label, kind, record_type, record_ids) VALUES "
                "(1, 100, 3, 'Ann', 'list', 'review_case', '3 2 1'), (1, 200, NULL, 'Bob', 'record', 'review_case', '2')");  // ids 1 and 2
        db.exec("INSERT INTO access_log_records(entry_id, partnership_id, record_type, record_id) VALUES "
                "(1, 1, 'review_case', '3'), (1, 1, 'review_case', '2'), (1, 1, 'review_case', '1'), (2, 1, 'review_case', '2')");
    }
    postgres::PostgresStore store(scratch.url());  // applies 0033
    store.access_log().record(AccessEntry{0, PartnershipId{1}, 300, UserId{3}, "Ann", AccessKind::list, "review_case", {"1", "2"}});
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
    EXPECT_EQ(all[1].actor_label, "Bob");
    EXPECT_FALSE(all[1].actor.valid());
    EXPECT_EQ(all[0].record_ids, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(search("2").size(), 3U);
    EXPECT_EQ(search("3").size(), 1U);
    postgres::Connection db(scratch.url());
    EXPECT_EQ(count_of(db, "SELECT max(id) FROM access_record_sets"), 3) << "the identity continues after the carried-over sets";
    EXPECT_THROW(db.exec("UPDATE access_log SET actor_label = 'x' WHERE id = 1"), sql::Error);
    EXPECT_THROW(db.exec("DELETE FROM access_record_set_members"), sql::Error);
}

// Migration 0063 cuts each child's digest in the dataset to the 15 characters an import now
// computes (decision 0046), so a year imported before it and again after it keeps its children.
TEST(PostgresOnly, Migration0063CutsEachChildsDigestToItsFirst15Characters) {
    REQUIRE_POSTGRES();
    {
        postgres::Connection db(scratch.url());
        ASSERT_GT(migrate_up_to(scratch.url(), db, 62), 0);
        db.exec(kDatasetRowsAt0062);
    }
    { postgres::PostgresStore store(scratch.url()); }  // applies 0063
    postgres::Connection db(scratch.url());
    expect_digests_cut_to_15(db);
}

}  // namespace assure::testing
