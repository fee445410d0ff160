// The yearly report over HTTP against a real server on loopback: the page's and the API's
// figures are those of the records behind them (registers entered through their own API, a
// year apart to show the bounds); a sign-off while a section is empty is refused with each
// section named and changes nothing; someone outside the business unit cannot write a section
// (page or API); the business unit's form writes drafts; the statutory partner's lead signs and
// the report is approved, then its dispatch is recorded. Problem+json for the API's refusals.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class ReportHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    httplib::Result post(const std::string& path, const json& body, const httplib::Headers& h) {
        return server->client().Post(path, h, body.dump(), "application/json");
    }
    void death(const std::string& ref, const std::string& died_on, bool expected) {
        ok(post("/api/v1/child-deaths",
                {{"reference", ref}, {"died_on", died_on}, {"sex", "female"}, {"age_band", "under_28_days"}, {"expected", expected},
                 {"status", "under_enquiry"}},
                bu),
           201);
    }
    void referral(const std::string& ref, const std::string& on) {
        ok(post("/api/v1/lado-referrals",
                {{"adult_reference", ref}, {"referred_on", on}, {"source", "employer"}, {"sector", "education"}, {"role", "Teacher"},
                 {"limbs", {"harmed"}}},
                bu),
           201);
    }
    int sign_offs() { return static_cast<int>(ok(server->client().Get("/api/v1/reports/2025-26", bu), 200)["sign_offs"].size()); }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
};

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

}  // namespace

TEST_F(ReportHttp, TheFiguresAreThoseOfTheRecordsOfTheYear) {
    death("CD-1", "2025-04-01", false);  // the first day of 2025-26
    death("CD-2", "2026-03-31", true);   // its last
    death("CD-3", "2026-04-01", false);  // the next year's first
    referral("L-1", "2025-06-01");
    referral("L-2", "2025-07-01");
    referral("L-3", "2024-07-01");
    const json r = ok(server->client().Get("/api/v1/reports/2025-26", auth(Role::member)), 200);
    EXPECT_EQ(r["year"], "2025-26");
    EXPECT_EQ(r["from"], "2025-04-01");
    EXPECT_EQ(r["state"], "draft");
    EXPECT_EQ(r["figures"]["child_deaths"]["figures"]["deaths"], 2);
    EXPECT_EQ(r["figures"]["child_deaths"]["figures"]["unexpected"], 1);
    EXPECT_EQ(r["figures"]["child_deaths"]["source"], "/registers/child-deaths/figures?year=2025-26");
    EXPECT_EQ(r["figures"]["lado"]["figures"]["referrals"], 2);
    EXPECT_EQ(r["sections"].size(), 7u);
    EXPECT_EQ(r["statutory_partners"][0]["name"], "Test Council");
    EXPECT_EQ(ok(server->client().Get("/api/v1/reports/2026-27", bu), 200)["figures"]["child_deaths"]["figures"]["deaths"], 1);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));  // a member may not see the registers, but may read the report's counts
    auto page = b.get("/reports/2025-26");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page->body, "<h1 class=\"govuk-heading-xl\">Yearly report 2025 to 2026</h1>"));
    EXPECT_TRUE(has(page->body, "<caption class=\"govuk-table__caption govuk-table__caption--m\">Child deaths in 2025 to 2026</caption>"));
    EXPECT_TRUE(has(page->body, "Deaths of children normally resident</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"))
        << "two deaths in the year, not three";
    EXPECT_TRUE(has(page->body, "Referrals</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"));
    EXPECT_TRUE(has(page->body, "href=\"/registers/child-deaths/figures?year=2025-26\""));
    EXPECT_TRUE(has(page->body, "role=\"region\" aria-label=\"Child deaths in 2025 to 2026\""));
    EXPECT_TRUE(has(page->body, "This section has not been written yet."));
    EXPECT_FALSE(has(page->body, "/sections/foreword\">Write")) << "a member cannot write";
    auto list = b.get("/reports");
    ASSERT_EQ(list->status, 200);
    EXPECT_TRUE(has(list->body, "href=\"/reports/2025-26\""));
    EXPECT_EQ(b.get("/reports/2030-31")->status, 422) << "a year still to come";
    EXPECT_EQ(ok(server->client().Get("/api/v1/reports/2030-31", bu), 422)["errors"][0]["field"], "year");
}

TEST_F(ReportHttp, SignOffWithAnEmptySectionIsRefusedAndChangesNothing) {
    ok(server->client().Put("/api/v1/reports/2025-26/sections/foreword", bu, json{{"version", 0}, {"text", "Foreword"}}.dump(),
                            "application/json"),
       200);
    const int audit_before = server->count_audit("report.");
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::partner_lead)));
    auto page = lead.get("/reports/2025-26");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page->body, "Sign off the report for Test Council"));
    auto refused = lead.post("/reports/2025-26/sign-off", {});
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(has(refused->body, "govuk-error-summary"));
    EXPECT_TRUE(has(refused->body, "Write the section &#39;Introduction&#39; before the report is signed off") ||
                has(refused->body, "Write the section 'Introduction' before the report is signed off"))
        << refused->body.substr(0, 3000);
    EXPECT_FALSE(has(refused->body, "Write the section &#39;Foreword&#39;")) << "the foreword is written";
    const auto api = post("/api/v1/reports/2025-26/sign-off", json::object(), auth(Role::partner_lead));
    EXPECT_EQ(api->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(ok(api, 422)["errors"].size(), 6u);
    EXPECT_EQ(sign_offs(), 0);
    EXPECT_EQ(server->count_audit("report."), audit_before);
}

TEST_F(ReportHttp, OnlyTheBusinessUnitWritesSections) {
    for (const Role role : {Role::member, Role::partner_lead, Role::scrutineer, Role::agency_lead, Role::read_only, Role::administrator}) {
        const auto put = server->client().Put("/api/v1/reports/2025-26/sections/foreword", auth(role),
                                              json{{"version", 0}, {"text", "Not mine"}}.dump(), "application/json");
        EXPECT_EQ(put->status, 403) << role_key(role);
    }
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    member.get("/reports/2025-26");
    EXPECT_EQ(member.get("/reports/2025-26/sections/foreword")->status, 403);
    EXPECT_EQ(member.post("/reports/2025-26/sections/foreword", {{"version", "0"}, {"text", "Not mine"}})->status, 403);
    EXPECT_EQ(ok(server->client().Get("/api/v1/reports/2025-26", bu), 200)["sections"][0]["version"], 0) << "nothing written";
}

TEST_F(ReportHttp, TheBusinessUnitDraftsThePartnerSignsAndTheReportIsApprovedAndSent) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto form = b.get("/reports/2025-26/sections/foreword");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form->body, "name=\"text\""));
    auto saved = b.post("/reports/2025-26/sections/foreword", {{"version", "0"}, {"text", "I am *pleased* to present the report."}});
    ASSERT_EQ(saved->status, 303);
    auto page = b.get("/reports/2025-26");
    EXPECT_TRUE(has(page->body, "<em>pleased</em>")) << "Markdown, rendered safely";
    EXPECT_EQ(b.post("/reports/2025-26/sections/foreword", {{"version", "0"}, {"text", "Stale"}})->status, 409);
    auto too_long = b.post("/reports/2025-26/sections/foreword", {{"version", "1"}, {"text", std::string(20001, 'a')}});
    EXPECT_EQ(too_long->status, 422);
    EXPECT_TRUE(has(too_long->body, "20000 characters or fewer"));
    EXPECT_EQ(b.get("/reports/2025-26/sections/appendix")->status, 404);
    int version = 1;
    for (const char* key : {"introduction", "what_changed", "voice_of_children", "scrutiny", "next_priorities", "conclusion"}) {
        ASSERT_EQ(b.post(std::string("/reports/2025-26/sections/") + key, {{"version", "0"}, {"text", "Words"}})->status, 303) << key;
    }
    (void)version;
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::partner_lead)));
    lead.get("/reports/2025-26");
    ASSERT_EQ(lead.post("/reports/2025-26/sign-off", {})->status, 303);
    const json r = ok(server->client().Get("/api/v1/reports/2025-26", bu), 200);
    EXPECT_EQ(r["state"], "approved") << "the council is the only statutory partner";
    EXPECT_EQ(r["sign_offs"][0]["signed_by"], "Statutory partner lead Person");
    EXPECT_EQ(ok(post("/api/v1/reports/2025-26/sign-off", json::object(), auth(Role::partner_lead)), 422)["errors"][0]["field"], "agency");
    auto approved = b.get("/reports/2025-26");
    EXPECT_TRUE(has(approved->body, "govuk-tag--green\">Approved"));
    EXPECT_FALSE(has(approved->body, "/sections/foreword\">Change")) << "an approved report is closed";
    EXPECT_EQ(b.post("/reports/2025-26/dispatches", {{"recipient", "practice_review_panel"}, {"sent_on-day", "3"}, {"sent_on-month", "4"},
                                                    {"sent_on-year", "2026"}})
                  ->status,
              303);
    const json sent = ok(server->client().Get("/api/v1/reports/2025-26", bu), 200)["dispatches"];
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0]["recipient"], "practice_review_panel");
    EXPECT_EQ(sent[0]["sent_on"], "2026-04-03");
    EXPECT_EQ(ok(post("/api/v1/reports/2025-26/dispatches", {{"recipient", "the_moon"}, {"sent_on", "2026-04-03"}}, bu), 422)["errors"][0]["field"],
              "recipient");
    EXPECT_EQ(server->count_audit("report.section"), 7);
    EXPECT_EQ(server->count_audit("report.sign_off"), 1);
    EXPECT_EQ(server->count_audit("report.dispatch"), 1);
}
