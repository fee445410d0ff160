// The documents contract on SQLite and on PostgreSQL (a throwaway cluster from
// scripts/with-postgres; skipped, saying how to run it, when ASSURE_TEST_POSTGRES is not set).
#include "store/documents_contract.hpp"
#include "store/postgres_factory.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using DocumentsSqlite = ::testing::Types<SqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DocumentsContract, DocumentsSqlite);
using DocumentsPostgres = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, DocumentsContract, DocumentsPostgres);

}  // namespace assure::testing
