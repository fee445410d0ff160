#pragma once
// The factory that runs the contract suites on PostgreSQL: each test in a scratch schema of its
// own; the cases skip, saying how to run them, when ASSURE_TEST_POSTGRES is not set.
#include <memory>
#include <string>

#include "store/postgres/store.hpp"
#include "store/postgres_scratch.hpp"

namespace assure::testing {

struct PostgresFactory {
    static inline std::unique_ptr<ScratchSchema> schema;
    static std::string skip_reason() { return test_postgres_url().empty() ? kNoPostgres : ""; }
    static std::unique_ptr<Store> make() {
        schema = std::make_unique<ScratchSchema>();
        return std::make_unique<postgres::PostgresStore>(schema->url());
    }
    static void destroy() { schema.reset(); }
    // Changes a row behind the store's back, as a database tool could.
    static void exec(const std::string& sql) { postgres::Connection(schema->url()).exec(sql); }
};

}  // namespace assure::testing
