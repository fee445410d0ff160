// Runs the review panels contract (issue 20 item 4) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/review_panels_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, ReviewPanelsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ReviewPanelsContract, PostgresBackend);

}  // namespace assure::testing
