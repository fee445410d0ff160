// Runs the escalated actions contract (decision 0036) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/action_escalations_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, ActionEscalationsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ActionEscalationsContract, PostgresBackend);

}  // namespace assure::testing
