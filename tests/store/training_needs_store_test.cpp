// Runs the training needs analysis contract (issue 16) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/training_needs_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TrainingNeedsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TrainingNeedsContract, PostgresBackend);

}  // namespace assure::testing
