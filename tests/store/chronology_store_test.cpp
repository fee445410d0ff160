// Runs the review chronologies contract (issue 18 item 2) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/chronology_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, ChronologyContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ChronologyContract, PostgresBackend);

}  // namespace assure::testing
