// Runs the agency quotas contract (issue 16) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/training_quotas_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, TrainingQuotasContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, TrainingQuotasContract, PostgresBackend);

}  // namespace assure::testing
