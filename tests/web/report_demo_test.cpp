// The demo's 2016/17 yearly report through the real binary: its figures are counted from the
// demo's records and reproduce seed 001's where the demo holds those records (1,756 delegates,
// 63 LADO referrals with 70% no further action, 12 child deaths, £0.311m spent, 403 missing
// children, 67.7 plans and 89.3 looked after per 10,000), with the seed's foreword, every section
// written and signed off by the three statutory partners, and published on Knowsley's public site.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "web/demo_server.hpp"
#include "web/harness.hpp"

using nlohmann::json;

namespace {

class DemoReport : public assure::testing::DemoServer {};

}  // namespace

TEST_F(DemoReport, The201617ReportCountsSeed001sFiguresFromTheDemosRecords) {
    ASSERT_TRUE(serve->ready());
    const json r = get("/api/v1/reports/2016-17");
    EXPECT_EQ(r["state"], "approved");
    EXPECT_EQ(r["sign_offs"].size(), 3u) << "the council, the police and the integrated care board";
    const json& f = r["figures"];
    EXPECT_EQ(f["training"]["figures"]["total"]["delegates"], 1756);
    // The year's evaluation (decision 0030): counted over the same delegates, worked out from
    // the summed counts of the courses the demo holds questionnaires for.
    const json& e = f["training"]["evaluation"];
    EXPECT_EQ(e["attended"], 1756) << "every delegate who attended is asked";
    int answered = 0, followed = 0, courses_answered = 0;
    for (const auto& c : e["by_course"]) {
        answered += c["after_session"].get<int>();
        followed += c["follow_up"].get<int>();
        if (c["after_session"].get<int>() > 0) ++courses_answered;
    }
    EXPECT_EQ(e["after_session"], answered);
    EXPECT_EQ(e["follow_up"], followed);
    EXPECT_EQ(courses_answered, 5) << "the core courses' questionnaires";
    EXPECT_GT(answered, 0);
    EXPECT_GE(e["mean_scores"]["outcomes_met"].get<double>(), 4.0) << "seed 001: the feedback has been positive";
    EXPECT_GE(e["changed_percent"].get<int>(), 50);
    EXPECT_GT(e["confidence_rise"].get<double>(), 1.0);
    EXPECT_EQ(f["lado"]["figures"]["referrals"], 63);
    EXPECT_EQ(f["lado"]["figures"]["no_further_action_percent"], 70);
    EXPECT_EQ(f["child_deaths"]["figures"]["deaths"], 12);
    EXPECT_EQ((f["money"]["figures"]["expenditure_pence"].get<std::int64_t>() + 50'000) / 100'000, 311) << "£0.311m";
    std::map<std::string, double> dataset;
    for (const auto& i : f["dataset"]["indicators"]) dataset[i["code"]] = i["value"].get<double>();
    EXPECT_EQ(dataset["missing_children"], 403);
    EXPECT_EQ(dataset["cp_rate"], 67.7);
    EXPECT_EQ(dataset["cla_rate"], 89.3);
    EXPECT_EQ(f["voice_of_children"]["figures"]["children_heard"], 80) << "counted from the voice register's 2016/17 activities";
    EXPECT_EQ(f["scrutiny"]["figures"]["activities"], 5);
    // Seed 001: "In 2016/2017 ... published three serious case reviews in respect of four children",
    // and commissioned a reflective review; under Working Together 2015, no rapid review was held.
    EXPECT_EQ(f["reviews"]["published"], 3);
    EXPECT_EQ(f["reviews"]["other_learning"], 1);
    EXPECT_EQ(f["reviews"]["rapid_reviews"], 0);
    std::string foreword;
    for (const auto& s : r["sections"]) {
        if (s["key"] == "foreword") foreword = s["text"];
    }
    EXPECT_NE(foreword.find("Audrey Williamson"), std::string::npos);
    EXPECT_GE(r["statutory_partners"].size(), 3u) << "the council, the police and the integrated care board";
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
    EXPECT_TRUE(has("href=\"/registers/voice/figures?year=2016-17\""));
    EXPECT_TRUE(has("Evaluation of the training"));
    EXPECT_TRUE(has("Mean scores out of 5 given straight after the session, 2016 to 2017"));
    EXPECT_TRUE(has("<title id=\"chart-evaluation-title\">Mean evaluation scores out of 5"));
    EXPECT_TRUE(has("Evaluation by course, 2016 to 2017"));
    EXPECT_TRUE(has("Hearing children and young people in 2016 to 2017"));
    EXPECT_TRUE(has("Audrey Williamson"));
    EXPECT_TRUE(has("Serious case reviews published")) << "the year is told in the words of Working Together 2015";
    EXPECT_FALSE(has("Rapid reviews held"));
    EXPECT_FALSE(has("This section has not been written yet."));
}

// The PDF (WeasyPrint from Debian): A4 pages whose text, read back by pdftotext (poppler-utils),
// holds the same figures as the page, and a contents page.
TEST_F(DemoReport, ThePdfHoldsTheReportsFiguresAsText) {
    ASSERT_TRUE(serve->ready());
    assure::testing::Browser b("127.0.0.1", serve->port());
    ASSERT_TRUE(b.sign_in("gareth.oduya@knowsley-council.example", "a demo password"));
    // WeasyPrint takes seconds, more on a busy machine: wait as long as the server allows it (60 s).
    // How long it takes is for tests/bench, not for a test.
    b.http.set_read_timeout(std::chrono::seconds(90));
    auto r = b.get("/reports/2016-17.pdf");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body.substr(0, 500);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/pdf");
    ASSERT_EQ(r->body.rfind("%PDF-", 0), 0u);
    const auto pdf = *dir / "report.pdf";
    std::ofstream(pdf, std::ios::binary) << r->body;
    const auto txt = *dir / "report.txt";
    ASSERT_EQ(std::system(("pdftotext -layout '" + pdf.string() + "' '" + txt.string() + "'").c_str()), 0) << "pdftotext (poppler-utils)";
    std::ifstream in(txt);
    std::stringstream text;
    text << in.rdbuf();
    const std::string t = text.str();
    for (const char* figure : {"1,756 delegates attended", "Audrey Williamson", "Contents", "Yearly report 2016 to 2017", "Page 2 of",
                               "Evaluation of the training"}) {
        EXPECT_NE(t.find(figure), std::string::npos) << figure;
    }
    EXPECT_NE(t.find("403"), std::string::npos) << "missing children";
    EXPECT_NE(t.find("Knowsley Council"), std::string::npos) << "the sign-off table";
}

TEST_F(DemoReport, KnowsleysPublicSiteShowsTheReportAndItsReviewReports) {
    ASSERT_TRUE(serve->ready());
    httplib::Client c("127.0.0.1", serve->port());
    auto home = c.Get("/p/knowsley/");
    ASSERT_TRUE(home);
    ASSERT_EQ(home->status, 200);
    EXPECT_NE(home->body.find("Knowsley"), std::string::npos);
    auto report = c.Get("/p/knowsley/reports/2016-17");
    ASSERT_TRUE(report);
    ASSERT_EQ(report->status, 200);
    EXPECT_NE(report->body.find("1,756 delegates attended"), std::string::npos);
    EXPECT_NE(report->body.find("Audrey Williamson"), std::string::npos);
    auto reviews = c.Get("/p/knowsley/reviews");
    ASSERT_EQ(reviews->status, 200);
    EXPECT_NE(reviews->body.find("Local child safeguarding practice review: domestic abuse in the home"), std::string::npos);
    EXPECT_NE(reviews->body.find("Available on request"), std::string::npos) << "the serious case reviews of 2016 are past the twelve months";
    for (const char* child : {"Child O", "Child R", "Child Q", "Child S"}) EXPECT_EQ(reviews->body.find(child), std::string::npos) << child;
    const auto at = reviews->body.find("/p/knowsley/files/");
    ASSERT_NE(at, std::string::npos);
    auto file = c.Get(reviews->body.substr(at, reviews->body.find('"', at) - at));
    ASSERT_TRUE(file);
    EXPECT_EQ(file->status, 200);
    EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(file->body.rfind("%PDF-", 0), 0u);
}
