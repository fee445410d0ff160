// `assure demo --scale england` as an operator runs it: the rows it wrote and the account to
// sign in with, or a clear refusal that writes nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct Output {
    int status;
    std::string text;
};

Output run(const std::string& args) {
    const fs::path out = fs::temp_directory_path() / ("assure-scale-cli-" + std::to_string(::getpid()) + ".out");
    const int rc = std::system((std::string(ASSURE_BINARY) + " " + args + " > " + out.string() + " 2>&1").c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    fs::remove(out);
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, text.str()};
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("assure-scale-cli-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

TEST(DemoScaleCli, GeneratesAndSaysWhatItWroteAndWhoToSignInAs) {
    TempDir dir;
    const auto db = (dir.path / "england.db").string();
    const auto r = run("demo --scale england --partnerships 1 --years 1 --password 'scale cli password' --db " + db);
    ASSERT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("England scale: 1 partnerships x 1 years"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("  governance_actions: "), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("  business_unit  gareth.oduya@ashford-council.example"), std::string::npos) << r.text;
    EXPECT_TRUE(fs::exists(db));
}

TEST(DemoScaleCli, RefusesWithoutAPasswordOrForAnUnknownScale) {
    TempDir dir;
    const auto db = (dir.path / "england.db").string();
    const auto no_password = run("demo --scale england --partnerships 1 --years 1 --db " + db);
    EXPECT_EQ(no_password.status, 1);
    EXPECT_NE(no_password.text.find("--scale england needs --password"), std::string::npos) << no_password.text;
    EXPECT_FALSE(fs::exists(db));
    const auto wales = run("demo --scale wales --password 'scale cli password' --db " + db);
    EXPECT_NE(wales.status, 0);
    EXPECT_NE(wales.text.find("--scale"), std::string::npos) << wales.text;
    EXPECT_FALSE(fs::exists(db));
}

}  // namespace
