// The per-case audit tool over HTTP (issue 20 item 5): the business unit opens it from a thematic
// audit and adds a case (a missing pseudonym refused with the error summary); the council's
// agency lead fills in the council's audit of the case (submitting with a question ungraded
// refused); the unit records the moderation and adds the findings the grades support to the
// audit; the API reads and writes the same, 409 when stale, 403 for another agency's audit.
#include <nlohmann/json.hpp>

#include "app/learning.hpp"
#include "app/partnership.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

class CaseAuditsHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        police = create_agency(server->services(), Actor::system(PartnershipId{1}), {"Merseyside Police", "statutory_partner", "police", "police"}).id;
        const Actor unit{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit <u@example.org>"};
        audit = create_source(server->services(), unit, {"thematic_audit", "Neglect audit", "2026-11-01", "in_progress", "", {}}).id.str();
        base = "/learning/" + audit + "/case-audit";
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Params grades(const char* g, const char* skip = "") {
        httplib::Params p;
        for (const char* code : {"1", "2", "3", "4", "5", "6"}) {
            if (std::string(code) != skip) p.emplace(std::string("grade_") + code, g);
            p.emplace(std::string("comment_") + code, "From the records");
        }
        return p;
    }
    std::unique_ptr<Server> server;
    AgencyId police;
    std::string audit, base;
};

}  // namespace

TEST_F(CaseAuditsHttp, AnAuditsCasesAreGradedModeratedAndTheirFindingsAdded) {
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    EXPECT_TRUE(has(unit.get("/learning/" + audit), "href=\"" + base + "\""));
    auto page = unit.get(base);
    ASSERT_EQ(page->status, 200) << page->body;
    EXPECT_TRUE(has(page, "No case has been added yet."));
    EXPECT_TRUE(has(page, "Was the child seen, and seen alone"));

    auto refused = unit.post(base + "/cases", {{"summary", "Neglect"}, {"agency_ids", server->council().str()}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(has(refused, "govuk-error-summary"));
    EXPECT_TRUE(has(refused, "Enter a pseudonym for the case, like Case A"));
    auto added = unit.post(base + "/cases", {{"pseudonym", "Case A"}, {"summary", "Two children under five"}, {"agency_ids", server->council().str()},
                                             {"agency_ids", police.str()}});
    ASSERT_EQ(added->status, 303) << added->body;
    page = unit.get(base + "?saved=case");
    EXPECT_TRUE(has(page, "Case added."));
    EXPECT_TRUE(has(page, "0 of 2"));
    const auto at = page->body.find(base + "/cases/");
    ASSERT_NE(at, std::string::npos);
    const std::string one = page->body.substr(at, page->body.find('"', at) - at);

    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::agency_lead)));
    auto c = lead.get(one);
    ASSERT_EQ(c->status, 200);
    const std::string mine = one + "/agencies/" + server->council().str();
    EXPECT_TRUE(has(c, "href=\"" + mine + "\""));
    EXPECT_FALSE(has(c, "href=\"" + one + "/agencies/" + police.str() + "\"")) << "not another agency's";
    EXPECT_EQ(lead.get(one + "/agencies/" + police.str())->status, 403);
    ASSERT_EQ(lead.get(mine)->status, 200);
    auto form = grades("3", "6");
    form.emplace("version", "0");
    form.emplace("action", "submit");
    auto missing = lead.post(mine, form);
    ASSERT_EQ(missing->status, 422);
    EXPECT_TRUE(has(missing, "Question 6: choose a grade"));
    form = grades("3");
    form.emplace("version", "0");
    form.emplace("action", "submit");
    auto sent = lead.post(mine, form);
    ASSERT_EQ(sent->status, 303) << sent->body;
    EXPECT_TRUE(has(lead.get(one + "?saved=submitted"), "Audit submitted."));
    EXPECT_EQ(lead.get(one + "/moderation")->status, 403);

    auto meeting = grades("3");
    meeting.emplace("version", "0");
    meeting.emplace("met_on-day", "20");
    meeting.emplace("met_on-month", "11");
    meeting.emplace("met_on-year", "2026");
    meeting.emplace("notes", "Agreed: the plan was not specific");
    auto moderated = unit.post(one + "/moderation", meeting);
    ASSERT_EQ(moderated->status, 303) << moderated->body;
    c = unit.get(one + "?saved=moderation");
    EXPECT_TRUE(has(c, "Agreed at the moderation meeting on 20 November 2026."));

    page = unit.get(base);
    EXPECT_TRUE(has(page, "Area for development"));
    EXPECT_TRUE(has(page, "Graded requires improvement or worse in 1 of 1"));
    const std::string version = std::to_string(json::parse(server->client().Get("/api/v1/learning/" + audit, auth(Role::business_unit))->body)["version"].get<int>());
    auto findings = unit.post(base + "/findings", {{"version", version}});
    ASSERT_EQ(findings->status, 303) << findings->body;
    EXPECT_TRUE(has(unit.get("/learning/" + audit), "Graded requires improvement or worse in 1 of 1"));
    EXPECT_EQ(server->count_audit("case_audit."), 3);
}

TEST_F(CaseAuditsHttp, TheApiReadsAndWritesTheSame) {
    auto c = server->client();
    const std::string api = "/api/v1/learning/" + audit + "/case-audit";
    auto added = c.Post(api + "/cases", auth(Role::business_unit),
                        json{{"pseudonym", "Case A"}, {"summary", "Neglect"}, {"agency_ids", {server->council().value, police.value}}}.dump(), "application/json");
    ASSERT_EQ(added->status, 201) << added->body;
    const std::string one = api + "/cases/" + std::to_string(json::parse(added->body)["id"].get<std::int64_t>());
    auto twice = c.Post(api + "/cases", auth(Role::business_unit), json{{"pseudonym", "case a"}, {"summary", "x"}, {"agency_ids", {police.value}}}.dump(), "application/json");
    ASSERT_EQ(twice->status, 422);
    EXPECT_EQ(twice->get_header_value("Content-Type"), "application/problem+json");

    json answers = json::array();
    for (const char* code : {"1", "2", "3", "4", "5", "6"}) answers.push_back({{"code", code}, {"grade", "2"}, {"comment", ""}});
    const auto put = [&](const std::string& path, const json& body, Role as) { return c.Put(path, auth(as), body.dump(), "application/json"); };
    EXPECT_EQ(put(one + "/agencies/" + police.str(), {{"version", 0}, {"answers", answers}, {"submit", true}}, Role::agency_lead)->status, 403);
    auto saved = put(one + "/agencies/" + server->council().str(), {{"version", 0}, {"answers", answers}, {"submit", true}}, Role::agency_lead);
    ASSERT_EQ(saved->status, 200) << saved->body;
    EXPECT_EQ(json::parse(saved->body)["version"], 1);
    EXPECT_EQ(put(one + "/moderation", {{"version", 1}, {"met_on", "2026-11-20"}, {"answers", answers}}, Role::business_unit)->status, 409);
    auto wrong = put(one + "/moderation", {{"version", 0}, {"met_on", "2026-11-20"}, {"answers", {{{"code", "1"}, {"grade", "7"}}}}}, Role::business_unit);
    ASSERT_EQ(wrong->status, 422);
    ASSERT_EQ(put(one + "/moderation", {{"version", 0}, {"met_on", "2026-11-20"}, {"answers", answers}}, Role::business_unit)->status, 200);

    auto read = c.Get(api, auth(Role::member));
    ASSERT_EQ(read->status, 200);
    const json v = json::parse(read->body);
    EXPECT_EQ(v["cases"][0]["audits_submitted"], 1);
    EXPECT_EQ(v["cases"][0]["moderated_on"], "2026-11-20");
    EXPECT_EQ(v["results"][0]["grades"]["2"], 1);
    ASSERT_EQ(v["findings_supported"].size(), 6u);
    EXPECT_EQ(v["findings_supported"][0]["kind"], "good_practice");
    auto added_findings = c.Post(api + "/findings", auth(Role::business_unit), json{{"version", v["version"]}}.dump(), "application/json");
    ASSERT_EQ(added_findings->status, 200) << added_findings->body;
    EXPECT_EQ(json::parse(added_findings->body)["added"], 6);
}
