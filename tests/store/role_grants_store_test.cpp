// Runs the role approvals contract (decision 0029) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/postgres_scratch.hpp"
#include "store/role_grants_contract.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, RoleGrantsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, RoleGrantsContract, PostgresBackend);

}  // namespace assure::testing
