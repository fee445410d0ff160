#pragma once
// A PostgreSQL database for one test: a schema of its own in the database that
// ASSURE_TEST_POSTGRES names (scripts/with-postgres starts a throwaway cluster and sets it), so
// tests running side by side never see each other's tables. Dropped when the object goes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "store/postgres/database.hpp"
#include "store/postgres/store.hpp"

namespace assure::testing {

inline const char* kNoPostgres =
    "ASSURE_TEST_POSTGRES is not set: run the tests under scripts/with-postgres (as root), e.g. "
    "./scripts/with-postgres ctest --test-dir build, or ./scripts/test";

inline std::string test_postgres_url() {
    const char* url = std::getenv("ASSURE_TEST_POSTGRES");
    return url ? url : "";
}

class ScratchSchema {
public:
    ScratchSchema() {
        static int n = 0;
        name_ = "test_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
        const auto base = test_postgres_url();
        postgres::Connection db(base);
        db.exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_);
        url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_;
    }
    ~ScratchSchema() {
        try {
            postgres::Connection db(test_postgres_url());
            db.exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
        } catch (...) {  // a test that broke the server leaves its schema to the cluster's removal
        }
    }
    ScratchSchema(const ScratchSchema&) = delete;
    ScratchSchema& operator=(const ScratchSchema&) = delete;
    // A URL whose connections work in this schema only.
    [[nodiscard]] const std::string& url() const { return url_; }
    [[nodiscard]] const std::string& name() const { return name_; }

private:
    std::string name_, url_;
};

// The store contract suites' factory for PostgreSQL: a store on a scratch schema of its own.
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
    // A number read behind the store's back: a count of rows, say.
    static std::int64_t number(const std::string& sql) {
        postgres::Connection db(schema->url());
        auto q = db.prepare(sql);
        return q->step() ? q->int64(0) : -1;
    }
    // What anyone who owns the tables can do first: drop the append-only triggers.
    static void drop_audit_guards() {
        exec("DROP TRIGGER audit_log_no_update ON audit_log; DROP TRIGGER audit_log_no_delete ON audit_log");
    }
};

}  // namespace assure::testing
