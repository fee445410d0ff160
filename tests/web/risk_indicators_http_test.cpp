// Risks raised from red dataset indicators over HTTP against a real server on loopback: an
// indicator's page offers "Raise a risk" only when its latest figure is red and only to those
// who keep the register, and lists the open risks raised from it to those who may see them; the
// form raised from it is filled in from the figure; the risk's record says where it came from
// and how the indicator stands now; the API carries the indicator; and an indicator that is not
// the partnership's is a field error (the error summary; problem+json) that saves nothing.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

constexpr const char* kRed = "/dataset/indicators/cp_second_or_subsequent";

class RiskIndicatorsHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        // Repeat plans (lower is better, target 15, amber to 17): 14, 16, 18 by quarter, so red
        // in the third quarter. Referrals have no better direction, so no rating.
        const std::string csv =
            "code,period,value,numerator,denominator\n"
            "cp_second_or_subsequent,2016-17-Q1,14,,\n"
            "cp_second_or_subsequent,2016-17-Q2,16,,\n"
            "cp_second_or_subsequent,2016-17-Q3,18,,\n"
            "referrals,2016-17-Q3,900,,\n";
        ok(server->client().Post("/api/v1/imports/indicator-values", bu, csv, "text/csv"), 201);
        owner = ok(server->client().Get("/api/v1/people?limit=1", bu), 200)["items"][0]["id"].get<std::int64_t>();
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result send(const char* method, const std::string& path, const json& body) {
        auto c = server->client();
        if (std::string(method) == "PUT") return c.Put(path, bu, body.dump(), "application/json");
        return c.Post(path, bu, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    json risk(const json& indicator) const {
        return {{"title", "Repeat plans rising"}, {"cause", "Plans end early"}, {"effect", "Children return to plans"},
                {"owner_id", owner},             {"likelihood_before", 4},     {"impact_before", 4},
                {"likelihood_after", 3},         {"impact_after", 4},          {"raised_on", "2026-11-02"},
                {"review_on", "2027-02-01"},     {"indicator", indicator}};
    }
    httplib::Params form(const std::string& indicator) const {
        return {{"title", "Plans for a second or subsequent time is red"}, {"cause", "Plans end early"}, {"effect", "Children return to plans"},
                {"owner", std::to_string(owner)}, {"likelihood_before", "4"}, {"impact_before", "4"}, {"likelihood_after", "3"},
                {"impact_after", "4"}, {"raised_on-day", "2"}, {"raised_on-month", "11"}, {"raised_on-year", "2026"},
                {"review_on-day", "1"}, {"review_on-month", "2"}, {"review_on-year", "2027"}, {"status", "open"},
                {"indicator", indicator}};
    }
    std::size_t risks_saved() { return ok(server->client().Get("/api/v1/risks", bu), 200)["items"].size(); }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    std::int64_t owner = 0;
};

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

}  // namespace

TEST_F(RiskIndicatorsHttp, ARedIndicatorsPageOffersARiskOnlyToThoseWhoKeepTheRegister) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto red = b.get(kRed);
    ASSERT_EQ(red->status, 200);
    EXPECT_TRUE(has(red, "<h1 class=\"govuk-heading-l\">Plans for a second or subsequent time</h1>"));
    EXPECT_TRUE(has(red, "govuk-tag--red"));
    EXPECT_TRUE(has(red, "18.0% for Q3 2016/17 (1 October 2016 to 31 December 2016)")) << "the latest figure, its period in words";
    EXPECT_TRUE(has(red, "15.0% (lower is better)"));
    EXPECT_TRUE(has(red, "href=\"/registers/risks/new?indicator=cp_second_or_subsequent\"")) << red->body;
    EXPECT_TRUE(has(red, "Raise a risk"));
    EXPECT_TRUE(has(red, "No open risk has been raised from this indicator."));
    // No rating, so no risk to raise from it.
    auto unrated = b.get("/dataset/indicators/referrals");
    ASSERT_EQ(unrated->status, 200);
    EXPECT_FALSE(has(unrated, "Raise a risk"));
    EXPECT_EQ(b.get("/dataset/indicators/no_such_indicator")->status, 404);
    EXPECT_TRUE(has(b.get("/dataset"), "href=\"/dataset/indicators/cp_second_or_subsequent\"")) << "the scorecard links each indicator";

    // A partner's lead sees the register but does not keep it; a member sees neither.
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::partner_lead)));
    auto as_lead = lead.get(kRed);
    ASSERT_EQ(as_lead->status, 200);
    EXPECT_FALSE(has(as_lead, "Raise a risk"));
    EXPECT_TRUE(has(as_lead, "Open risks raised from this indicator"));
    EXPECT_EQ(lead.get("/registers/risks/new?indicator=cp_second_or_subsequent")->status, 403);
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    auto as_member = member.get(kRed);
    ASSERT_EQ(as_member->status, 200);
    EXPECT_TRUE(has(as_member, "govuk-tag--red"));
    EXPECT_FALSE(has(as_member, "Raise a risk"));
    EXPECT_FALSE(has(as_member, "Open risks raised from this indicator"));
}

TEST_F(RiskIndicatorsHttp, TheFormRaisedFromARedIndicatorIsFilledInAndTheRecordLinksBack) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto blank = b.get("/registers/risks/new?indicator=cp_second_or_subsequent");
    ASSERT_EQ(blank->status, 200);
    EXPECT_TRUE(has(blank, "value=\"Plans for a second or subsequent time is red\"")) << blank->body;
    EXPECT_TRUE(has(blank, "18.0% for Q3 2016/17 (1 October 2016 to 31 December 2016), against a target of 15.0% or lower."));
    EXPECT_TRUE(has(blank, "<option value=\"cp_second_or_subsequent\" selected>"));
    EXPECT_EQ(b.get("/registers/risks/new?indicator=no_such_indicator")->status, 404);

    auto saved = b.post("/registers/risks", form("cp_second_or_subsequent"));
    ASSERT_EQ(saved->status, 303) << saved->body;
    const std::string location = saved->get_header_value("Location");
    auto record = b.get(location.substr(0, location.find('?')));
    ASSERT_EQ(record->status, 200);
    EXPECT_TRUE(has(record, "Raised from"));
    EXPECT_TRUE(has(record, "<a class=\"govuk-link\" href=\"/dataset/indicators/cp_second_or_subsequent\">Plans for a second or subsequent time</a>"))
        << record->body;
    EXPECT_TRUE(has(record, "Red: 18.0% for Q3 2016/17")) << "the indicator's rating now";

    const json listed = ok(server->client().Get("/api/v1/risks", bu), 200);
    ASSERT_EQ(listed["items"].size(), 1U);
    EXPECT_EQ(listed["items"][0]["indicator"], "cp_second_or_subsequent");
    auto page = b.get(kRed);
    EXPECT_TRUE(has(page, ">Plans for a second or subsequent time is red</a>, raised 2 November 2026")) << page->body;
}

TEST_F(RiskIndicatorsHttp, AnIndicatorThatIsNotThePartnershipsSavesNothing) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    ASSERT_EQ(b.get("/registers/risks/new")->status, 200);
    auto refused = b.post("/registers/risks", form("no_such_indicator"));
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(has(refused, "govuk-error-summary"));
    EXPECT_TRUE(has(refused, "href=\"#indicator\""));
    EXPECT_EQ(risks_saved(), 0U);

    auto r = send("POST", "/api/v1/risks", risk("no_such_indicator"));
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    const json problem = ok(r, 422);
    EXPECT_EQ(problem["errors"][0]["field"], "indicator");
    EXPECT_EQ(ok(send("POST", "/api/v1/risks", risk(7)), 422)["errors"][0]["field"], "indicator") << "a code is a string";
    EXPECT_EQ(risks_saved(), 0U);

    const json plain = ok(send("POST", "/api/v1/risks", risk(nullptr)), 201);
    EXPECT_TRUE(plain["indicator"].is_null());
    const std::string path = "/api/v1/risks/" + std::to_string(plain["id"].get<int>());
    json change = risk("referrals");
    change["version"] = 1;
    EXPECT_EQ(ok(send("PUT", path, change), 200)["indicator"], "referrals");
    EXPECT_EQ(ok(server->client().Get(path, bu), 200)["indicator"], "referrals");
    change = risk("no_such_indicator");
    change["version"] = 2;
    EXPECT_EQ(ok(send("PUT", path, change), 422)["errors"][0]["field"], "indicator");
    EXPECT_EQ(ok(server->client().Get(path, bu), 200)["version"], 2) << "nothing saved";
}
