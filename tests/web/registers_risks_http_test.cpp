// The risk register and escalations over HTTP against a real server on loopback: the API's
// lists paged by cursor and filtered, figures by year, the heat map, problem+json naming the
// field that saves nothing (a likelihood off the scale), 409 on a stale version, need-to-know
// (403, and escalation reads logged), the pages with their error summary, filters, pagination,
// CSV and dates in words, and the heat map as a table.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class RisksHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        const Actor system = Actor::system(PartnershipId{1});
        police = create_agency(server->services(), system, {"Merseyside Police", "statutory_partner", "police", "police"}).id.value;
        health = create_agency(server->services(), system, {"Sefton CCG", "statutory_partner", "health", "health"}).id.value;
        owner = ok(server->client().Get("/api/v1/people?limit=1", bu), 200)["items"][0]["id"].get<std::int64_t>();
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
    json risk(const std::string& title, const std::string& raised_on) const {
        return {{"title", title},       {"cause", "Budgets are set late"}, {"effect", "Reviews cannot be planned"}, {"owner_id", owner},
                {"likelihood_before", 4}, {"impact_before", 5},            {"likelihood_after", 2},                 {"impact_after", 5},
                {"raised_on", raised_on}, {"review_on", "2026-11-01"}};
    }
    json escalation(const std::string& reference) const {
        return {{"reference", reference},   {"raised_by_agency_id", health}, {"raised_by_role", "Health visitor"},
                {"agency_ids", {police}},   {"concern", "Strategy discussion threshold"}, {"stage1_on", "2026-10-05"}};
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    std::int64_t police = 0, health = 0, owner = 0;
};

}  // namespace

TEST_F(RisksHttp, ARiskThroughTheApiWithItsFiguresHeatMapAndPages) {
    json bad = risk("Funding", "2026-05-01");
    bad["likelihood_before"] = 6;
    auto r = send("POST", "/api/v1/risks", bad, bu);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(ok(r, 422)["errors"][0]["field"], "likelihood_before");
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks", bu), 200)["items"].size(), 0u) << "nothing saved";

    const json made = ok(send("POST", "/api/v1/risks", risk("Funding", "2026-05-01"), bu), 201);
    EXPECT_EQ(made["before_controls"]["score"], 20);
    EXPECT_EQ(made["before_controls"]["band"], "very_high");
    EXPECT_EQ(made["with_controls"]["band"], "high");
    EXPECT_EQ(made["review_overdue"], true) << "1 November has passed";
    EXPECT_EQ(made["owner"]["id"], owner);
    const std::string path = "/api/v1/risks/" + std::to_string(made["id"].get<int>());
    json change = risk("Funding for 2027-28", "2026-05-01");
    change["escalated_on"] = "2026-06-01";
    change["version"] = 1;
    EXPECT_EQ(ok(send("PUT", path, change, bu), 200)["version"], 2);
    EXPECT_EQ(send("PUT", path, change, bu)->status, 409) << "version 1 is stale now";
    EXPECT_EQ(ok(server->client().Get(path, auth(Role::scrutineer)), 200)["escalated_on"], "2026-06-01");

    const json f = ok(server->client().Get("/api/v1/risks/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["raised"], 1);
    EXPECT_EQ(f["escalated"], 1);
    EXPECT_EQ(f["open_by_band_with_controls"]["high"], 1);
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks/figures?year=2026", bu), 422)["errors"][0]["field"], "year");
    const json map = ok(server->client().Get("/api/v1/risks/heat-map?basis=before", bu), 200);
    EXPECT_EQ(map["open"], 1);
    EXPECT_EQ(map["cells"].size(), 25u);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/registers/risks/" + std::to_string(made["id"].get<int>()));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("1 June 2026"), std::string::npos) << "dates in words";
    EXPECT_NE(page->body.find("20 (Very high)"), std::string::npos);
    auto heat = b.get("/registers/risks/heat-map");
    ASSERT_EQ(heat->status, 200);
    EXPECT_NE(heat->body.find("<th scope=\"row\" class=\"govuk-table__header\">Impact 5: severe</th>"), std::string::npos);
    EXPECT_NE(heat->body.find("1 open risk by likelihood and impact, with controls"), std::string::npos);
    EXPECT_EQ(heat->body.find("<script src=\"/heat"), std::string::npos);
    EXPECT_EQ(b.get("/registers/risks/heat-map?basis=sideways")->status, 422);
    auto figures = b.get("/registers/risks/figures?year=2026-27");
    ASSERT_EQ(figures->status, 200);
    EXPECT_NE(figures->body.find("Open at 31 March by band"), std::string::npos);
    auto csv = b.get("/registers/risks.csv?band=high");
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("Funding for 2027-28"), std::string::npos) << csv->body;
    EXPECT_EQ(b.get("/registers/risks.csv?band=low")->body.find("Funding"), std::string::npos);
}

TEST_F(RisksHttp, RiskListsArePagedAndFilteredAndTheFormSavesNothingWhenWrong) {
    for (int i = 1; i <= 5; ++i) ok(send("POST", "/api/v1/risks", risk("R" + std::to_string(i), "2026-0" + std::to_string(i) + "-10"), bu), 201);
    const json first = ok(server->client().Get("/api/v1/risks?limit=2", bu), 200);
    ASSERT_EQ(first["items"].size(), 2u);
    EXPECT_EQ(first["items"][0]["title"], "R5");
    const json second = ok(server->client().Get("/api/v1/risks?limit=2&cursor=" + first["next"].get<std::string>(), bu), 200);
    EXPECT_EQ(second["items"][0]["title"], "R3");
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks?year=2025-26", bu), 200)["items"].size(), 3u);
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks?band=purple", bu), 422)["errors"][0]["field"], "band");
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks?review_overdue=yes", bu), 200)["items"].size(), 5u);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/registers/risks?limit=2");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("govuk-pagination"), std::string::npos);
    EXPECT_NE(page->body.find("10 (High)"), std::string::npos);
    EXPECT_EQ(b.get("/registers/risks?band=purple")->status, 422);
    ASSERT_EQ(b.get("/registers/risks/new")->status, 200);
    httplib::Params form{{"title", "Scrutiny capacity"}, {"cause", "One scrutineer"}, {"effect", "Less challenge"}, {"owner", std::to_string(owner)},
                         {"likelihood_before", "7"}, {"impact_before", "3"}, {"likelihood_after", "2"}, {"impact_after", "3"},
                         {"raised_on-day", "1"}, {"raised_on-month", "6"}, {"raised_on-year", "2026"},
                         {"review_on-day", "1"}, {"review_on-month", "12"}, {"review_on-year", "2026"}, {"status", "open"}};
    auto refused = b.post("/registers/risks", form);
    ASSERT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(refused->body.find("href=\"#likelihood_before\""), std::string::npos);
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks?q=scrutiny", bu), 200)["items"].size(), 0u);
    for (auto& [k, v] : form) {
        if (k == "likelihood_before") v = "3";
    }
    ASSERT_EQ(b.post("/registers/risks", form)->status, 303);
    EXPECT_EQ(ok(server->client().Get("/api/v1/risks?q=scrutiny", bu), 200)["items"].size(), 1u);
}

TEST_F(RisksHttp, RisksAreForThoseWhoHoldThePartnershipToAccount) {
    const json made = ok(send("POST", "/api/v1/risks", risk("Funding", "2026-05-01"), bu), 201);
    const std::string path = "/api/v1/risks/" + std::to_string(made["id"].get<int>());
    for (Role role : {Role::partner_lead, Role::scrutineer}) EXPECT_EQ(server->client().Get(path, auth(role))->status, 200) << role_key(role);
    for (Role role : {Role::member, Role::agency_lead, Role::read_only, Role::administrator}) {
        EXPECT_EQ(server->client().Get(path, auth(role))->status, 403) << role_key(role);
    }
    EXPECT_EQ(send("POST", "/api/v1/risks", risk("X", "2026-05-01"), auth(Role::scrutineer))->status, 403);
    EXPECT_EQ(server->client().Get("/api/v1/risks/99999", bu)->status, 404);
}

TEST_F(RisksHttp, AnEscalationThroughTheApiAndPagesIsNeedToKnowAndLogged) {
    json bad = escalation("ESC-1");
    bad["stage3_on"] = "2026-10-12";
    EXPECT_EQ(ok(send("POST", "/api/v1/escalations", bad, bu), 422)["errors"][0]["field"], "stage3_on");
    json good = escalation("ESC-1");
    good["stage2_on"] = "2026-10-13";
    const json made = ok(send("POST", "/api/v1/escalations", good, bu), 201);
    EXPECT_EQ(made["stage"], 2);
    EXPECT_EQ(made["stages"][0]["due_by"], "2026-10-12");
    EXPECT_EQ(made["stages"][0]["late"], true);
    EXPECT_EQ(made["raised_by"]["agency"]["name"], "Sefton CCG");
    EXPECT_EQ(made["agencies"][0]["name"], "Merseyside Police");
    const std::string path = "/api/v1/escalations/" + std::to_string(made["id"].get<int>());
    json resolved = good;
    resolved["outcome"] = "resolved";
    resolved["closed_on"] = "2026-10-15";
    resolved["learning"] = "Share the threshold guidance";
    resolved["version"] = 1;
    EXPECT_EQ(ok(send("PUT", path, resolved, bu), 200)["outcome"], "resolved");
    EXPECT_EQ(send("PUT", path, resolved, bu)->status, 409);
    ok(send("POST", "/api/v1/escalations", escalation("ESC-2"), bu), 201);
    EXPECT_EQ(ok(send("POST", "/api/v1/escalations", escalation("ESC-2"), bu), 422)["errors"][0]["field"], "reference");

    const json f = ok(server->client().Get("/api/v1/escalations/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["raised"], 2);
    EXPECT_EQ(f["resolved"], 1);
    EXPECT_EQ(f["by_stage"][1]["resolved"], 1);
    EXPECT_EQ(f["by_stage"][0]["late"], 1);
    EXPECT_EQ(f["by_agency"][0]["name"], "Sefton CCG");
    EXPECT_EQ(f["by_agency"][0]["raised"], 2);
    EXPECT_EQ(ok(server->client().Get("/api/v1/escalations?stage=2", bu), 200)["items"].size(), 1u);
    EXPECT_EQ(ok(server->client().Get("/api/v1/escalations?stage=5", bu), 422)["errors"][0]["field"], "stage");
    EXPECT_EQ(ok(server->client().Get("/api/v1/escalations?agency=" + std::to_string(police), bu), 200)["items"].size(), 2u);

    for (Role role : {Role::member, Role::agency_lead, Role::scrutineer, Role::administrator}) {
        EXPECT_EQ(server->client().Get(path, auth(role))->status, 403) << role_key(role);
    }
    const int before = server->count_reads(AccessKind::register_record);
    ok(server->client().Get(path, auth(Role::partner_lead)), 200);
    EXPECT_EQ(server->count_reads(AccessKind::register_record), before + 1);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto list = b.get("/registers/escalations?outcome=resolved");
    ASSERT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("Resolved at stage 2"), std::string::npos);
    EXPECT_EQ(list->body.find("ESC-2"), std::string::npos) << "filtered out";
    auto record = b.get("/registers/escalations/" + std::to_string(made["id"].get<int>()));
    ASSERT_EQ(record->status, 200);
    EXPECT_NE(record->body.find("Reached 5 October 2026; timescale to 12 October 2026 (ran past it)"), std::string::npos);
    auto figures = b.get("/registers/escalations/figures?year=2026-27");
    ASSERT_EQ(figures->status, 200);
    EXPECT_NE(figures->body.find("Stage 2: managers"), std::string::npos);
    auto csv = b.get("/registers/escalations.csv");
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("ESC-1,Sefton CCG,Health visitor,Merseyside Police"), std::string::npos) << csv->body;
    ASSERT_EQ(b.get("/registers/escalations/new")->status, 200);
    auto refused = b.post("/registers/escalations", {{"reference", "ESC-3"}, {"raised_by", std::to_string(health)}, {"raised_by_role", "GP"},
                                                     {"concern", "Discharge planning"}, {"stage1_on-day", "1"}, {"stage1_on-month", "10"},
                                                     {"stage1_on-year", "2026"}, {"outcome", "open"}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("href=\"#agencies\""), std::string::npos);
}

// No list asks a query per row (decision 0007): each list page and API list runs as many
// statements over twelve entries as over two, with their owners, agencies, linked actions and
// agencies involved.
TEST(RisksStatements, ListsRunAsManyStatementsForTwelveEntriesAsForTwo) {
    Server server([](web::WebConfig& c) { c.count_statements = true; });
    const auto bu = httplib::Headers{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    const Actor system = Actor::system(PartnershipId{1});
    const auto police = create_agency(server.services(), system, {"Merseyside Police", "statutory_partner", "police", "police"}).id.value;
    const auto health = create_agency(server.services(), system, {"Sefton CCG", "statutory_partner", "health", "health"}).id.value;
    const auto people = json::parse(server.client().Get("/api/v1/people?limit=2", bu)->body)["items"];
    int added = 0;
    const auto add = [&](int n) {
        for (int i = 0; i < n; ++i, ++added) {
            const json risk = {{"title", "Risk " + std::to_string(added)}, {"cause", "C"}, {"effect", "E"},
                               {"owner_id", people[added % 2]["id"]}, {"likelihood_before", 3}, {"impact_before", 3},
                               {"likelihood_after", 2}, {"impact_after", 3}, {"raised_on", "2026-05-01"}, {"review_on", "2026-12-01"}};
            ASSERT_EQ(server.client().Post("/api/v1/risks", bu, risk.dump(), "application/json")->status, 201);
            const json escalation = {{"reference", "E-" + std::to_string(added)}, {"raised_by_agency_id", added % 2 ? police : health},
                                     {"raised_by_role", "Social worker"}, {"agency_ids", {added % 2 ? health : police}},
                                     {"concern", "Threshold"}, {"stage1_on", "2026-05-04"}};
            ASSERT_EQ(server.client().Post("/api/v1/escalations", bu, escalation.dump(), "application/json")->status, 201);
        }
    };
    Browser b(server);
    ASSERT_TRUE(b.sign_in(server.email(Role::business_unit)));
    const std::vector<std::string> pages = {"/registers/risks", "/registers/risks/heat-map", "/registers/escalations",
                                            "/api/v1/risks", "/api/v1/escalations"};
    const auto measure = [&] {
        std::map<std::string, int> out;
        for (const auto& p : pages) {
            const auto r = p.rfind("/api/", 0) == 0 ? server.client().Get(p, bu) : b.get(p);
            EXPECT_EQ(r->status, 200) << p;
            out[p] = r->has_header("X-Assure-Statements") ? std::stoi(r->get_header_value("X-Assure-Statements")) : -1;
        }
        return out;
    };
    add(2);
    const auto few = measure();
    add(10);
    const auto many = measure();
    for (const auto& p : pages) {
        EXPECT_GT(few.at(p), 0) << p;
        EXPECT_EQ(many.at(p), few.at(p)) << p;
    }
}
