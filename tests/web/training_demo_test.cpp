// The demo command's training against seed 001, through the real binary: `assure demo`, a
// token for the business unit, `assure serve`, then the training API. The report gives 1,756
// delegates for 2016/17 and "in excess of 550" at the joint alerters training; every figure is
// counted by the server from the demo's bookings and registers.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "web/serve_process.hpp"

using nlohmann::json;

namespace {

namespace fs = std::filesystem;

const std::string kCaseKey = std::string(64, 'a');

std::string run(const std::string& args) {
    const fs::path out = fs::temp_directory_path() / ("assure-training-" + std::to_string(::getpid()) + ".out");
    const int rc = std::system(("env ASSURE_CASE_KEY=" + kCaseKey + " " + ASSURE_BINARY + " " + args + " > " + out.string() + " 2>&1").c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    fs::remove(out);
    EXPECT_EQ(rc, 0) << args << ": " << text.str();
    return text.str();
}

class DemoTraining : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new fs::path(fs::temp_directory_path() / ("assure-training-demo-" + std::to_string(::getpid())));
        fs::create_directories(*dir);
        const std::string db = (*dir / "demo.db").string();
        run("demo --db " + db + " --password 'a demo password'");
        std::string token = run("token create --db " + db + " --user gareth.oduya@knowsley-council.example");
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
        bearer = new std::string(token.substr(token.find_last_of('\n') + 1));
        ::setenv("ASSURE_CASE_KEY", kCaseKey.c_str(), 1);
        serve = new assure::testing::ServeProcess(db, assure::testing::free_port());
        ::unsetenv("ASSURE_CASE_KEY");
    }
    static void TearDownTestSuite() {
        delete serve;
        fs::remove_all(*dir);
        delete dir;
        delete bearer;
    }
    static json get(const std::string& path) {
        httplib::Client c("127.0.0.1", serve->port());
        auto r = c.Get(path, {{"Authorization", "Bearer " + *bearer}});
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, 200) << path << ": " << r->body;
        return json::parse(r->body);
    }

    static inline fs::path* dir = nullptr;
    static inline std::string* bearer = nullptr;
    static inline assure::testing::ServeProcess* serve = nullptr;
};

}  // namespace

TEST_F(DemoTraining, TheYearsDelegatesAreSeed001sTotal) {
    ASSERT_TRUE(serve->ready());
    const json f = get("/api/v1/training/figures?year=2016-17");
    EXPECT_EQ(f["total"]["delegates"], 1756);
    EXPECT_GT(f["total"]["no_shows"].get<int>(), 0) << "no-shows are booked places, not delegates";
    bool alerters = false, wtsc = false;
    for (const auto& line : f["by_course"]) {
        if (line["name"] == "Joint Children and Adult Alerters Training") {
            alerters = true;
            EXPECT_GT(line["delegates"].get<int>(), 550);
        }
        if (line["name"] == "Working Together to Safeguard Children") wtsc = true;
    }
    EXPECT_TRUE(alerters);
    EXPECT_TRUE(wtsc);
    int by_agency = 0;
    for (const auto& line : f["by_agency"]) by_agency += line["delegates"].get<int>();
    EXPECT_EQ(by_agency, 1756) << "every delegate is counted under one agency";
}

TEST_F(DemoTraining, ThisYearsCalendarHasAFullSessionWithAWaitingList) {
    ASSERT_TRUE(serve->ready());
    const json sessions = get("/api/v1/sessions?upcoming=true");
    ASSERT_GE(sessions["items"].size(), 5u);
    bool full = false;
    for (const auto& s : sessions["items"]) {
        if (s["booked"] == s["capacity"] && s["waiting"].get<int>() > 0) full = true;
    }
    EXPECT_TRUE(full);
}
