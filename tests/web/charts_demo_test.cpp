// Charts drawn on the server, against the demo through the real binary: each is an <svg
// role="img"> named by its title and read out by its description, with the same figures in the
// table beside it. This year's Section 11 cycle against last year's, by standard; attendance by
// agency over the rules' twelve months.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>

#include "web/demo_server.hpp"
#include "web/harness.hpp"

using nlohmann::json;

namespace {

class DemoCharts : public assure::testing::DemoServer {
protected:
    void SetUp() override {
        DemoServer::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_TRUE(serve->ready());
        browser = std::make_unique<assure::testing::Browser>("127.0.0.1", serve->port());
        ASSERT_TRUE(browser->sign_in("gareth.oduya@knowsley-council.example", "a demo password"));
    }
    // The description of the chart whose id starts `id`, or "" when the page has none.
    static std::string description(const std::string& html, const std::string& id) {
        std::smatch m;
        return std::regex_search(html, m, std::regex("<desc id=\"" + id + "-desc\">([^<]*)</desc>")) ? m[1].str() : std::string();
    }
    std::unique_ptr<assure::testing::Browser> browser;
};

}  // namespace

TEST_F(DemoCharts, ASection11CycleIsDrawnAgainstTheOneBeforeItStandardByStandard) {
    const json cycles = get("/api/v1/audits");
    // The newest Section 11 cycle; the demo holds last year's too.
    const json* newest = nullptr;
    for (const auto& c : cycles["items"]) {
        if (c["kind"] == "section_11" && (newest == nullptr || (*newest)["opens"].get<std::string>() < c["opens"].get<std::string>())) newest = &c;
    }
    ASSERT_NE(newest, nullptr);
    const std::string id = std::to_string((*newest)["id"].get<int>());
    auto page = browser->get("/audits/" + id);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::string& html = page->body;
    EXPECT_NE(html.find("<svg class=\"assure-bar-chart\" role=\"img\""), std::string::npos);
    EXPECT_NE(html.find("<title id=\"chart-standards-title\">Returns meeting each standard in " + (*newest)["title"].get<std::string>() + " and in "),
              std::string::npos)
        << "compared with last year's cycle";
    const std::string desc = description(html, "chart-standards");
    ASSERT_FALSE(desc.empty());
    // Every figure the chart reads out is in the table: "67% (2 of 3)" under "Meeting the standard".
    std::smatch m;
    std::string rest = desc;
    int figures = 0;
    const std::regex figure("([0-9]+)% \\(([0-9]+) of ([0-9]+)\\)");
    while (std::regex_search(rest, m, figure)) {
        const int percent = std::stoi(m[1].str()), met = std::stoi(m[2].str()), graded = std::stoi(m[3].str());
        EXPECT_EQ(percent, (met * 100 + graded / 2) / graded) << m[0].str() << ": the share is recomputed from the counts";
        EXPECT_NE(html.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + m[0].str() + "</td>"), std::string::npos) << m[0].str();
        ++figures;
        rest = m.suffix();
    }
    EXPECT_GT(figures, 1);
    EXPECT_NE(html.find("Meeting it in "), std::string::npos) << "last year's column";
}

TEST_F(DemoCharts, AttendanceIsDrawnByAgencyAndByStatutoryPartner) {
    auto page = browser->get("/attendance");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::string agencies = description(page->body, "chart-agency");
    EXPECT_NE(agencies.find("Merseyside Police: "), std::string::npos) << agencies;
    EXPECT_NE(agencies.find("Knowsley Council: "), std::string::npos) << agencies;
    EXPECT_FALSE(description(page->body, "chart-partner").empty());
}
