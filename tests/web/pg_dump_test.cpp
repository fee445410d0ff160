// The PostgreSQL backup docs/admin.md gives: pg_dump of a live database, pg_restore into a new
// empty one, and every table comes back as it was. Runs under scripts/with-postgres.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "store/postgres/store.hpp"
#include "store/postgres_scratch.hpp"
#include "store/table_contents.hpp"

namespace {

namespace fs = std::filesystem;
using namespace assure;

int shell(const std::string& command) {
    const int rc = std::system((command + " > /dev/null 2>&1").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::map<std::string, std::vector<std::string>> contents(const std::string& url) {
    postgres::Driver driver(url);
    postgres::Connection db(url);
    return assure::testing::table_contents(driver, db);
}

}  // namespace

TEST(PgDump, ADumpRestoresIntoAnEmptyDatabaseWithEveryRow) {
    if (assure::testing::test_postgres_url().empty()) GTEST_SKIP() << assure::testing::kNoPostgres;
    if (shell("command -v pg_dump && command -v pg_restore") != 0) GTEST_SKIP() << "pg_dump is not installed: run ./scripts/setup";
    assure::testing::ScratchSchema live;
    const std::string key = "ASSURE_CASE_KEY=" + std::string(64, 'a');
    const std::string assure = std::string("env ") + key + " " + ASSURE_BINARY;
    ASSERT_EQ(shell(assure + " partnership add --db '" + live.url() + "' --slug knowsley --name Knowsley"), 0);
    ASSERT_EQ(shell("env ASSURE_PASSWORD='a properly long password' " + assure + " user add --db '" + live.url() +
                    "' --email ada@example.org --name 'Ada Admin' --role administrator"),
              0);
    ASSERT_EQ(shell(assure + " token create --db '" + live.url() + "' --user ada@example.org --name reporting"), 0);

    const std::string base = assure::testing::test_postgres_url();
    const std::string dump = (fs::temp_directory_path() / ("assure-" + std::to_string(::getpid()) + ".dump")).string();
    ASSERT_EQ(shell("pg_dump --format=custom --schema=" + live.name() + " --file=" + dump + " '" + base + "'"), 0);

    const std::string restored_db = "assure_restored_" + std::to_string(::getpid());
    postgres::Connection(base).exec("DROP DATABASE IF EXISTS " + restored_db);
    postgres::Connection(base).exec("CREATE DATABASE " + restored_db);
    const std::string restored_base = base.substr(0, base.rfind('/') + 1) + restored_db;
    EXPECT_EQ(shell("pg_restore --no-owner --dbname='" + restored_base + "' " + dump), 0);
    const std::string restored = restored_base + "?options=-csearch_path%3D" + live.name();

    const auto before = contents(live.url());
    EXPECT_GT(before.at("partnerships").size(), 0u);
    EXPECT_GT(before.at("audit_log").size(), 0u);
    EXPECT_EQ(before.at("api_tokens").size(), 1u);
    EXPECT_EQ(contents(restored), before);
    EXPECT_EQ(shell(assure + " migrate --db '" + restored + "'"), 0) << "the restored database opens as it is";
    postgres::Connection(base).exec("DROP DATABASE " + restored_db);
    fs::remove(dump);
}
