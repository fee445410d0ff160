// `assure token` and `assure backup` as an operator runs them: tokens made with a lifetime,
// listed and revoked by name or id; a backup with its checksum, verified, and a corrupted one
// refused with exit 2 naming the problem.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "security/run.hpp"

namespace {

namespace fs = std::filesystem;
using assure::testing::run;
using Folder = assure::testing::TempDir;

// A database with one administrator, made as an operator would.
void administrator(const std::string& db) {
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    ::setenv("ASSURE_PASSWORD", "a properly long password", 1);
    const auto added = run("user add --db " + db + " --email admin@example.org --name 'Ada Admin' --role administrator");
    ::unsetenv("ASSURE_PASSWORD");
    ASSERT_EQ(added.status, 0) << added.text;
}

}  // namespace

TEST(TokensCli, TokensAreMadeListedAndRevokedByNameOrId) {
    Folder dir;
    const std::string db = dir / "assure.db";
    administrator(db);
    const std::string user = " --db " + db + " --user admin@example.org";
    ASSERT_EQ(run("token create" + user + " --name reporting --expires-in-days 7").status, 0);
    ASSERT_EQ(run("token create" + user + " --name nightly").status, 0);
    ASSERT_EQ(run("token create" + user + " --name nightly").status, 0);

    auto bad = run("token create" + user + " --name x --expires-in-days 0");
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.text.find("A token lasts from 1 to 366 days"), std::string::npos) << bad.text;

    auto listed = run("token list" + user);
    ASSERT_EQ(listed.status, 0) << listed.text;
    EXPECT_NE(listed.text.find("1\tActive\treporting\t"), std::string::npos) << listed.text;
    EXPECT_NE(listed.text.find("3\tActive\tnightly\t"), std::string::npos) << listed.text;

    auto ambiguous = run("token revoke" + user + " --name nightly");
    EXPECT_EQ(ambiguous.status, 1);
    EXPECT_NE(ambiguous.text.find("(ids 3, 2): revoke one with --id"), std::string::npos) << ambiguous.text;
    EXPECT_EQ(run("token list" + user).text, listed.text) << "an ambiguous name changes nothing";

    auto by_id = run("token revoke" + user + " --id 3");
    EXPECT_EQ(by_id.status, 0) << by_id.text;
    auto by_name = run("token revoke" + user + " --name reporting");
    EXPECT_EQ(by_name.status, 0) << by_name.text;
    EXPECT_NE(by_name.text.find("Revoked the token reporting (id 1)"), std::string::npos) << by_name.text;
    EXPECT_EQ(run("token revoke" + user + " --name reporting").status, 1) << "already revoked";
    EXPECT_EQ(run("token revoke" + user).status, 1) << "--name or --id is needed";

    listed = run("token list" + user);
    EXPECT_NE(listed.text.find("1\tRevoked\treporting"), std::string::npos) << listed.text;
    EXPECT_NE(listed.text.find("2\tActive\tnightly"), std::string::npos) << listed.text;
    EXPECT_NE(listed.text.find("3\tRevoked\tnightly"), std::string::npos) << listed.text;
}

TEST(TokensCli, ABackupIsVerifiedAndACorruptedOneFailsWithExitTwoNamingTheProblem) {
    Folder dir;
    const std::string db = dir / "assure.db", copy = (fs::path(dir / "nightly") / "assure.backup").string();
    administrator(db);
    const auto made = run("backup --db " + db + " --to " + copy);
    ASSERT_EQ(made.status, 0) << made.text;
    EXPECT_NE(made.text.find(" MB in "), std::string::npos) << "says the size and the time: " << made.text;
    EXPECT_NE(made.text.find("SHA-256 "), std::string::npos) << made.text;
    std::ifstream sum(copy + ".sha256");
    std::string hex, name;
    sum >> hex >> name;
    EXPECT_EQ(hex.size(), 64u);
    EXPECT_EQ(name, "assure.backup") << "the format sha256sum --check reads";

    auto good = run("backup verify --from " + copy);
    EXPECT_EQ(good.status, 0) << good.text;
    EXPECT_NE(good.text.find("is good"), std::string::npos) << good.text;
    EXPECT_NE(good.text.find("Migrations applied: "), std::string::npos) << good.text;
    EXPECT_NE(good.text.find("Audit chain head: row "), std::string::npos) << good.text;

    {
        std::fstream f(copy, std::ios::in | std::ios::out | std::ios::binary);
        const auto at = static_cast<std::streamoff>(fs::file_size(copy) - 100);
        f.seekg(at);
        const char was = static_cast<char>(f.get());
        f.seekp(at);
        f.put(static_cast<char>(was ^ 0x5a));  // another byte, whatever was there
    }
    auto corrupted = run("backup verify --from " + copy);
    EXPECT_EQ(corrupted.status, 2) << corrupted.text;
    EXPECT_NE(corrupted.text.find("checksum mismatch"), std::string::npos) << corrupted.text;

    EXPECT_EQ(run("backup --db " + db).status, 1) << "--to is needed";
}
