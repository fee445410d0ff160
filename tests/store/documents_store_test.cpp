// The documents contract and the public site's publications contract (whose rows point at
// documents) on SQLite and on PostgreSQL (a throwaway cluster from
// scripts/with-postgres; skipped, saying how to run it, when ASSURE_TEST_POSTGRES is not set).
#include "store/documents_contract.hpp"
#include "store/publications_contract.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {

using DocumentsSqlite = ::testing::Types<SqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DocumentsContract, DocumentsSqlite);
using DocumentsPostgres = ::testing::Types<PostgresFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, DocumentsContract, DocumentsPostgres);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, PublicationsContract, DocumentsSqlite);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, PublicationsContract, DocumentsPostgres);

}  // namespace assure::testing
