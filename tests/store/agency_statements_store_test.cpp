// Runs the agency statements contract (issue 18 item 3) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/agency_statements_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, AgencyStatementsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, AgencyStatementsContract, PostgresBackend);

}  // namespace assure::testing
