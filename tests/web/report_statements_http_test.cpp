// Agencies' assurance statements over HTTP (issue 18 item 3): an agency's safeguarding lead writes
// and submits their agency's statement, an empty one is refused with the error summary; the
// business unit returns it with a reason and accepts the next, which then appears in the report's
// appendix; a lead may not write another agency's; the API lists, saves at a version (409 when
// stale) and the report's JSON carries the accepted statements.
#include <nlohmann/json.hpp>

#include "app/partnership.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

class StatementsHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        police = create_agency(server->services(), Actor::system(PartnershipId{1}), {"Merseyside Police", "statutory_partner", "police", "police"}).id;
        council = server->council();
        mine = "/reports/2025-26/statements/" + council.str();
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    std::unique_ptr<Server> server;
    AgencyId police, council;
    std::string mine;
};

}  // namespace

TEST_F(StatementsHttp, TheLeadSubmitsTheUnitReturnsThenAcceptsAndTheReportCarriesIt) {
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::agency_lead)));
    auto list = lead.get("/reports/2025-26/statements");
    ASSERT_EQ(list->status, 200) << list->body;
    EXPECT_TRUE(has(list, "Test Council</a> <span class=\"govuk-body-s\">(your agency)</span>"));
    EXPECT_TRUE(has(list, "0 of 2 agencies&#39; statements accepted") || has(list, "0 of 2 agencies&apos;"))
        << list->body;
    ASSERT_EQ(lead.get(mine)->status, 200);

    auto empty = lead.post(mine, {{"version", "0"}, {"text", " "}, {"action", "submit"}});
    EXPECT_EQ(empty->status, 422);
    EXPECT_TRUE(has(empty, "govuk-error-summary"));
    EXPECT_TRUE(has(empty, "Write the statement"));
    EXPECT_EQ(server->count_audit("statement."), 0);

    auto sent = lead.post(mine, {{"version", "0"}, {"text", "We trained **300** staff."}, {"action", "submit"}});
    ASSERT_EQ(sent->status, 303) << sent->body;
    EXPECT_EQ(sent->get_header_value("Location"), mine + "?saved=submitted");
    auto page = lead.get(mine + "?saved=submitted");
    EXPECT_TRUE(has(page, "Statement submitted to the business unit."));
    EXPECT_TRUE(has(page, "<strong>300</strong>"));
    EXPECT_FALSE(has(page, "Save as a draft")) << "with the business unit now";
    EXPECT_EQ(lead.post("/reports/2025-26/statements/" + police.str(), {{"version", "0"}, {"text", "Not ours"}})->status, 403);

    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    page = unit.get(mine);
    EXPECT_TRUE(has(page, "Accept into the report"));
    const auto no_reason = unit.post(mine + "/return", {{"version", "2"}, {"comment", ""}});
    EXPECT_EQ(no_reason->status, 422);
    EXPECT_TRUE(has(no_reason, "Say what the agency should change"));
    ASSERT_EQ(unit.post(mine + "/return", {{"version", "2"}, {"comment", "Say what changed for children."}})->status, 303);

    ASSERT_EQ(lead.post(mine, {{"version", "3"}, {"text", "We trained 300 staff; referrals from housing officers doubled."}, {"action", "submit"}})->status, 303);
    ASSERT_EQ(unit.post(mine + "/accept", {{"version", "5"}})->status, 303);
    page = unit.get(mine);
    EXPECT_TRUE(has(page, "Returned for changes by Business unit Person"));
    EXPECT_TRUE(has(page, "Say what changed for children."));
    EXPECT_TRUE(has(page, "Accepted into the report by Business unit Person"));

    const auto report = unit.get("/reports/2025-26");
    ASSERT_EQ(report->status, 200);
    EXPECT_TRUE(has(report, "Appendix: partners&#39; contribution to safeguarding children") ||
                has(report, "Appendix: partners&apos; contribution to safeguarding children"));
    EXPECT_TRUE(has(report, "referrals from housing officers doubled"));
    EXPECT_EQ(server->count_audit("statement.accept"), 1);
}

TEST_F(StatementsHttp, TheApiListsSavesAtAVersionAndTheReportCarriesTheAccepted) {
    const std::string api = "/api/v1/reports/2025-26/statements";
    const auto listed = server->client().Get(api, auth(Role::read_only));
    ASSERT_EQ(listed->status, 200);
    const json items = json::parse(listed->body)["items"];
    ASSERT_EQ(items.size(), 2U);
    EXPECT_EQ(items[0]["state"], "not_started");

    const auto saved = server->client().Put(api + "/" + council.str(), auth(Role::agency_lead), json{{"text", "Our year"}, {"version", 0}}.dump(),
                                            "application/json");
    ASSERT_EQ(saved->status, 200) << saved->body;
    EXPECT_EQ(json::parse(saved->body)["version"], 1);
    const auto stale = server->client().Put(api + "/" + council.str(), auth(Role::agency_lead), json{{"text", "Again"}, {"version", 0}}.dump(),
                                            "application/json");
    EXPECT_EQ(stale->status, 409);
    const auto theirs = server->client().Put(api + "/" + police.str(), auth(Role::agency_lead), json{{"text", "x"}, {"version", 0}}.dump(),
                                             "application/json");
    EXPECT_EQ(theirs->status, 403);
    ASSERT_EQ(server->client().Post(api + "/" + council.str() + "/submit", auth(Role::agency_lead), json{{"version", 1}}.dump(), "application/json")->status, 200);
    EXPECT_EQ(server->client().Post(api + "/" + council.str() + "/accept", auth(Role::agency_lead), json{{"version", 2}}.dump(), "application/json")->status, 403);
    const auto bad = server->client().Post(api + "/" + council.str() + "/return", auth(Role::business_unit), json{{"version", 2}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(json::parse(bad->body)["errors"][0]["field"], "comment");
    ASSERT_EQ(server->client().Post(api + "/" + council.str() + "/accept", auth(Role::business_unit), json{{"version", 2}}.dump(), "application/json")->status, 200);

    const auto one = json::parse(server->client().Get(api + "/" + council.str(), auth(Role::member))->body);
    EXPECT_EQ(one["state"], "accepted");
    ASSERT_EQ(one["notes"].size(), 2U);
    EXPECT_EQ(one["notes"][1]["kind"], "accepted");
    const auto report = json::parse(server->client().Get("/api/v1/reports/2025-26", auth(Role::member))->body);
    ASSERT_EQ(report["agency_statements"].size(), 1U);
    EXPECT_EQ(report["agency_statements"][0]["agency"], "Test Council");
    EXPECT_EQ(report["agency_statements"][0]["text"], "Our year");
}
