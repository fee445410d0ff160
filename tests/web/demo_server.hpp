#pragma once
// A test suite against the demo through the real binary: `assure demo` into a fresh folder, a
// token for Knowsley's business unit, `assure serve`, then GETs of the API with that token.
// Once per suite: the demo takes seconds to build.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "web/serve_process.hpp"

namespace assure::testing {

class DemoServer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        failure = new std::string;
        dir = new std::filesystem::path(std::filesystem::temp_directory_path() / ("assure-demo-" + std::to_string(::getpid())));
        std::filesystem::create_directories(*dir);
        const std::string db = (*dir / "demo.db").string();
        run("demo --db " + db + " --password 'a demo password'");
        std::string token = run("token create --db " + db + " --user gareth.oduya@knowsley-council.example");
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
        bearer = new std::string(token.substr(token.find_last_of('\n') + 1));
        ::setenv("ASSURE_CASE_KEY", case_key().c_str(), 1);
        serve = new ServeProcess(db, free_port());
        ::unsetenv("ASSURE_CASE_KEY");
    }
    // A demo that could not be built fails every test of the suite.
    void SetUp() override {
        if (!failure->empty()) FAIL() << *failure;
    }
    static void TearDownTestSuite() {
        delete serve;
        serve = nullptr;
        std::filesystem::remove_all(*dir);
        delete dir;
        dir = nullptr;
        delete bearer;
        bearer = nullptr;
        delete failure;
        failure = nullptr;
    }
    static nlohmann::json get(const std::string& path) {
        httplib::Client c("127.0.0.1", serve->port());
        auto r = c.Get(path, {{"Authorization", "Bearer " + *bearer}});
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, 200) << path << ": " << r->body;
        return nlohmann::json::parse(r->body);
    }

    static inline std::filesystem::path* dir = nullptr;
    static inline std::string* bearer = nullptr;
    static inline ServeProcess* serve = nullptr;
    static inline std::string* failure = nullptr;  // what a failed command printed, if one did

private:
    static std::string case_key() { return std::string(64, 'a'); }
    // Runs the binary with the demo's case key; a failure is kept, with its output, for SetUp.
    static std::string run(const std::string& args) {
        const auto out = *dir / "command.out";
        const int rc = std::system(("env ASSURE_CASE_KEY=" + case_key() + " " + ASSURE_BINARY + " " + args + " > " + out.string() + " 2>&1").c_str());
        std::ifstream in(out);
        std::stringstream text;
        text << in.rdbuf();
        // Not an EXPECT: gtest skips every test of a suite whose set-up failed, and ctest counts a
        // skipped test as no failure. Each test's SetUp fails with this instead.
        if (rc != 0 && failure->empty()) *failure = args + " failed: " + text.str();
        return text.str();
    }
};

}  // namespace assure::testing
