// The documents contract and the public site's publications contract (whose rows point at
// documents) on SQLite and on PostgreSQL (a throwaway cluster from
// scripts/with-postgres; skipped, saying how to run it, when ASSURE_TEST_POSTGRES is not set).
#include "store/documents_contract.hpp"
#include "store/publications_contract.hpp"
#include "store/postgres/store.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {
namespace {

struct PostgresDocumentsFactory {
    static inline std::unique_ptr<ScratchSchema> schema;
    static std::string skip_reason() { return test_postgres_url().empty() ? kNoPostgres : ""; }
    static std::unique_ptr<Store> make() {
        schema = std::make_unique<ScratchSchema>();
        return std::make_unique<postgres::PostgresStore>(schema->url());
    }
    static void destroy() { schema.reset(); }
    static void exec(const std::string& sql) { postgres::Connection(schema->url()).exec(sql); }
};

}  // namespace

using DocumentsSqlite = ::testing::Types<SqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, DocumentsContract, DocumentsSqlite);
using DocumentsPostgres = ::testing::Types<PostgresDocumentsFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, DocumentsContract, DocumentsPostgres);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, PublicationsContract, DocumentsSqlite);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, PublicationsContract, DocumentsPostgres);

}  // namespace assure::testing
