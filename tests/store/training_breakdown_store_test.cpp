// Runs the training breakdown contract (issue 16) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/training_breakdown_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TrainingBreakdownContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TrainingBreakdownContract, PostgresBackend);

}  // namespace assure::testing
