#pragma once
// A PostgreSQL database for one test: a schema of its own in the database that
// ASSURE_TEST_POSTGRES names (scripts/with-postgres starts a throwaway cluster and sets it), so
// tests running side by side never see each other's tables. Dropped when the object goes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "store/postgres/database.hpp"

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

}  // namespace assure::testing
