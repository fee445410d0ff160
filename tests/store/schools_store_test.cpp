// Runs the schools register contract (issue 20 item 3) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/schools_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, SchoolsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, SchoolsContract, PostgresBackend);

}  // namespace assure::testing
