// A partnership's settings over real HTTP: the summary and one form per section (error
// summary, nothing saved on error), the API's flat settings object with field errors and
// versions, and adding a partnership, page and API, refused to every other role.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

class SettingsHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    std::unique_ptr<Server> server;

    json api_settings(Role role = Role::business_unit) {
        auto r = server->client().Get("/api/v1/partnership", {{"Authorization", "Bearer " + server->token(role)}});
        EXPECT_EQ(r->status, 200);
        return json::parse(r->body);
    }
};

TEST_F(SettingsHttp, TheBusinessUnitChangesTheLearningRulesAfterFixingAnError) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto summary = b.get("/settings");
    ASSERT_EQ(summary->status, 200);
    EXPECT_NE(summary->body.find("Learning and improvement"), std::string::npos);
    EXPECT_NE(summary->body.find("Test Council"), std::string::npos) << "the statutory partners are listed";
    auto form = b.get("/settings/learning");
    ASSERT_EQ(form->status, 200);
    const std::string version = Browser::hidden(form->body, "version");
    const std::string standards = "1 | Leadership | Leaders put children first\n2 | Training";
    const int audit_before = server->count_audit("partnership.");

    auto bad = b.post("/settings/learning", {{"version", version}, {"priorities", "Neglect\nneglect"}, {"section_11", standards},
                                             {"section_175", "A | Policies"}, {"stale_days", "0"},
                                             {"max_thematic_audits_per_year", "4"}, {"evidence_to_complete", "yes"}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("<title>Error: Learning and improvement settings"), std::string::npos);
    EXPECT_NE(bad->body.find("href=\"#priorities\">The priority"), std::string::npos) << bad->body;
    EXPECT_NE(bad->body.find("href=\"#stale_days\">"), std::string::npos);
    EXPECT_NE(bad->body.find("Neglect\nneglect</textarea>"), std::string::npos) << "what was typed is kept";
    EXPECT_EQ(api_settings()["max_thematic_audits_per_year"], 3);
    EXPECT_EQ(server->count_audit("partnership."), audit_before);

    auto good = b.post("/settings/learning", {{"version", version}, {"priorities", "Neglect\n\nOnline harm\n"},
                                              {"section_11", standards}, {"section_175", "A | Policies"}, {"stale_days", "45"},
                                              {"max_thematic_audits_per_year", "4"}, {"evidence_to_complete", "no"}});
    ASSERT_TRUE(good);
    EXPECT_EQ(good->status, 303);
    EXPECT_EQ(good->get_header_value("Location"), "/settings?saved=1");
    const json now = api_settings();
    EXPECT_EQ(now["priorities"], json::array({"Neglect", "Online harm"}));
    EXPECT_EQ(now["max_thematic_audits_per_year"], 4);
    EXPECT_EQ(now["evidence_to_complete"], false);
    EXPECT_EQ(now["section_11"].size(), 2u);
    EXPECT_EQ(now["section_11"][1]["prompt"], "");
    EXPECT_EQ(server->count_audit("partnership.settings"), 1);

    auto plan = b.get("/improvement");
    EXPECT_NE(plan->body.find("Online harm"), std::string::npos) << "the priority filter offers the new priorities";

    auto stale = b.post("/settings/learning", {{"version", version}, {"priorities", "Neglect"}, {"section_11", standards},
                                               {"section_175", "A | Policies"}, {"stale_days", "45"},
                                               {"max_thematic_audits_per_year", "4"}, {"evidence_to_complete", "no"}});
    EXPECT_EQ(stale->status, 409);
    EXPECT_EQ(api_settings()["priorities"].size(), 2u);
}

TEST_F(SettingsHttp, TheAnnualCycleFormReadsMonthNamesAndRefusesALineWithoutOne) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::administrator)));
    const std::string version = Browser::hidden(b.get("/settings/governance")->body, "version");
    const std::map<std::string, std::string> rest{{"expected_attendance", "80"}, {"deputy_exceptional_share", "25"},
                                                  {"attendance_window_months", "12"}, {"deputy_counts_as_attended", "yes"}};
    httplib::Params bad{{"version", version}, {"annual_cycle", "September: Annual report\nsometime: Away day"}};
    bad.insert(rest.begin(), rest.end());
    auto refused = b.post("/settings/governance", bad);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("Line 2: start with a month"), std::string::npos);

    httplib::Params good{{"version", version}, {"annual_cycle", "September: Annual report\nmar: Peer challenge"}};
    good.insert(rest.begin(), rest.end());
    EXPECT_EQ(b.post("/settings/governance", good)->status, 303);
    const json now = api_settings();
    EXPECT_EQ(now["annual_cycle"], json::parse(R"([{"month":9,"label":"Annual report"},{"month":3,"label":"Peer challenge"}])"));
    EXPECT_EQ(now["expected_attendance"], 80);
    EXPECT_NE(b.get("/settings")->body.find("March: Peer challenge"), std::string::npos);
}

TEST_F(SettingsHttp, TheHeaderCarriesThePartnershipsOwnText) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    EXPECT_NE(b.get("/")->body.find(">Test SCP</a></span>"), std::string::npos);
    const std::string version = Browser::hidden(b.get("/settings/profile")->body, "version");
    EXPECT_EQ(b.post("/settings/profile", {{"version", version}, {"name", "Test SCP"}, {"area", "Testshire"}, {"logo_text", "TSCP"}})->status,
              303);
    EXPECT_NE(b.get("/")->body.find(">TSCP</a></span>"), std::string::npos);
}

TEST_F(SettingsHttp, OtherRolesMayNotOpenOrChangeTheSettings) {
    for (const Role role : {Role::read_only, Role::member, Role::partner_lead, Role::agency_lead, Role::scrutineer}) {
        Browser b(*server);
        ASSERT_TRUE(b.sign_in(server->email(role)));
        EXPECT_EQ(b.get("/settings")->status, 403) << role_key(role);
        EXPECT_EQ(b.post("/settings/profile", {{"version", "1"}, {"name", "Taken over"}, {"area", "X"}})->status, 403);
        EXPECT_EQ(b.get("/partnerships")->status, 403);
    }
    EXPECT_EQ(api_settings()["name"], "Test SCP");
}

TEST_F(SettingsHttp, TheApiChangesSettingsWithFieldErrorsAndVersions) {
    const httplib::Headers auth{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    auto c = server->client();
    json settings = api_settings();
    ASSERT_TRUE(settings.contains("rapid_review_working_days"));
    const int version = settings["version"];

    auto bad = c.Patch("/api/v1/partnership", auth,
                       json{{"version", version}, {"rapid_review_working_days", 0}, {"priorities", "Neglect"},
                            {"section_11", json::array({{{"code", "1"}}})}, {"slug", "other"}}
                           .dump(),
                       "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    const json problem = json::parse(bad->body);
    std::set<std::string> fields;
    for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"priorities", "section_11", "slug"})) << problem.dump();
    EXPECT_EQ(api_settings()["version"], version);

    auto range = c.Patch("/api/v1/partnership", auth, json{{"version", version}, {"rapid_review_working_days", 0}}.dump(),
                         "application/json");
    ASSERT_EQ(range->status, 422);
    EXPECT_EQ(json::parse(range->body)["errors"][0]["field"], "rapid_review_working_days");

    // What GET returned, changed and sent back whole.
    settings["rapid_review_working_days"] = 12;
    settings["deputy_counts_as_attended"] = false;
    auto ok = c.Patch("/api/v1/partnership", auth, settings.dump(), "application/json");
    ASSERT_EQ(ok->status, 200) << ok->body;
    EXPECT_EQ(json::parse(ok->body)["rapid_review_working_days"], 12);
    EXPECT_EQ(json::parse(ok->body)["version"], version + 1);

    auto stale = c.Patch("/api/v1/partnership", auth, json{{"version", version}, {"stale_days", 10}}.dump(), "application/json");
    EXPECT_EQ(stale->status, 409);
    auto forbidden = c.Patch("/api/v1/partnership", {{"Authorization", "Bearer " + server->token(Role::member)}},
                             json{{"version", version + 1}, {"stale_days", 10}}.dump(), "application/json");
    EXPECT_EQ(forbidden->status, 403);
    EXPECT_EQ(api_settings()["stale_days"], 60);
}

TEST_F(SettingsHttp, AnAdministratorAddsAPartnershipWhoseAdministratorSignsIn) {
    Browser admin(*server);
    ASSERT_TRUE(admin.sign_in(server->email(Role::administrator)));
    ASSERT_EQ(admin.get("/partnerships/new")->status, 200);
    auto bad = admin.post("/partnerships", {{"name", "Halton CSP"}, {"area", "Halton"}, {"slug", "Halton CSP"},
                                            {"admin_name", "Harriet Admin"}, {"admin_job_title", "Manager"},
                                            {"admin_email", "harriet@halton.example"}, {"admin_password", "short"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("href=\"#slug\">"), std::string::npos);
    EXPECT_NE(bad->body.find("href=\"#admin_password\">"), std::string::npos);
    EXPECT_EQ(bad->body.find("value=\"short\""), std::string::npos) << "a password is never sent back";

    auto good = admin.post("/partnerships", {{"name", "Halton CSP"}, {"area", "Halton"}, {"slug", "halton"},
                                             {"admin_name", "Harriet Admin"}, {"admin_job_title", "Manager"},
                                             {"admin_email", "harriet@halton.example"}, {"admin_password", kPassword}});
    EXPECT_EQ(good->status, 303);
    EXPECT_NE(admin.get("/partnerships")->body.find("Halton CSP"), std::string::npos);

    Browser harriet(*server);
    ASSERT_TRUE(harriet.sign_in("harriet@halton.example"));
    // The password an administrator set is temporary: she chooses her own before anything else.
    EXPECT_EQ(harriet.get("/")->get_header_value("Location"), "/account/password");
    ASSERT_EQ(harriet.get("/account/password")->status, 200);  // the form, with its CSRF token
    const auto changed = harriet.post("/account/password", {{"current_password", kPassword},
                                                            {"new_password", "copper lantern thistle"},
                                                            {"confirm_password", "copper lantern thistle"}});
    EXPECT_EQ(changed->status, 303) << changed->body;
    ASSERT_TRUE(harriet.sign_in("harriet@halton.example", "copper lantern thistle")) << "her own password now";
    const auto home = harriet.get("/");
    EXPECT_NE(home->body.find(">Halton CSP</a></span>"), std::string::npos) << home->status << " " << home->get_header_value("Location");
    auto agencies = harriet.get("/agencies");
    EXPECT_EQ(agencies->body.find("Test Council"), std::string::npos) << "one partnership never sees another's directory";

    const httplib::Headers auth{{"Authorization", "Bearer " + server->token(Role::administrator)}};
    auto c = server->client();
    auto made = c.Post("/api/v1/partnerships", auth,
                       json{{"name", "Wirral SCP"}, {"area", "Wirral"}, {"slug", "wirral"}, {"admin_name", "Will Admin"},
                            {"admin_job_title", "Manager"}, {"admin_email", "will@wirral.example"}, {"admin_password", kPassword}}
                           .dump(),
                       "application/json");
    ASSERT_EQ(made->status, 201) << made->body;
    EXPECT_EQ(json::parse(made->body)["slug"], "wirral");
    auto list = c.Get("/api/v1/partnerships", auth);
    EXPECT_EQ(json::parse(list->body)["items"].size(), 3u);
    auto refused = c.Post("/api/v1/partnerships", {{"Authorization", "Bearer " + server->token(Role::business_unit)}},
                          json{{"name", "X"}}.dump(), "application/json");
    EXPECT_EQ(refused->status, 403);
}
