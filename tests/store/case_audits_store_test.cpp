// Runs the per-case audit tool contract (issue 20 item 5) on every engine: SQLite files, and
// PostgreSQL under scripts/with-postgres.
#include "store/case_audits_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using SqliteBackend = ::testing::Types<SqliteFactory>;
using PostgresBackend = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, CaseAuditsContract, SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, CaseAuditsContract, PostgresBackend);

}  // namespace assure::testing
