// Lead and delegated safeguarding partners over HTTP (issue 20 item 2): the business unit records
// the council's lead and a delegate from the page, then the lead's last day; bad input shows the
// error summary and saves nothing; a second lead over the same days is refused naming the first;
// the API answers the same list, records with 201 and refuses with problem+json naming the
// field; a member reads but may not record.
#include <nlohmann/json.hpp>

#include <set>

#include "app/partnership.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

class PartnersHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        const Actor system = Actor::system(PartnershipId{1});
        mike = create_person(server->services(), system, {"Mike Harden", "Chief Executive", server->council().str(), "mike@example.org"}).id.str();
        rachel = create_person(server->services(), system, {"Rachel Ainsworth", "Director of Children's Services", server->council().str(),
                                                            "rachel@example.org"}).id.str();
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    std::unique_ptr<Server> server;
    std::string mike, rachel;
};

}  // namespace

TEST_F(PartnersHttp, TheBusinessUnitRecordsALeadAndADelegateAndTheLeadsLastDay) {
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    ASSERT_EQ(unit.get("/partners")->status, 200);
    const auto form = unit.get("/partners/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form, "Lead safeguarding partner"));

    const auto empty = unit.post("/partners", {{"agency_id", ""}, {"person_id", ""}, {"from-day", ""}, {"from-month", ""}, {"from-year", ""}});
    EXPECT_EQ(empty->status, 422);
    EXPECT_TRUE(has(empty, "govuk-error-summary"));
    EXPECT_TRUE(has(empty, "Select one of the statutory partners"));
    EXPECT_TRUE(has(empty, "Select whether they are the lead safeguarding partner or a delegate"));
    EXPECT_EQ(server->count_audit("partner."), 0) << "nothing saved";

    const std::string council = server->council().str();
    auto saved = unit.post("/partners", {{"agency_id", council}, {"person_id", mike}, {"role", "lead"},
                                         {"from-day", "1"}, {"from-month", "4"}, {"from-year", "2020"}});
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(saved->get_header_value("Location"), "/partners?saved=appointed");
    saved = unit.post("/partners", {{"agency_id", council}, {"person_id", rachel}, {"role", "delegate"},
                                    {"from-day", "29"}, {"from-month", "9"}, {"from-year", "2019"}});
    ASSERT_EQ(saved->status, 303);
    EXPECT_EQ(server->count_audit("partner.appoint"), 2);

    const auto second = unit.post("/partners", {{"agency_id", council}, {"person_id", rachel}, {"role", "lead"},
                                                {"from-day", "1"}, {"from-month", "1"}, {"from-year", "2024"}});
    EXPECT_EQ(second->status, 422);
    EXPECT_TRUE(has(second, "Mike Harden is this partner&#39;s lead safeguarding partner from 1 April 2020") ||
                has(second, "Mike Harden is this partner&apos;s lead safeguarding partner from 1 April 2020"))
        << second->body;
    EXPECT_EQ(server->count_audit("partner.appoint"), 2);

    auto page = unit.get("/partners?saved=appointed");
    EXPECT_TRUE(has(page, "Safeguarding partner recorded."));
    EXPECT_TRUE(has(page, "Mike Harden<br><span class=\"govuk-body-s\">Chief Executive</span><br><span class=\"govuk-body-s\">Since 1 April 2020"))
        << page->body;
    EXPECT_TRUE(has(page, "Delegated safeguarding partner</dt>"));

    const json listed = json::parse(server->client().Get("/api/v1/partners", auth(Role::member))->body);
    ASSERT_EQ(listed["items"].size(), 2U);
    const auto lead = std::find_if(listed["items"].begin(), listed["items"].end(), [](const json& j) { return j["role"] == "lead"; });
    ASSERT_NE(lead, listed["items"].end());
    const std::string end_path = "/partners/" + std::to_string((*lead)["id"].get<std::int64_t>()) + "/end";
    EXPECT_EQ((*lead)["current"], true);
    EXPECT_TRUE((*lead)["to"].is_null());

    ASSERT_EQ(unit.get(end_path)->status, 200);
    const auto before_start = unit.post(end_path, {{"to-day", "31"}, {"to-month", "3"}, {"to-year", "2020"}});
    EXPECT_EQ(before_start->status, 422);
    EXPECT_TRUE(has(before_start, "The last day must be on or after the first, 1 April 2020"));
    const auto ended = unit.post(end_path, {{"to-day", "31"}, {"to-month", "3"}, {"to-year", "2025"}});
    ASSERT_EQ(ended->status, 303);
    EXPECT_EQ(server->count_audit("partner.end"), 1);
    page = unit.get("/partners?saved=ended");
    EXPECT_TRUE(has(page, "Mike Harden, lead safeguarding partner, 1 April 2020 to 31 March 2025")) << page->body;
    // Now Rachel may be the lead from the day after.
    EXPECT_EQ(unit.post("/partners", {{"agency_id", council}, {"person_id", rachel}, {"role", "lead"},
                                      {"from-day", "1"}, {"from-month", "4"}, {"from-year", "2025"}})->status, 303);
}

TEST_F(PartnersHttp, TheApiRecordsRefusesAndAMemberOnlyReads) {
    const json body{{"agency_id", server->council().value}, {"person_id", std::stoll(mike)}, {"role", "lead"}, {"from", "2020-04-01"}};
    const auto refused = server->client().Post("/api/v1/partners", auth(Role::member), body.dump(), "application/json");
    EXPECT_EQ(refused->status, 403);
    const auto bad = server->client().Post("/api/v1/partners", auth(Role::business_unit),
                                           json{{"agency_id", server->council().value}, {"role", "chair"}, {"from", "2020-13-01"}}.dump(),
                                           "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    const json problem = json::parse(bad->body);
    std::set<std::string> fields;
    for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"person_id", "role", "from"}));
    const auto made = server->client().Post("/api/v1/partners", auth(Role::business_unit), body.dump(), "application/json");
    ASSERT_EQ(made->status, 201) << made->body;
    const json a = json::parse(made->body);
    EXPECT_EQ(a["person"], "Mike Harden");
    EXPECT_EQ(a["agency"], "Test Council");
    const auto ended = server->client().Post("/api/v1/partners/" + std::to_string(a["id"].get<std::int64_t>()) + "/end",
                                             auth(Role::business_unit), json{{"to", "2025-03-31"}}.dump(), "application/json");
    ASSERT_EQ(ended->status, 200);
    EXPECT_EQ(json::parse(ended->body)["current"], false);
    EXPECT_EQ(server->client().Post("/api/v1/partners/999/end", auth(Role::business_unit), json{{"to", "2025-03-31"}}.dump(),
                                    "application/json")->status, 404);

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    const auto page = member.get("/partners");
    ASSERT_EQ(page->status, 200);
    EXPECT_FALSE(has(page, "Record a safeguarding partner"));
    EXPECT_EQ(member.get("/partners/new")->status, 403);
}
