// Runs the two-factor contract (decision 0031) on every engine: SQLite files, and PostgreSQL
// under scripts/with-postgres.
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"
#include "store/two_factor_contract.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TwoFactorContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TwoFactorContract, PostgresBackend);

}  // namespace assure::testing
