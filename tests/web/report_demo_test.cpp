// The demo's 2016/17 yearly report through the real binary: its figures are counted from the
// demo's records and reproduce seed 001's where the demo holds those records (1,756 delegates,
// 63 LADO referrals with 70% no further action, 12 child deaths, £0.311m spent, 403 missing
// children, 67.7 plans and 89.3 looked after per 10,000), with the seed's foreword as a draft
// that cannot be signed off until the sections left to write are written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "web/demo_server.hpp"
#include "web/harness.hpp"

using nlohmann::json;

namespace {

class DemoReport : public assure::testing::DemoServer {};

}  // namespace

TEST_F(DemoReport, The201617ReportCountsSeed001sFiguresFromTheDemosRecords) {
    ASSERT_TRUE(serve->ready());
    const json r = get("/api/v1/reports/2016-17");
    EXPECT_EQ(r["state"], "draft");
    const json& f = r["figures"];
    EXPECT_EQ(f["training"]["figures"]["total"]["delegates"], 1756);
    EXPECT_EQ(f["lado"]["figures"]["referrals"], 63);
    EXPECT_EQ(f["lado"]["figures"]["no_further_action_percent"], 70);
    EXPECT_EQ(f["child_deaths"]["figures"]["deaths"], 12);
    EXPECT_EQ((f["money"]["figures"]["expenditure_pence"].get<std::int64_t>() + 50'000) / 100'000, 311) << "£0.311m";
    std::map<std::string, double> dataset;
    for (const auto& i : f["dataset"]["indicators"]) dataset[i["code"]] = i["value"].get<double>();
    EXPECT_EQ(dataset["missing_children"], 403);
    EXPECT_EQ(dataset["cp_rate"], 67.7);
    EXPECT_EQ(dataset["cla_rate"], 89.3);
    std::string foreword;
    for (const auto& s : r["sections"]) {
        if (s["key"] == "foreword") foreword = s["text"];
    }
    EXPECT_NE(foreword.find("Audrey Williamson"), std::string::npos);
    EXPECT_GE(r["statutory_partners"].size(), 3u) << "the council, the police and the clinical commissioning group";
}

TEST_F(DemoReport, ThePageShowsTheFiguresWithTheirSourcesAndTheTrainingChart) {
    ASSERT_TRUE(serve->ready());
    assure::testing::Browser b("127.0.0.1", serve->port());
    ASSERT_TRUE(b.sign_in("gareth.oduya@knowsley-council.example", "a demo password"));
    auto r = b.get("/reports/2016-17");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    const auto has = [&](const std::string& text) { return r->body.find(text) != std::string::npos; };
    EXPECT_TRUE(has("1,756 delegates attended"));
    EXPECT_TRUE(has("<svg class=\"assure-bar-chart\" role=\"img\""));
    EXPECT_TRUE(has("<title id=\"chart-delegates-title\">Delegates at the partnership"));
    EXPECT_TRUE(has("<desc id=\"chart-delegates-desc\">")) << "the chart reads its figures out";
    EXPECT_TRUE(has("href=\"/training/figures?year=2016-17\""));
    EXPECT_TRUE(has("Audrey Williamson"));
    EXPECT_TRUE(has("This section has not been written yet."));
}
