// Runs the search and "My work" contracts (issue 19) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres. Also what only the migration does: a database
// written before the index is indexed when it is brought up to date.
#include "store/my_work_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/search_contract.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, SearchContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, SearchContract, PostgresBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, MyWorkContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, MyWorkContract, PostgresBackend);

// Records written at migration 31 are found once migration 32 has run.
TEST(SearchMigration, RecordsWrittenBeforeTheIndexAreIndexedByTheMigration) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        migrate_only(db, [](int n) { return n < 32; });
        db.exec("INSERT INTO partnerships(id, slug, name) VALUES (1, 'p', 'P');"
                "INSERT INTO people(partnership_id, name, job_title, email) VALUES (1, 'Ptolemy Anstruther', 'Officer', 'pa@example.org');"
                "INSERT INTO governance_groups(partnership_id, name, purpose) VALUES (1, 'Harbour Group', 'Ports');"
                "INSERT INTO governance_meetings(partnership_id, group_id, held_on, status, minutes) VALUES (1, 1, '2020-01-06', 'held', 'Chronologies were read');"
                "INSERT INTO documents(partnership_id, record_type, record_id, title, created_at, updated_at) VALUES (1, 'review_case', 9, 'Ptolemy chronology', 1, 1)");
    }
    {
        sqlite::SqliteStore store(path);
        SearchQuery q;
        q.partnership = PartnershipId{1};
        q.kinds = all_search_kinds();
        const auto find = [&](const char* text) {
            q.terms = std::get<SearchTerms>(parse_search(text));
            std::vector<SearchHit> out;
            store.read([&](Transaction& tx) { out = dynamic_cast<SearchTransaction&>(tx).search().search(q).items; });
            return out;
        };
        ASSERT_EQ(find("ptolemy").size(), 1u) << "the person, not the case's document";
        EXPECT_EQ(find("ptolemy")[0].kind, SearchKind::person);
        ASSERT_EQ(find("chronology").size(), 1u);
        EXPECT_EQ(find("chronology")[0].title, "Harbour Group");
    }
    remove_db(path);
}

}  // namespace assure::testing
