// Review panels and commissioned reviewers over HTTP (issue 20 item 4): the settings page names
// the review group (a group that is not one refused with the error summary); the case page draws
// the panel from its members with their declared interests; the "reviewer commissioned" form
// invites an outside reviewer by email; the emailed link's page, signed out, sets a password and
// signs the reviewer in to see that review and nothing else; the API does the same and refuses
// an email already an account's, or a panel member from outside the group, with problem+json.
#include <nlohmann/json.hpp>

#include "app/governance.hpp"
#include "app/mail.hpp"
#include "app/reviews.hpp"
#include "core/review_panels.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

class ReviewPanelsHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        Services& s = server->services();
        unit = Actor{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit <u@example.org>"};
        const PersonId chair = person_of(Role::member), lead = person_of(Role::partner_lead);
        group = create_group(s, unit, {"Safeguarding Review and Learning Group", "sub_group", "", "", "fixed", chair.str(), "", "12", "", "2",
                                       "none", "", "2025-01-01", ""}).id.str();
        add_member(s, unit, GroupId{std::stoll(group)}, {chair.str(), "SP", "chair", "", "2025-01-01", "", ""});
        add_member(s, unit, GroupId{std::stoll(group)}, {lead.str(), "SP", "member", "", "2025-01-01", "", ""});
        declare_interest(s, unit, {lead.str(), "Trustee of a local children's charity", "2026-02-10", "", ""});
        id = ready_for_reviewer();
        other = notify("2026-11-02");
    }
    PersonId person_of(Role role) {
        PersonId out;
        server->services().store.read([&](Transaction& tx) { out = tx.users().find_by_email(server->email(role))->person; });
        return out;
    }
    CaseId notify(const char* aware) {
        IncidentInput in;
        in.became_aware_on = aware;
        in.incident_on = aware;
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital";
        in.children = {{"Child X", "Xena Example", "2012-02-02", ""}};
        in.agency_ids = {server->council().str()};
        return notify_incident(server->services(), unit, in).record.id;
    }
    int version(CaseId c) { return read_case(server->services(), unit, c).record.version; }
    CaseId ready_for_reviewer() {
        const CaseId c = notify("2026-09-01");
        const AgencyId council = server->council();
        const auto step = [&](EventKind kind, const char* on, std::vector<AgencyId> agencies = {}) {
            CaseEvent e;
            e.kind = kind;
            e.on = *Date::parse(on);
            e.agencies = std::move(agencies);
            if (kind == EventKind::decide) e.decision = Decision::local_review;
            if (kind == EventKind::decide || kind == EventKind::panel_response) e.note = "Reasons";
            record_event(server->services(), unit, c, version(c), e);
        };
        step(EventKind::notify_panel, "2026-09-02");
        step(EventKind::inform_partners, "2026-09-02");
        step(EventKind::request_summaries, "2026-09-03", {council});
        step(EventKind::summary_returned, "2026-09-08", {council});
        step(EventKind::rapid_review_panel, "2026-09-14");
        step(EventKind::partners_sign_off, "2026-09-16");
        step(EventKind::decide, "2026-09-17");
        step(EventKind::panel_response, "2026-09-30");
        return c;
    }
    // The link in the newest invitation in the outbox, as a path.
    std::string link_in_outbox() {
        for (const auto& m : list_outbox(server->services(), unit, "", {}).items) {
            if (m.kind != MailKind::account_invitation) continue;
            const auto at = m.body.find(kInvitationPath);
            return m.body.substr(at, m.body.find('\n', at) - at);
        }
        return "";
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    std::unique_ptr<Server> server;
    Actor unit;
    std::string group;
    CaseId id, other;
};

}  // namespace

TEST_F(ReviewPanelsHttp, TheSettingsNameTheGroupThePanelIsDrawnFrom) {
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    EXPECT_TRUE(has(bu.get("/settings"), "None named: any account may sit on a case&apos;s panel"));
    const std::string case_page = "/reviews/" + id.str();
    EXPECT_TRUE(has(bu.get(case_page), "No review group is named in the partnership"));

    ASSERT_EQ(bu.get("/settings/review-group")->status, 200);
    auto refused = bu.post("/settings/review-group", {{"group_id", "999"}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(has(refused, "govuk-error-summary"));
    EXPECT_TRUE(has(refused, "groups that meets today"));
    ASSERT_EQ(bu.post("/settings/review-group", {{"group_id", group}})->status, 303);
    EXPECT_TRUE(has(bu.get("/settings"), "Safeguarding Review and Learning Group"));

    auto page = bu.get(case_page);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "Members of the Safeguarding Review and Learning Group"));
    EXPECT_TRUE(has(page, "Trustee of a local children&apos;s charity (declared 10 February 2026)"));
    EXPECT_TRUE(has(page, "Group member Person (Chair)")) << "offered, with their part in the group";
    EXPECT_FALSE(has(page, "Read only Person (")) << "not a member: not offered";

    // Someone outside the group, posted by hand, is refused on the page with its error summary.
    auto outsider = bu.post(case_page + "/panel", {{"version", std::to_string(version(id))}, {"user_id", server->user_id(Role::read_only).str()}});
    ASSERT_EQ(outsider->status, 422);
    EXPECT_TRUE(has(outsider, "Select a member of the Safeguarding Review and Learning Group"));
    ASSERT_EQ(bu.post(case_page + "/panel", {{"version", std::to_string(version(id))}, {"user_id", server->user_id(Role::member).str()}})->status, 303);
    EXPECT_TRUE(has(bu.get(case_page), "<td class=\"govuk-table__cell\">On the panel</td>"));

    auto c = server->client();
    auto read = c.Get("/api/v1/partnership/review-group", auth(Role::member));
    ASSERT_EQ(read->status, 200);
    EXPECT_EQ(json::parse(read->body)["group"]["name"], "Safeguarding Review and Learning Group");
    auto wrong = c.Put("/api/v1/partnership/review-group", auth(Role::business_unit), json{{"group_id", "srlg"}}.dump(), "application/json");
    ASSERT_EQ(wrong->status, 422);
    EXPECT_EQ(wrong->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(c.Put("/api/v1/partnership/review-group", auth(Role::member), json{{"group_id", nullptr}}.dump(), "application/json")->status, 403);
    auto candidates = c.Get("/api/v1/incidents/" + id.str() + "/panel-candidates", auth(Role::business_unit));
    ASSERT_EQ(candidates->status, 200);
    const json list = json::parse(candidates->body);
    ASSERT_EQ(list["items"].size(), 2u);
    EXPECT_EQ(list["items"][0]["role_in_group"], "chair");
    EXPECT_EQ(list["items"][0]["on_panel"], true);
    EXPECT_EQ(list["items"][1]["interests"][0]["interest"], "Trustee of a local children's charity");
    auto not_member = c.Post("/api/v1/incidents/" + id.str() + "/panel", auth(Role::business_unit),
                             json{{"user_id", server->user_id(Role::read_only).value}, {"version", version(id)}}.dump(), "application/json");
    ASSERT_EQ(not_member->status, 422);
    EXPECT_EQ(json::parse(not_member->body)["errors"][0]["field"], "user_id");
    auto cleared = c.Put("/api/v1/partnership/review-group", auth(Role::business_unit), json{{"group_id", nullptr}}.dump(), "application/json");
    ASSERT_EQ(cleared->status, 200);
    EXPECT_TRUE(json::parse(cleared->body)["group"].is_null());
}

TEST_F(ReviewPanelsHttp, AnOutsideReviewerIsInvitedSetsAPasswordAndSeesTheirReviewOnly) {
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    const std::string case_page = "/reviews/" + id.str();
    auto form = bu.get(case_page + "/events/new?event=commission_reviewer");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form, "Or invite them by email"));
    httplib::Params invite{{"event", "commission_reviewer"}, {"version", std::to_string(version(id))}, {"on", "2026-12-01"},
                           {"reviewer_name", "Dr Ruth Anderton"}, {"reviewer_email", "not an address"}};
    auto bad = bu.post(case_page + "/events", invite);
    ASSERT_EQ(bad->status, 422);
    EXPECT_TRUE(has(bad, "Enter an email address in the correct format, like name@example.org"));
    invite.erase("reviewer_email");
    invite.emplace("reviewer_email", "ruth.anderton@reviews.example");
    auto sent = bu.post(case_page + "/events", invite);
    ASSERT_EQ(sent->status, 303) << sent->body;
    auto page = bu.get(case_page);
    EXPECT_TRUE(has(page, "Dr Ruth Anderton"));
    EXPECT_TRUE(has(page, "at ruth.anderton@reviews.example. The link works until"));
    EXPECT_TRUE(has(page, "Send the link again"));

    const std::string link = link_in_outbox();
    ASSERT_FALSE(link.empty());
    httplib::Client signed_out = server->client();
    auto opened = signed_out.Get(link);
    ASSERT_EQ(opened->status, 200);
    EXPECT_TRUE(has(opened, "Set up your account"));
    EXPECT_TRUE(has(opened, "ruth.anderton@reviews.example"));
    const std::string login_cookie = Browser::cookie_from(opened, "assure_login_csrf");
    const std::string token = Browser::hidden(opened->body, "csrf_token");
    auto mismatch = signed_out.Post(link, {{"Cookie", login_cookie}},
                                    httplib::Params{{"password", "a long enough password"}, {"confirm_password", "not the same one"}, {"csrf_token", token}});
    ASSERT_EQ(mismatch->status, 422);
    EXPECT_TRUE(has(mismatch, "govuk-error-summary"));
    EXPECT_TRUE(has(mismatch, "Enter the same password twice"));
    EXPECT_EQ(signed_out.Post(link, {{"Cookie", login_cookie}},
                              httplib::Params{{"password", "a long enough password"}, {"confirm_password", "a long enough password"}})
                  ->status,
              403)
        << "no CSRF token, no change";
    auto accepted = signed_out.Post(link, {{"Cookie", login_cookie}},
                                    httplib::Params{{"password", "a long enough password"}, {"confirm_password", "a long enough password"},
                                                    {"csrf_token", token}});
    ASSERT_EQ(accepted->status, 303) << accepted->body;
    EXPECT_EQ(accepted->get_header_value("Location"), "/reviews");
    EXPECT_EQ(signed_out.Get(link)->status, 404) << "the link works once";

    Browser ruth(*server);
    ruth.cookie = Browser::cookie_from(accepted, "assure_session");
    auto reviews = ruth.get("/reviews");
    ASSERT_EQ(reviews->status, 200);
    const std::string reference = read_case(server->services(), unit, id).record.reference;
    const std::string other_reference = read_case(server->services(), unit, other).record.reference;
    EXPECT_TRUE(has(reviews, reference));
    EXPECT_FALSE(has(reviews, other_reference));
    EXPECT_EQ(ruth.get(case_page)->status, 200);
    EXPECT_EQ(ruth.get("/reviews/" + other.str())->status, 404);
    EXPECT_EQ(ruth.get("/agencies")->status, 200) << "the directory: she meets the agencies' leads";
    EXPECT_EQ(ruth.get("/audit")->status, 403);
    EXPECT_EQ(ruth.get("/groups")->status, 403);
    EXPECT_EQ(ruth.get("/learning")->status, 403);
    EXPECT_EQ(ruth.get("/")->status, 200) << "her home page opens";
    EXPECT_TRUE(has(bu.get(case_page), "Their password was set on"));
}

TEST_F(ReviewPanelsHttp, TheApiInvitesAndRefusesAnEmailAlreadyAnAccounts) {
    auto c = server->client();
    const std::string api = "/api/v1/incidents/" + id.str() + "/reviewer-invitations";
    auto taken = c.Post(api, auth(Role::business_unit),
                        json{{"reviewer_name", "Someone"}, {"email", server->email(Role::member)}, {"on", "2026-12-01"}, {"version", version(id)}}.dump(),
                        "application/json");
    ASSERT_EQ(taken->status, 422);
    EXPECT_EQ(taken->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(json::parse(taken->body)["errors"][0]["field"], "email");
    EXPECT_EQ(c.Post(api, auth(Role::member), json{{"reviewer_name", "X"}, {"email", "x@r.example"}, {"on", "2026-12-01"}, {"version", version(id)}}.dump(),
                     "application/json")
                  ->status,
              403);
    auto made = c.Post(api, auth(Role::business_unit),
                       json{{"reviewer_name", "Dr Ruth Anderton"}, {"email", "ruth@reviews.example"}, {"organisation", "Independent"},
                            {"on", "2026-12-01"}, {"version", version(id)}}.dump(),
                       "application/json");
    ASSERT_EQ(made->status, 201) << made->body;
    const json body = json::parse(made->body);
    EXPECT_EQ(body["reviewer_name"], "Dr Ruth Anderton");
    EXPECT_FALSE(body["reviewer_user_id"].is_null());
    auto lines = c.Get(api, auth(Role::business_unit));
    ASSERT_EQ(lines->status, 200);
    const json items = json::parse(lines->body)["items"];
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0]["state"], "waiting");
    EXPECT_EQ(items[0]["email"], "ruth@reviews.example");
    auto again = c.Post(api + "/resend", auth(Role::business_unit), "{}", "application/json");
    ASSERT_EQ(again->status, 200);
    EXPECT_EQ(json::parse(again->body)["items"].size(), 2u);
}
