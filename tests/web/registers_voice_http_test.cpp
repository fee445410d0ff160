// The voice of children and independent scrutiny registers over HTTP against a real server on
// loopback: the API's lists paged by cursor and filtered (kind, year, awaiting a response),
// figures by year and kind, problem+json naming the field that saves nothing (an undated
// response, a response dated before the activity, a kind of the other register), 409 on a stale
// version, the two registers kept apart, who may read and write, the pages with their error
// summary, CSRF, filters, pagination, CSV and XLSX and dates in words; and the child death panel
// the administrator shares between partnerships, with its combined figures beside the area's own.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class VoiceHttp : public ::testing::Test {
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
    json items(const std::string& path) { return ok(server->client().Get(path, bu), 200)["items"]; }
    static json survey(const std::string& title = "Safeguarding survey", const std::string& held_on = "2026-05-11") {
        return {{"kind", "survey"},
                {"title", title},
                {"led_by", "Voice for Children"},
                {"held_on", held_on},
                {"children_heard", 1808},
                {"how_heard", "Online questionnaire in every secondary school"},
                {"points",
                 {{{"point", "Online safety worries most of them"}, {"response", "Briefings for practitioners"}, {"responded_on", "2026-08-03"}},
                  {{"point", "Neglect"}}}}};
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
};

}  // namespace

TEST_F(VoiceHttp, AnActivityThroughTheApiWithItsDatedResponsesFiguresAndProblems) {
    json bad = survey();
    bad["points"][0].erase("responded_on");
    auto r = send("POST", "/api/v1/voice", bad, bu);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(ok(r, 422)["errors"][0]["field"], "responded_on1");
    bad = survey();
    bad["points"][0]["responded_on"] = "2026-05-10";  // the day before the survey
    EXPECT_EQ(ok(send("POST", "/api/v1/voice", bad, bu), 422)["errors"][0]["field"], "responded_on1");
    bad = survey();
    bad["kind"] = "audit";
    EXPECT_EQ(ok(send("POST", "/api/v1/voice", bad, bu), 422)["errors"][0]["field"], "kind") << "a kind of the scrutiny register";
    bad = survey();
    bad["points"] = "Neglect";
    EXPECT_EQ(ok(send("POST", "/api/v1/voice", bad, bu), 422)["errors"][0]["field"], "points");
    bad = survey();
    bad["points"][1]["point"] = "";
    EXPECT_EQ(ok(send("POST", "/api/v1/voice", bad, bu), 422)["errors"][0]["field"], "point2") << "a point sent is never dropped";
    EXPECT_EQ(items("/api/v1/voice").size(), 0u) << "nothing saved";

    const json made = ok(send("POST", "/api/v1/voice", survey(), bu), 201);
    EXPECT_EQ(made["register"], "voice");
    EXPECT_EQ(made["points"][0]["responded_on"], "2026-08-03");
    EXPECT_TRUE(made["points"][1]["response"].is_null());
    EXPECT_EQ(made["answered"], 1);
    EXPECT_EQ(made["awaiting"], 1);
    const std::string path = "/api/v1/voice/" + std::to_string(made["id"].get<int>());
    EXPECT_EQ(server->client().Get("/api/v1/scrutiny/" + std::to_string(made["id"].get<int>()), bu)->status, 404) << "not the other register's";

    json change = survey();
    change["points"][1]["response"] = "A neglect strategy";
    change["points"][1]["responded_on"] = "2026-04-30";  // before the survey was held
    change["version"] = 1;
    EXPECT_EQ(ok(send("PUT", path, change, bu), 422)["errors"][0]["field"], "responded_on2");
    change["points"][1]["responded_on"] = "2026-07-01";
    const json changed = ok(send("PUT", path, change, bu), 200);
    EXPECT_EQ(changed["version"], 2);
    EXPECT_EQ(changed["awaiting"], 0);
    EXPECT_EQ(send("PUT", path, change, bu)->status, 409) << "version 1 is stale now";
    EXPECT_EQ(ok(server->client().Get(path, auth(Role::scrutineer)), 200)["points"][1]["responded_on"], "2026-07-01");

    const json f = ok(server->client().Get("/api/v1/voice/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["register"], "voice");
    EXPECT_EQ(f["activities"], 1);
    EXPECT_EQ(f["children_heard"], 1808);
    EXPECT_EQ(f["points"], 2);
    EXPECT_EQ(f["answered"], 2);
    EXPECT_EQ(f["answered_percent"], 100);
    EXPECT_EQ(f["by_kind"]["survey"]["activities"], 1);
    EXPECT_EQ(f["by_kind"]["challenge_day"]["activities"], 0) << "every kind of the register";
    EXPECT_FALSE(f["by_kind"].contains("audit")) << "not a kind of this register";
    EXPECT_EQ(ok(server->client().Get("/api/v1/voice/figures?year=2026", bu), 422)["errors"][0]["field"], "year");
    EXPECT_EQ(ok(server->client().Get("/api/v1/scrutiny/figures?year=2026-27", bu), 200)["activities"], 0);
}

TEST_F(VoiceHttp, ListsArePagedAndFilteredByKindYearAndAwaitingAResponse) {
    for (int i = 1; i <= 3; ++i) ok(send("POST", "/api/v1/voice", survey("Survey " + std::to_string(i), "2026-0" + std::to_string(i + 4) + "-10"), bu), 201);
    json answered = survey("All answered", "2025-11-10");
    answered["kind"] = "young_advisers";
    answered["points"] = {{{"point", "Keep the Charter's promises"}, {"response", "Pledges reviewed every year"}, {"responded_on", "2025-12-16"}}};
    ok(send("POST", "/api/v1/voice", answered, bu), 201);
    const json visit = {{"kind", "frontline_visit"}, {"title", "Visit to the front door"}, {"led_by", "Independent scrutineer"},
                        {"held_on", "2026-09-14"}, {"points", {{{"point", "Record the child's words"}}}}};
    ok(send("POST", "/api/v1/scrutiny", visit, bu), 201);

    const json first = ok(server->client().Get("/api/v1/voice?limit=2", bu), 200);
    ASSERT_EQ(first["items"].size(), 2u);
    EXPECT_EQ(first["items"][0]["title"], "Survey 3");
    const json second = ok(server->client().Get("/api/v1/voice?limit=2&cursor=" + first["next"].get<std::string>(), bu), 200);
    EXPECT_EQ(second["items"][0]["title"], "Survey 1");
    EXPECT_EQ(items("/api/v1/voice?awaiting=yes").size(), 3u);
    EXPECT_EQ(items("/api/v1/voice?kind=young_advisers")[0]["title"], "All answered");
    EXPECT_EQ(items("/api/v1/voice?year=2025-26").size(), 1u);
    EXPECT_EQ(items("/api/v1/scrutiny").size(), 1u) << "the registers are apart";
    EXPECT_EQ(items("/api/v1/scrutiny?awaiting=yes").size(), 1u);
    EXPECT_EQ(ok(server->client().Get("/api/v1/voice?kind=audit", bu), 422)["errors"][0]["field"], "kind");
    EXPECT_EQ(ok(server->client().Get("/api/v1/voice?awaiting=maybe", bu), 422)["errors"][0]["field"], "awaiting");

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/registers/voice?limit=2");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("govuk-pagination"), std::string::npos);
    EXPECT_NE(page->body.find("10 July 2026"), std::string::npos) << "dates in words";
    EXPECT_NE(page->body.find("1 of 2 awaiting a response"), std::string::npos);
    auto awaiting = b.get("/registers/voice?awaiting=yes&kind=young_advisers");
    ASSERT_EQ(awaiting->status, 200);
    EXPECT_NE(awaiting->body.find("There are no entries to show here."), std::string::npos);
    EXPECT_EQ(b.get("/registers/voice?kind=audit")->status, 422);
    auto csv = b.get("/registers/voice.csv?kind=young_advisers");
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("Pledges reviewed every year,2025-12-16"), std::string::npos) << csv->body;
    EXPECT_EQ(csv->body.find("Survey 1"), std::string::npos) << "filtered";
    auto xlsx = b.get("/registers/scrutiny.xlsx");
    ASSERT_EQ(xlsx->status, 200);
    EXPECT_EQ(xlsx->body.rfind("PK", 0), 0u) << "a workbook";
    auto scrutiny = b.get("/registers/scrutiny");
    ASSERT_EQ(scrutiny->status, 200);
    EXPECT_NE(scrutiny->body.find("Visit to the front door"), std::string::npos);
    EXPECT_EQ(scrutiny->body.find("Survey 1"), std::string::npos);
    auto index = b.get("/registers");
    EXPECT_NE(index->body.find("href=\"/registers/voice\""), std::string::npos);
    EXPECT_NE(index->body.find("href=\"/registers/scrutiny\""), std::string::npos);
}

TEST_F(VoiceHttp, ThePagesShowYouSaidWeDidAndTheFormSavesNothingWhenWrong) {
    const json made = ok(send("POST", "/api/v1/voice", survey(), bu), 201);
    const std::string id = std::to_string(made["id"].get<int>());
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto record = b.get("/registers/voice/" + id);
    ASSERT_EQ(record->status, 200);
    EXPECT_NE(record->body.find("You said, we did"), std::string::npos);
    EXPECT_NE(record->body.find("Briefings for practitioners"), std::string::npos);
    EXPECT_NE(record->body.find("3 August 2026"), std::string::npos) << "the response's date in words";
    EXPECT_NE(record->body.find("Awaiting a response"), std::string::npos);
    EXPECT_NE(record->body.find("11 May 2026"), std::string::npos);
    auto figures = b.get("/registers/voice/figures?year=2026-27");
    ASSERT_EQ(figures->status, 200);
    EXPECT_NE(figures->body.find("Activities in 2026 to 2027 by kind"), std::string::npos) << figures->body;
    EXPECT_NE(figures->body.find("1,808"), std::string::npos);
    EXPECT_EQ(b.get("/registers/voice/figures?year=soon")->status, 422);
    auto edit = b.get("/registers/voice/" + id + "/edit");
    ASSERT_EQ(edit->status, 200);
    EXPECT_NE(edit->body.find("name=\"responded_on1-day\" type=\"text\" inputmode=\"numeric\" value=\"03\""), std::string::npos)
        << "the response's date filled in";
    EXPECT_NE(edit->body.find("name=\"responded_on2-day\" type=\"text\" inputmode=\"numeric\" value=\"\""), std::string::npos);

    ASSERT_EQ(b.get("/registers/voice/new")->status, 200);
    httplib::Params form{{"kind", "consultation"}, {"title", "Focus group on concerns"}, {"led_by", "Children's Engagement Sub Group"},
                         {"held_on-day", "5"}, {"held_on-month", "10"}, {"held_on-year", "2026"}, {"children_heard", "14"},
                         {"how_heard", "A focus group in two schools"}, {"point1", ""}, {"point2", "Tell us what happened next"},
                         {"response2", "Agencies will write back"}, {"responded_on2-day", "4"}, {"responded_on2-month", "10"},
                         {"responded_on2-year", "2026"}};
    auto refused = b.post("/registers/voice", form);
    ASSERT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(refused->body.find("href=\"#responded_on2\""), std::string::npos) << "the slot typed in, before the focus group";
    EXPECT_NE(refused->body.find("on or after the day the activity was held"), std::string::npos);
    EXPECT_EQ(items("/api/v1/voice?kind=consultation").size(), 0u) << "nothing saved";
    auto no_csrf = b.post("/registers/voice", form, false);
    EXPECT_EQ(no_csrf->status, 403);
    for (auto& [k, v] : form) {
        if (k == "responded_on2-day") v = "6";
    }
    EXPECT_EQ(b.post("/registers/voice", form, false)->status, 403) << "no CSRF token, no change";
    EXPECT_EQ(items("/api/v1/voice?kind=consultation").size(), 0u);
    auto saved = b.post("/registers/voice", form);
    ASSERT_EQ(saved->status, 303);
    const json kept = items("/api/v1/voice?kind=consultation");
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0]["points"].size(), 1u) << "the empty slot dropped";
    EXPECT_EQ(kept[0]["points"][0]["responded_on"], "2026-10-06");
}

TEST_F(VoiceHttp, TheBusinessUnitWritesAndThoseWhoHoldThePartnershipToAccountRead) {
    const json made = ok(send("POST", "/api/v1/voice", survey(), bu), 201);
    const std::string id = std::to_string(made["id"].get<int>());
    for (Role role : {Role::partner_lead, Role::scrutineer}) {
        EXPECT_EQ(server->client().Get("/api/v1/voice/" + id, auth(role))->status, 200) << role_key(role);
        EXPECT_EQ(server->client().Get("/api/v1/scrutiny/figures", auth(role))->status, 200) << role_key(role);
        EXPECT_EQ(send("POST", "/api/v1/voice", survey(), auth(role))->status, 403) << role_key(role);
    }
    for (Role role : {Role::member, Role::agency_lead, Role::read_only, Role::administrator}) {
        EXPECT_EQ(server->client().Get("/api/v1/voice/" + id, auth(role))->status, 403) << role_key(role);
        EXPECT_EQ(server->client().Get("/api/v1/scrutiny", auth(role))->status, 403) << role_key(role);
    }
    Browser scrutineer(*server);
    ASSERT_TRUE(scrutineer.sign_in(server->email(Role::scrutineer)));
    auto page = scrutineer.get("/registers/voice/" + id);
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("/edit\" role=\"button\""), std::string::npos) << "no Change button for a reader";
    EXPECT_EQ(scrutineer.get("/registers/voice/new")->status, 403);
    EXPECT_EQ(scrutineer.post("/registers/voice/" + id, {{"title", "Changed"}, {"version", "1"}})->status, 403);
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get("/registers/scrutiny")->status, 403);
    EXPECT_EQ(ok(server->client().Get("/api/v1/voice/" + id, bu), 200)["version"], 1) << "nothing changed";
}

// The administrator names the panel and ticks the partnerships on this server it covers; each
// area's figures then show the panel's counts beside its own, and no other area's record.
TEST_F(VoiceHttp, TheAdministratorSharesAChildDeathPanelAndItsFiguresStandBesideTheAreas) {
    PartnershipId sefton;
    server->services().store.write([&](Transaction& tx) {
        sefton = tx.partnerships().insert({PartnershipId{}, "sefton", "Sefton SCP", "Sefton"}, PartnershipRules{});
        for (const auto& [p, ref] : std::vector<std::pair<PartnershipId, std::string>>{{PartnershipId{1}, "K1"}, {sefton, "S1"}, {sefton, "S2"}}) {
            ChildDeath d;
            d.partnership = p;
            d.reference = ref;
            d.died_on = *Date::parse("2026-05-01");
            d.sex = Sex::female;
            d.age_band = AgeBand::under_28_days;
            tx.registers().insert_child_death(d);
        }
    });
    EXPECT_TRUE(ok(server->client().Get("/api/v1/child-death-panel", bu), 200)["panel"].is_null());
    EXPECT_TRUE(ok(server->client().Get("/api/v1/child-deaths/figures?year=2026-27", bu), 200)["panel"].is_null());

    Browser admin(*server);
    ASSERT_TRUE(admin.sign_in(server->email(Role::administrator)));
    auto page = admin.get("/partnerships/child-death-panel");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Sefton SCP"), std::string::npos) << "every partnership on the server is offered";
    auto refused = admin.post("/partnerships/child-death-panel", {{"name", ""}, {"partnerships", "1"}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("href=\"#name\""), std::string::npos);
    EXPECT_EQ(admin.post("/partnerships/child-death-panel", {{"name", "Merseyside CDOP"}, {"partnerships", "1"}}, false)->status, 403) << "CSRF";
    EXPECT_TRUE(ok(server->client().Get("/api/v1/child-death-panel", bu), 200)["panel"].is_null()) << "nothing saved";
    httplib::Params form{{"name", "Merseyside CDOP"}, {"partnerships", "1"}, {"partnerships", sefton.str()}};
    ASSERT_EQ(admin.post("/partnerships/child-death-panel", form)->status, 303);
    EXPECT_NE(admin.get("/partnerships/child-death-panel")->body.find("This partnership sits on <strong>Merseyside CDOP</strong>"), std::string::npos);

    const json panel = ok(server->client().Get("/api/v1/child-death-panel", bu), 200)["panel"];
    EXPECT_EQ(panel["name"], "Merseyside CDOP");
    EXPECT_EQ(panel["partnerships"].size(), 2u);
    const json f = ok(server->client().Get("/api/v1/child-deaths/figures?year=2026-27", bu), 200);
    EXPECT_EQ(f["deaths"], 1) << "the area's own";
    EXPECT_EQ(f["panel"]["figures"]["deaths"], 3) << "every member's";
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto figures = b.get("/registers/child-deaths/figures?year=2026-27");
    ASSERT_EQ(figures->status, 200);
    EXPECT_NE(figures->body.find("<th scope=\"col\" class=\"govuk-table__header\">Merseyside CDOP</th>"), std::string::npos);
    EXPECT_NE(figures->body.find("<td class=\"govuk-table__cell\">1</td><td class=\"govuk-table__cell\">3</td>"), std::string::npos);

    EXPECT_EQ(server->client().Get("/api/v1/child-death-panel", auth(Role::member))->status, 403);
    EXPECT_EQ(send("PUT", "/api/v1/child-death-panel", {{"name", "Mine"}, {"partnerships", {1}}}, bu)->status, 403);
    EXPECT_EQ(b.get("/partnerships/child-death-panel")->status, 403) << "the administrator's page";
    const httplib::Headers admin_api = auth(Role::administrator);
    EXPECT_EQ(ok(send("PUT", "/api/v1/child-death-panel", {{"name", "Mine"}, {"partnerships", "1"}}, admin_api), 422)["errors"][0]["field"],
              "partnerships");
    EXPECT_EQ(ok(send("PUT", "/api/v1/child-death-panel", {{"name", "Mine"}, {"partnerships", {9999}}}, admin_api), 422)["errors"][0]["field"],
              "partnerships");
    const json moved = ok(send("PUT", "/api/v1/child-death-panel", {{"name", "Merseyside CDOP"}, {"partnerships", {1}}}, admin_api), 200);
    EXPECT_EQ(moved["panel"]["partnerships"].size(), 1u);
    EXPECT_EQ(ok(server->client().Get("/api/v1/child-deaths/figures?year=2026-27", bu), 200)["panel"]["figures"]["deaths"], 1);
}

// No list asks a query per row (decision 0007): the voice and scrutiny lists, pages and API, run
// as many statements over twelve activities, each with its points, as over two.
TEST(VoiceStatements, ListsRunAsManyStatementsForTwelveActivitiesAsForTwo) {
    Server server([](web::WebConfig& c) { c.count_statements = true; });
    const auto bu = httplib::Headers{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    int added = 0;
    const auto add = [&](int n) {
        for (int i = 0; i < n; ++i, ++added) {
            const json voice = {{"kind", "survey"}, {"title", "Survey " + std::to_string(added)}, {"led_by", "Voice for Children"},
                                {"held_on", "2026-05-11"}, {"how_heard", "Questionnaire"},
                                {"points", {{{"point", "A"}, {"response", "B"}, {"responded_on", "2026-06-01"}}, {{"point", "C"}}}}};
            ASSERT_EQ(server.client().Post("/api/v1/voice", bu, voice.dump(), "application/json")->status, 201);
            const json visit = {{"kind", "audit"}, {"title", "Audit " + std::to_string(added)}, {"led_by", "Independent scrutineer"},
                                {"held_on", "2026-05-12"}, {"points", {{{"point", "Record the child's words"}}}}};
            ASSERT_EQ(server.client().Post("/api/v1/scrutiny", bu, visit.dump(), "application/json")->status, 201);
        }
    };
    Browser b(server);
    ASSERT_TRUE(b.sign_in(server.email(Role::business_unit)));
    const std::vector<std::string> pages = {"/registers/voice", "/registers/scrutiny", "/api/v1/voice", "/api/v1/scrutiny"};
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
