// The schools register and rounds of school audits over HTTP (issue 20 item 3): the business unit
// imports the register (a wrong row refused with the error summary, nothing saved), reads it by
// phase, adds a setting (a URN twice refused), starts a round that invites its duty's settings in
// one step, sees its results by phase and invites a setting added since; the API does the same,
// answering problem+json naming the field; a member may read but not change.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

const std::string kSheet =
    "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),Designated safeguarding lead,Lead's email\n"
    "104478,Halewood Primary,Community school,Primary,Jo Shaw,jo.shaw@halewood.sch.uk\n"
    "104479,\"St Anne's Catholic Primary, Huyton\",Voluntary aided school,Primary,Ali Khan,ali.khan@stannes.sch.uk\n"
    "137000,All Saints High,Academy converter,Secondary,Sam Hughes,sam.hughes@allsaints.sch.uk\n"
    "130498,Knowsley College,Further education,16 plus,,\n";

class SchoolsHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result upload(Browser& b, const std::string& bytes) {
        httplib::MultipartFormDataItems items{{"csrf_token", b.csrf, "", ""}, {"file", bytes, "register.csv", "text/csv"}};
        return b.http.Post("/schools/import", {{"Cookie", b.cookie}}, items);
    }
    httplib::Result api_post(const std::string& path, const json& body, Role as = Role::business_unit) {
        return server->client().Post(path, auth(as), body.dump(), "application/json");
    }
    static std::set<std::string> fields(const httplib::Result& r) {
        std::set<std::string> out;
        const json problem = json::parse(r->body);
        for (const auto& e : problem["errors"]) out.insert(e["field"].get<std::string>());
        return out;
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(SchoolsHttp, TheUnitImportsTheRegisterAndStartsARoundThatInvitesInOneStep) {
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    EXPECT_TRUE(has(unit.get("/audits"), "href=\"/schools\""));
    EXPECT_TRUE(has(unit.get("/schools"), "The register is empty."));

    auto refused = upload(unit, kSheet + "12,Short,Community school,Primary,,\n");
    ASSERT_EQ(refused->status, 422) << refused->body;
    EXPECT_TRUE(has(refused, "govuk-error-summary"));
    EXPECT_TRUE(has(refused, "Row 6: enter a URN of 6 digits"));
    EXPECT_EQ(server->count_audit("school."), 0) << "nothing saved";

    auto done = upload(unit, kSheet);
    ASSERT_EQ(done->status, 303) << done->body;
    EXPECT_EQ(done->get_header_value("Location"), "/schools?saved=import&added=4&updated=0&unchanged=0");
    EXPECT_EQ(server->count_audit("school.create"), 4);
    auto reg = unit.get("/schools?saved=import&added=4&updated=0&unchanged=0");
    ASSERT_EQ(reg->status, 200);
    EXPECT_TRUE(has(reg, "Register imported: 4 added, 0 updated, 0 as they were."));
    EXPECT_TRUE(has(reg, "4 active settings in the register"));
    EXPECT_TRUE(has(reg, "Primary: 2"));
    EXPECT_TRUE(has(reg, "St Anne&#39;s Catholic Primary, Huyton") || has(reg, "St Anne&apos;s Catholic Primary, Huyton")) << reg->body;
    EXPECT_TRUE(has(reg, "mailto:jo.shaw@halewood.sch.uk"));
    auto primaries = unit.get("/schools?phase=secondary");
    EXPECT_TRUE(has(primaries, "All Saints High"));
    EXPECT_FALSE(has(primaries, "Halewood Primary"));

    auto twice = unit.post("/schools/new", {{"urn", "104478"}, {"name", "Halewood Again"}, {"phase", "primary"}});
    ASSERT_EQ(twice->status, 422);
    EXPECT_TRUE(has(twice, "URN 104478 is in the register already: Halewood Primary"));

    auto none = unit.post("/audits/schools/new", {{"title", "Section 175 audit 2026"}, {"opens", "2026-12-01"}, {"closes", "2027-02-26"}, {"scale", "rag"}});
    ASSERT_EQ(none->status, 422);
    EXPECT_TRUE(has(none, "Select the questions the round asks"));
    auto started = unit.post("/audits/schools/new", {{"title", "Section 175 audit 2026"}, {"duty", "section_175"}, {"opens", "2026-12-01"},
                                                     {"closes", "2027-02-26"}, {"scale", "rag"}});
    ASSERT_EQ(started->status, 303) << started->body;
    const std::string cycle = started->get_header_value("Location").substr(0, started->get_header_value("Location").find('?'));
    auto page = unit.get(cycle);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "Section 175 (maintained schools and colleges)"));
    EXPECT_TRUE(has(page, "Results by phase"));
    EXPECT_TRUE(has(page, "Returns submitted</dt><dd class=\"govuk-summary-list__value\">0 of 3")) << "not the academy";
    EXPECT_FALSE(has(page, "Invite them to this round"));

    ASSERT_EQ(unit.post("/schools/new", {{"urn", "104490"}, {"name", "Roby Primary"}, {"phase", "primary"}, {"type", "Community school"}})->status, 303);
    page = unit.get(cycle);
    EXPECT_TRUE(has(page, "Not invited yet: 1 setting added to the register since the round opened."));
    auto invited = unit.post(cycle + "/invite-schools", {{"version", "1"}});
    ASSERT_EQ(invited->status, 303);
    EXPECT_EQ(invited->get_header_value("Location"), cycle + "?invited=1");
    EXPECT_TRUE(has(unit.get(cycle + "?invited=1"), "1 setting added to the register since the round opened invited."));
}

TEST_F(SchoolsHttp, TheApiImportsAddsStartsAndReadsARoundByPhase) {
    auto c = server->client();
    auto imported = c.Post("/api/v1/schools/import", auth(Role::business_unit), kSheet, "text/csv");
    ASSERT_EQ(imported->status, 200) << imported->body;
    EXPECT_EQ(json::parse(imported->body)["added"], 4);
    auto bad = c.Post("/api/v1/schools/import", auth(Role::business_unit), "URN,Name\n104478,A\n104478,B\n", "text/csv");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(fields(bad), std::set<std::string>{"file"});

    auto list = c.Get("/api/v1/schools", auth(Role::member));
    ASSERT_EQ(list->status, 200);
    const json items = json::parse(list->body)["items"];
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0]["name"], "All Saints High");
    EXPECT_EQ(items[0]["duty"], "section_157");

    auto twice = api_post("/api/v1/schools", {{"urn", "104478"}, {"name", "Again"}, {"phase", "primary"}});
    ASSERT_EQ(twice->status, 422);
    EXPECT_EQ(twice->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(fields(twice), std::set<std::string>{"urn"});
    EXPECT_EQ(api_post("/api/v1/schools", {{"urn", "104491"}, {"name", "Whiston Primary"}, {"phase", "primary"}}, Role::member)->status, 403);

    auto round = api_post("/api/v1/audits/school-rounds",
                          {{"title", "Section 175 audit 2026"}, {"duty", "section_175"}, {"phases", {"primary"}}, {"opens", "2026-12-01"}, {"closes", "2027-02-26"}});
    ASSERT_EQ(round->status, 201) << round->body;
    const json r = json::parse(round->body);
    EXPECT_EQ(r["invited"], 2);
    const std::string id = std::to_string(r["id"].get<std::int64_t>());
    auto wrong_phase = api_post("/api/v1/audits/school-rounds", {{"title", "X"}, {"duty", "section_175"}, {"phases", {"upper"}}, {"opens", "2026-12-01"}, {"closes", "2027-02-26"}});
    ASSERT_EQ(wrong_phase->status, 422);
    EXPECT_EQ(fields(wrong_phase), std::set<std::string>{"phases"});

    ASSERT_EQ(api_post("/api/v1/schools", {{"urn", "104491"}, {"name", "Whiston Primary"}, {"phase", "primary"}})->status, 201);
    auto results = c.Get("/api/v1/audits/" + id + "/school-round", auth(Role::member));
    ASSERT_EQ(results->status, 200);
    const json view = json::parse(results->body);
    EXPECT_EQ(view["duty"], "section_175");
    EXPECT_EQ(view["not_invited"], 1);
    ASSERT_EQ(view["results_by_phase"].size(), 1u);
    EXPECT_EQ(view["results_by_phase"][0]["phase"], "primary");
    EXPECT_EQ(view["results_by_phase"][0]["invited"], 2);
    EXPECT_EQ(api_post("/api/v1/audits/" + id + "/invite-schools", {{"version", 2}})->status, 409) << "stale";
    auto invited = api_post("/api/v1/audits/" + id + "/invite-schools", {{"version", 1}});
    ASSERT_EQ(invited->status, 200) << invited->body;
    EXPECT_EQ(json::parse(invited->body)["invited"], 1);
}
