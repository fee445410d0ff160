// Runs the children in need census contract (issue 15) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/dataset_cin_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DatasetCinContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, DatasetCinContract, PostgresBackend);

}  // namespace assure::testing
