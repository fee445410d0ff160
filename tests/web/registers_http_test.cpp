// The registers over HTTP against a real server on loopback: the API's lists paged by cursor,
// figures by year, problem+json naming the field that saves nothing, 409 on a stale version,
// need-to-know (404/403 and the access log), the pages' error summary, filters, pagination and
// CSV, and dates in words. The demo's figures against seed 001 are in registers_demo_test.cpp.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class RegistersHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result send(const char* method, const std::string& path, const json& body, const httplib::Headers& h) {
        auto c = server->client();
        if (std::string(method) == "PUT") return c.Put(path, h, body.dump(), "application/json");
        return c.Post(path, h, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    static json referral(const std::string& ref, const std::string& referred_on) {
        return {{"adult_reference", ref}, {"referred_on", referred_on}, {"source", "employer"}, {"sector", "education"},
                {"role", "Teacher"},      {"limbs", {"harmed"}}};
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
};

}  // namespace

TEST_F(RegistersHttp, ALadoReferralThroughTheApiWithItsFiguresAndPages) {
    json bad = referral("LADO-1", "2026-05-01");
    bad["initial_considered_on"] = "2026-05-02";
    bad["initial_outcome"] = "strategy_meeting";
    bad["outcome"] = "substantiated";
    bad["outcome_on"] = "2026-04-30";
    auto r = send("POST", "/api/v1/lado-referrals", bad, bu);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    const json problem = ok(r, 422);
    EXPECT_EQ(problem["errors"][0]["field"], "outcome_on");
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals", bu), 200)["items"].size(), 0u) << "nothing saved";

    json good = bad;
    good["outcome_on"] = "2026-05-20";
    good["training_needs"] = true;
    const json made = ok(send("POST", "/api/v1/lado-referrals", good, bu), 201);
    EXPECT_EQ(made["standing"], "concluded");
    EXPECT_EQ(made["timeliness"], "within_one_month");
    const std::string path = "/api/v1/lado-referrals/" + std::to_string(made["id"].get<int>());

    json change = good;
    change["role"] = "Head teacher";
    change["version"] = 1;
    EXPECT_EQ(ok(send("PUT", path, change, bu), 200)["version"], 2);
    EXPECT_EQ(send("PUT", path, change, bu)->status, 409) << "version 1 is stale now";

    const json f = ok(server->client().Get("/api/v1/lado-referrals/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["year"], "2026-27");
    EXPECT_EQ(f["referrals"], 1);
    EXPECT_EQ(f["substantiated"], 1);
    EXPECT_EQ(f["training_needs"], 1);
    EXPECT_EQ(f["within_one_month"]["percent"], 100);
    EXPECT_EQ(f["within_one_month"]["target_percent"], 80);
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals/figures?year=2026", bu), 422)["errors"][0]["field"], "year");

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/registers/lado/" + std::to_string(made["id"].get<int>()));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("1 May 2026"), std::string::npos) << "dates in words";
    EXPECT_NE(page->body.find("Head teacher"), std::string::npos);
    auto figures = b.get("/registers/lado/figures?year=2026-27");
    ASSERT_EQ(figures->status, 200);
    EXPECT_NE(figures->body.find("Resolved in 2026 to 2027 (1)"), std::string::npos);
    auto csv = b.get("/registers/lado.csv?year=2026-27");
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("LADO-1,2026-05-01,Employer"), std::string::npos) << csv->body;
}

TEST_F(RegistersHttp, ListsArePagedByCursorAndFilteredAndUnknownFiltersAreNamed) {
    for (int i = 1; i <= 5; ++i) ok(send("POST", "/api/v1/lado-referrals", referral("R" + std::to_string(i), "2026-0" + std::to_string(i) + "-10"), bu), 201);
    const json first = ok(server->client().Get("/api/v1/lado-referrals?limit=2", bu), 200);
    ASSERT_EQ(first["items"].size(), 2u);
    EXPECT_EQ(first["items"][0]["adult_reference"], "R5");
    const std::string next = first["next"];
    const json second = ok(server->client().Get("/api/v1/lado-referrals?limit=2&cursor=" + next, bu), 200);
    EXPECT_EQ(second["items"][0]["adult_reference"], "R3");
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals?year=2025-26", bu), 200)["items"].size(), 3u);
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals?sector=circus", bu), 422)["errors"][0]["field"], "sector");
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals?limit=0", bu), 422)["errors"][0]["field"], "limit");

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/registers/lado?limit=2");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("govuk-pagination"), std::string::npos);
    EXPECT_NE(page->body.find("10 May 2026"), std::string::npos);
    EXPECT_EQ(page->body.find("10 March 2026"), std::string::npos) << "on the next page";
    EXPECT_EQ(b.get("/registers/lado?sector=circus")->status, 422);
}

TEST_F(RegistersHttp, LadoAndChildDeathsAreNeedToKnowAndEveryReadIsLogged) {
    const json made = ok(send("POST", "/api/v1/lado-referrals", referral("LADO-9", "2026-05-01"), bu), 201);
    const std::string path = "/api/v1/lado-referrals/" + std::to_string(made["id"].get<int>());
    for (Role role : {Role::member, Role::agency_lead, Role::scrutineer, Role::administrator}) {
        EXPECT_EQ(server->client().Get(path, auth(role))->status, 403) << role_key(role);
        EXPECT_EQ(server->client().Get("/api/v1/child-deaths", auth(role))->status, 403) << role_key(role);
    }
    EXPECT_EQ(server->client().Get("/api/v1/finance/figures?year=2026-27", auth(Role::scrutineer))->status, 200) << "money is open to scrutiny";
    EXPECT_EQ(server->client().Get("/api/v1/lado-referrals/99999", bu)->status, 404);
    const int before = server->count_reads(AccessKind::register_record);
    ok(server->client().Get(path, auth(Role::partner_lead)), 200);
    ok(server->client().Get("/api/v1/lado-referrals", auth(Role::partner_lead)), 200);
    EXPECT_EQ(server->count_reads(AccessKind::register_record), before + 1);
    EXPECT_EQ(server->count_reads(AccessKind::register_list), 1);
    EXPECT_EQ(send("POST", "/api/v1/lado-referrals", referral("X", "2026-05-01"), auth(Role::partner_lead))->status, 403);
}

TEST_F(RegistersHttp, ChildDeathsAndTheirFigures) {
    json d = {{"reference", "CD-1"}, {"died_on", "2026-04-19"}, {"sex", "male"}, {"age_band", "under_28_days"}, {"expected", false},
              {"status", "complete"}, {"category", "falling"}, {"modifiable", false}, {"reviewed_on", "2026-10-01"}};
    EXPECT_EQ(ok(send("POST", "/api/v1/child-deaths", d, bu), 422)["errors"][0]["field"], "category");
    d["category"] = "perinatal_neonatal";
    ok(send("POST", "/api/v1/child-deaths", d, bu), 201);
    EXPECT_EQ(ok(send("POST", "/api/v1/child-deaths", d, bu), 422)["errors"][0]["field"], "reference");
    json open = {{"reference", "CD-2"}, {"died_on", "2026-06-01"}, {"sex", "female"}, {"age_band", "1_to_4_years"}, {"expected", true},
                 {"status", "under_enquiry"}};
    ok(send("POST", "/api/v1/child-deaths", open, bu), 201);
    const json f = ok(server->client().Get("/api/v1/child-deaths/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["deaths"], 2);
    EXPECT_EQ(f["male"], 1);
    EXPECT_EQ(f["under_enquiry"], 1);
    EXPECT_EQ(f["by_category"]["perinatal_neonatal"], 1);
    EXPECT_EQ(f["by_age_band"]["under_28_days"], 1);
}

TEST_F(RegistersHttp, MoneyFiguresAreSummedAndAnOverspendNeedsAReason) {
    ok(send("POST", "/api/v1/finance", {{"year", "2026-27"}, {"kind", "opening_balance"}, {"amount_pence", 7'800'000}, {"on", "2026-04-01"}}, bu), 201);
    ok(send("POST", "/api/v1/finance", {{"year", "2026-27"}, {"kind", "contribution"}, {"contributor", "Council"}, {"amount_pence", 26'780'000}, {"on", "2026-06-30"}}, bu), 201);
    json spend = {{"year", "2026-27"}, {"kind", "expenditure"}, {"heading", "staffing"}, {"amount_pence", 34'580'001}, {"on", "2026-09-30"}};
    EXPECT_EQ(ok(send("POST", "/api/v1/finance", spend, bu), 422)["errors"][0]["field"], "reason");
    spend["amount_pence"] = 31'080'000;
    ok(send("POST", "/api/v1/finance", spend, bu), 201);
    const json f = ok(server->client().Get("/api/v1/finance/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["brought_forward_pence"], 7'800'000);
    EXPECT_EQ(f["resources_pence"], 34'580'000);
    EXPECT_EQ(f["carried_forward_pence"], 3'500'000);
    EXPECT_EQ(f["contributors"][0]["percent"], "100.00");
    EXPECT_EQ(ok(server->client().Get("/api/v1/finance?kind=expenditure", bu), 200)["items"].size(), 1u);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/registers/finance?year=2026-27");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("£35,000"), std::string::npos);
    EXPECT_NE(page->body.find("0.035"), std::string::npos);
    b.get("/registers/finance/new");
    auto refused = b.post("/registers/finance", {{"year", "2026-27"}, {"kind", "expenditure"}, {"heading", "training"}, {"amount", "35000.01"},
                                                 {"on-day", "1"}, {"on-month", "10"}, {"on-year", "2026"}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(refused->body.find("href=\"#reason\""), std::string::npos);
}

TEST_F(RegistersHttp, TheLadoFormShowsTheErrorSummaryAndSavesNothing) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    ASSERT_EQ(b.get("/registers/lado/new")->status, 200);
    auto r = b.post("/registers/lado", {{"adult_reference", "LADO-7"}, {"referred_on-day", "1"}, {"referred_on-month", "5"}, {"referred_on-year", "2026"},
                                        {"source", "employer"}, {"sector", "education"}, {"role", "Teacher"}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#limbs\""), std::string::npos) << "the harm test is required";
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals", bu), 200)["items"].size(), 0u);
    r = b.post("/registers/lado", {{"adult_reference", "LADO-7"}, {"referred_on-day", "1"}, {"referred_on-month", "5"}, {"referred_on-year", "2026"},
                                   {"source", "employer"}, {"sector", "education"}, {"role", "Teacher"}, {"limbs", "unsuitability"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(ok(server->client().Get("/api/v1/lado-referrals", bu), 200)["items"].size(), 1u);
}
