// The learning contract on SQLite, plus what only SQLite can show: a value written behind the
// store's back is refused by name, and a database written by the JSON-record store (schema 0005)
// upgrades with 0007 and reads every record back.
#include <string>

#include "store/learning_at_0005.hpp"
#include "store/learning_contract.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using LearningBackends = ::testing::Types<SqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, LearningContract, LearningBackends);

namespace {

// The message of the sql::Error that `read` throws, or "" if it throws none.
template <class Read>
std::string error_of(Read read) {
    try {
        read();
    } catch (const sql::Error& e) {
        return e.what();
    }
    return "";
}

struct LearningDatabase {
    std::string path = temp_db();
    PartnershipId partnership;
    AgencyId agency;
    ImprovementId action;
    AuditReturnId ret;
    std::unique_ptr<sqlite::SqliteStore> store = std::make_unique<sqlite::SqliteStore>(path);

    LearningDatabase() {
        store->write([&](Transaction& tx) {
            partnership = tx.partnerships().insert({PartnershipId{}, "k", "Knowsley"}, PartnershipRules{});
            Agency a;
            a.partnership = partnership;
            a.name = "Council";
            a.kind = AgencyKind::statutory_partner;
            a.sector = "local_authority";
            agency = tx.agencies().insert(a);
            ImprovementAction x;
            x.partnership = partnership;
            x.text = "Train staff";
            x.agency = agency;
            x.due = *Date::parse("2027-01-01");
            x.created_on = *Date::parse("2026-11-01");
            x.evidence = {{*Date::parse("2026-11-05"), EvidenceKind::output, "Did it", "", "Lead"}};
            action = tx.learning().insert_improvement(x);
        });
    }
    ~LearningDatabase() {
        store.reset();
        remove_db(path);
    }
    void raw(const std::string& sql) {
        sqlite::Connection db(path);
        db.exec(sql);
    }
    std::string reading_the_action() {
        return error_of([&] { store->read([&](Transaction& tx) { tx.learning().find_improvement(partnership, action); }); });
    }
};

}  // namespace

TEST(SqliteLearning, AnUnknownStoredStateIsAnErrorNamingTableAndColumn) {
    LearningDatabase d;
    EXPECT_EQ(d.reading_the_action(), "");
    d.raw("UPDATE improvement_actions SET state = 'paused'");
    const std::string error = d.reading_the_action();
    EXPECT_NE(error.find("improvement_actions.state"), std::string::npos) << error;
    EXPECT_NE(error.find("paused"), std::string::npos) << error;
    // Lists refuse it too, rather than showing the action in a state it is not in.
    ImprovementQuery q;
    q.partnership = d.partnership;
    EXPECT_NE(error_of([&] { d.store->read([&](Transaction& tx) { tx.learning().improvements(q); }); }).find("improvement_actions.state"),
              std::string::npos);
}

TEST(SqliteLearning, AnUnknownKindInsideTheDetailIsAnErrorNamingTableAndColumn) {
    LearningDatabase d;
    d.raw("UPDATE improvement_actions SET detail_json = replace(detail_json, '\"output\"', '\"hearsay\"')");
    const std::string error = d.reading_the_action();
    EXPECT_NE(error.find("improvement_actions.detail_json"), std::string::npos) << error;
    EXPECT_NE(error.find("hearsay"), std::string::npos) << error;
}

TEST(SqliteLearning, AnUnreadableDateIsAnErrorNamingTableAndColumn) {
    LearningDatabase d;
    d.raw("UPDATE improvement_actions SET due = 'soon'");
    EXPECT_NE(d.reading_the_action().find("improvement_actions.due"), std::string::npos);
}

TEST(SqliteLearning, ADatabaseAtSchema0005UpgradesAndReadsEveryRecordBack) {
    const std::string path = temp_db();
    {
        sqlite::Connection db(path);
        ASSERT_EQ(migrate_only(db, [](int n) { return n <= 5; }), 5);
        db.exec(kLearningRecordsAt0005);
    }
    sqlite::SqliteStore store(path);  // applies the rest, 0007 among them
    expect_learning_records_read_back(store);
    remove_db(path);
}

// As on PostgreSQL: a source naming one priority twice cannot become rows, so 0007 fails half-way
// and leaves every table as it was, record_json and all, and the schema at 0006.
TEST(SqliteLearning, AFailedUpgradeLeavesTheDatabaseAsItWas) {
    const std::string path = temp_db();
    sqlite::Connection db(path);
    ASSERT_EQ(migrate_only(db, [](int n) { return n <= 5; }), 5);
    db.exec(kLearningRecordsAt0005);
    db.exec("INSERT INTO learning_sources(id, partnership_id, kind, on_date, record_json) VALUES (2, 1, 'thematic_audit', "
            "'2026-10-02', '{\"title\":\"Twice\",\"priorities\":[\"Neglect\",\"Neglect\"]}')");
    EXPECT_NE(error_of([&] { sqlite::SqliteStore store(path); }).find("migration 0007 (learning) failed"), std::string::npos);
    auto count = [&](const std::string& sql) {
        auto q = db.prepare(sql);
        return q->step() ? q->integer(0) : -1;
    };
    EXPECT_EQ(count("SELECT count(*) FROM schema_migrations WHERE number >= 7"), 0) << "0007 left no trace";
    EXPECT_EQ(count("SELECT max(number) FROM schema_migrations"), 6) << "0006, before the failure, stays applied";
    EXPECT_EQ(count("SELECT count(*) FROM learning_sources WHERE record_json LIKE '%priorities%'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM improvement_actions WHERE record_json LIKE '%evidence%'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE name IN ('learning_source_priorities', "
                    "'source_recommendations', 'briefing_sources')"),
              0);
    remove_db(path);
}

}  // namespace assure::testing
