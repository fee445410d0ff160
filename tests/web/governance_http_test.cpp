// Governance over HTTP against a real server: the API's attendance figures, refusals as
// problem+json that change nothing, the meeting page's forms, exports and calendar feeds.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>

#include "app/paging.hpp"
#include "app/partnership.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

class GovernanceHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        for (const auto& p : list_people(server->services(), Actor::system(PartnershipId{1}), PersonFilter{})) {
            people[p.email] = p.id.value;
        }
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    std::int64_t person(Role role) { return people.at(server->email(role)); }

    httplib::Result post(const std::string& path, const json& body, const httplib::Headers& headers) {
        return server->client().Post(path, headers, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    // A group with two members (business unit and partner lead) and a meeting ten days ago.
    void group_with_meeting() {
        group = ok(post("/api/v1/groups",
                        {{"name", "Core Business Group"}, {"type", "executive"}, {"chair_kind", "fixed"},
                         {"chair_id", person(Role::business_unit)}, {"cadence_months", 2}, {"quorum_kind", "min_members"},
                         {"quorum_value", 1}, {"active_from", "2020-01-01"}},
                        bu),
                   201)["id"];
        for (Role r : {Role::business_unit, Role::partner_lead}) {
            ok(post("/api/v1/groups/" + std::to_string(group) + "/members",
                    {{"person_id", person(r)}, {"code", "SP"}, {"role", "member"}, {"start", "2020-01-01"}}, bu),
               201);
        }
        const json m = ok(post("/api/v1/groups/" + std::to_string(group) + "/meetings",
                               {{"on", days_from_today(-10).iso()}, {"place", "Town hall"}}, bu),
                          201);
        meeting = m["id"];
        meeting_version = m["version"];
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    std::map<std::string, std::int64_t> people;
    std::int64_t group = 0, meeting = 0;
    int meeting_version = 0;
};

}  // namespace

TEST_F(GovernanceHttp, AttendanceApiGivesEachMembersFigures) {
    group_with_meeting();
    const json held = ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/attendance",
                              {{"version", meeting_version},
                               {"attendance", {{{"person_id", person(Role::business_unit)}, {"presence", "present"}},
                                               {{"person_id", person(Role::partner_lead)}, {"presence", "apologies"}}}}},
                              bu),
                         200);
    EXPECT_EQ(held["status"], "held");
    EXPECT_EQ(held["quorum"]["quorate"], true);
    auto r = server->client().Get("/api/v1/groups/" + std::to_string(group) + "/attendance?from=" + days_from_today(-30).iso() +
                                      "&to=" + days_from_today(0).iso(),
                                  auth(Role::member));
    const json report = ok(r, 200);
    ASSERT_EQ(report["items"].size(), 2u);
    const json& lowest = report["items"][0];
    EXPECT_EQ(lowest["person_id"], person(Role::partner_lead));
    EXPECT_EQ(lowest["held"], 1);
    EXPECT_EQ(lowest["attended"], 0);
    EXPECT_EQ(lowest["apologies"], 1);
    EXPECT_EQ(lowest["absent"], 0);
    EXPECT_EQ(lowest["rate"], 0.0);
    EXPECT_EQ(lowest["below_expected"], true);
    EXPECT_EQ(report["items"][1]["rate"], 1.0);
    EXPECT_EQ(report["items"][1]["below_expected"], false);
    // The attendance page draws the agencies' totals as bars, named and described for screen
    // readers with the figures the table beside it holds (one of the council's two places filled).
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    auto page = member.get("/attendance?group=" + std::to_string(group) + "&from=" + days_from_today(-30).iso() + "&to=" +
                           days_from_today(0).iso());
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<title id=\"chart-agency-title\">Attendance by agency, "), std::string::npos);
    EXPECT_NE(page->body.find("<desc id=\"chart-agency-desc\">Test Council: 50% (1 of 2)</desc>"), std::string::npos);
    EXPECT_NE(page->body.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">50% (1 of 2)"), std::string::npos);
    r = server->client().Get("/api/v1/groups/" + std::to_string(group) + "/attendance?from=nonsense", bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "from") << r->body;
}

TEST_F(GovernanceHttp, RefusalsAreProblemsThatChangeNothing) {
    group_with_meeting();
    const auto member = auth(Role::member);
    const int audits = server->count_audit();
    // Attendance for a person who is not a member.
    auto r = post("/api/v1/meetings/" + std::to_string(meeting) + "/attendance",
                  {{"version", meeting_version}, {"attendance", {{{"person_id", person(Role::scrutineer)}, {"presence", "present"}}}}}, bu);
    ASSERT_EQ(r->status, 422);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "attendance");
    // A meeting before the group's active period.
    r = post("/api/v1/groups/" + std::to_string(group) + "/meetings", {{"on", "2019-12-31"}, {"place", "Town hall"}}, bu);
    ASSERT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "on");
    // A quorum that can never be met.
    r = post("/api/v1/groups", {{"name", "Never quorate"}, {"type", "panel"}, {"chair_kind", "fixed"}, {"cadence_months", 0},
                                {"quorum_kind", "min_share"}, {"quorum_value", 150}, {"active_from", "2020-01-01"}},
             bu);
    ASSERT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "quorum_value");
    // Actions are for a held meeting, and never due before it.
    ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/attendance",
            {{"version", meeting_version}, {"attendance", {{{"person_id", person(Role::business_unit)}, {"presence", "present"}}}}}, bu),
       200);
    const int after_attendance = server->count_audit();
    r = post("/api/v1/meetings/" + std::to_string(meeting) + "/actions",
             {{"text", "Too late"}, {"owner_id", person(Role::member)}, {"due", days_from_today(-11).iso()}}, bu);
    ASSERT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "due");
    // Only the business unit schedules.
    r = post("/api/v1/groups/" + std::to_string(group) + "/meetings", {{"on", days_from_today(5).iso()}, {"place", "Hall"}},
             member);
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(after_attendance, audits + 1) << "only the valid attendance was saved";
    EXPECT_EQ(server->count_audit(), after_attendance);
    EXPECT_EQ(ok(server->client().Get("/api/v1/actions", bu), 200)["items"].size(), 0u);
}

TEST_F(GovernanceHttp, ActionsApiShowsStateAndOverdueAndLetsTheOwnerUpdate) {
    group_with_meeting();
    ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/attendance",
            {{"version", meeting_version}, {"attendance", {{{"person_id", person(Role::business_unit)}, {"presence", "present"}}}}}, bu),
       200);
    const json late = ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/actions",
                              {{"text", "Send the plan"}, {"owner_id", person(Role::member)}, {"due", days_from_today(-1).iso()}}, bu),
                         201);
    ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/actions",
            {{"text", "Brief schools"}, {"owner_id", person(Role::partner_lead)}, {"due", days_from_today(20).iso()}}, bu),
       201);
    const json overdue = ok(server->client().Get("/api/v1/actions?status=overdue", bu), 200);
    ASSERT_EQ(overdue["items"].size(), 1u);
    EXPECT_EQ(overdue["items"][0]["overdue"], true);
    EXPECT_EQ(overdue["items"][0]["status"], "open");
    const std::string path = "/api/v1/actions/" + std::to_string(late["id"].get<int>());
    auto r = server->client().Patch(path, auth(Role::partner_lead), json{{"version", 1}, {"status", "done"}, {"note", "x"}}.dump(),
                                    "application/json");
    EXPECT_EQ(r->status, 403) << "not the owner";
    r = server->client().Patch(path, auth(Role::member), json{{"version", 1}, {"status", "done"}, {"note", "Sent"}}.dump(),
                               "application/json");
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(ok(server->client().Get("/api/v1/actions?status=overdue", bu), 200)["items"].size(), 0u);
    EXPECT_EQ(server->client().Get("/api/v1/actions?status=late", bu)->status, 422);
}

TEST_F(GovernanceHttp, AttendanceIsRecordedOnItsOwnPageAndSummedOnTheMeetingPage) {
    group_with_meeting();
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string page = "/meetings/" + std::to_string(meeting);
    auto r = b.get(page);
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("2 not recorded"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"" + page + "/attendance\">Record attendance"), std::string::npos);
    EXPECT_EQ(r->body.find("Save attendance"), std::string::npos);  // the form is on its own page
    r = b.get(page + "/attendance");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Save attendance"), std::string::npos);
    const std::string bu_id = std::to_string(person(Role::business_unit));
    const std::string lead_id = std::to_string(person(Role::partner_lead));
    const int audits = server->count_audit();
    EXPECT_EQ(b.post(page + "/attendance", {{"version", std::to_string(meeting_version)}, {"person", bu_id}, {"presence-" + bu_id, "present"}}, false)
                  ->status, 403) << "no CSRF token";
    r = b.post(page + "/attendance", {{"version", std::to_string(meeting_version)}, {"person", bu_id}, {"person", lead_id},
                                      {"presence-" + bu_id, "present"}, {"presence-" + lead_id, "deputy"}, {"deputy-" + lead_id, ""}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#deputy-" + lead_id + "\""), std::string::npos);
    EXPECT_NE(r->body.find("Save attendance"), std::string::npos);  // the attendance page again, to put it right
    EXPECT_EQ(server->count_audit(), audits) << "nothing saved";
    r = b.post(page + "/attendance", {{"version", std::to_string(meeting_version)}, {"person", bu_id}, {"person", lead_id},
                                      {"presence-" + bu_id, "present"}, {"presence-" + lead_id, "deputy"},
                                      {"deputy-" + lead_id, "Dana Deputy"}});
    ASSERT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(r->get_header_value("Location"), page + "?saved=1#attendance");
    EXPECT_EQ(server->count_audit(), audits + 1);
    const std::string html = b.get(page)->body;
    EXPECT_NE(html.find("Quorate"), std::string::npos);
    EXPECT_NE(html.find("1 present, 1 deputy"), std::string::npos);
    EXPECT_NE(html.find("Dana Deputy"), std::string::npos);
    EXPECT_NE(html.find("href=\"" + page + "/attendance\">Change attendance"), std::string::npos);
    r = b.post(page + "/attendance", {{"version", "1"}, {"person", bu_id}, {"presence-" + bu_id, "absent"}});
    EXPECT_EQ(r->status, 409) << "a stale version";
    // A member may read the meeting but not change who attended.
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get(page)->body.find("Change attendance"), std::string::npos);
    EXPECT_EQ(member.get(page + "/attendance")->status, 403);
}

TEST_F(GovernanceHttp, AGroupsMembershipAndTermsAreChangedOnPagesOfTheirOwn) {
    group_with_meeting();
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string page = "/groups/" + std::to_string(group);
    const std::string html = b.get(page)->body;
    for (const std::string link : {"/members/new\">Add a member", "/members/end\">End a membership",
                                   "/terms/new\">Record a new version of the terms of reference"}) {
        EXPECT_NE(html.find("href=\"" + page + link), std::string::npos) << link;
    }
    for (const char* button : {"Add member</button>", "End membership</button>", "Save as a new version</button>"}) {
        EXPECT_EQ(html.find(button), std::string::npos) << button << " is on a page of its own";
    }
    const int audits = server->count_audit();
    auto r = b.get(page + "/members/new");
    ASSERT_EQ(r->status, 200);
    r = b.post(page + "/members", {{"person_id", ""}, {"code", ""}, {"role", "member"}, {"start", ""}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("Add member</button>"), std::string::npos);
    ASSERT_EQ(b.get(page + "/members/end")->status, 200);
    r = b.post(page + "/members/end", {{"membership_id", ""}, {"end", days_from_today(0).iso()}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Select the member who left"), std::string::npos);
    EXPECT_NE(r->body.find("End membership</button>"), std::string::npos);
    ASSERT_EQ(b.get(page + "/terms/new")->status, 200);
    r = b.post(page + "/terms", {{"markdown", ""}, {"approved_on", days_from_today(0).iso()}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Save as a new version</button>"), std::string::npos);
    EXPECT_EQ(server->count_audit(), audits) << "nothing saved";
    EXPECT_EQ(b.post(page + "/terms", {{"markdown", "# Purpose"}, {"approved_on", days_from_today(0).iso()}}, false)->status, 403);
    r = b.post(page + "/terms", {{"markdown", "# Purpose"}, {"approved_on", days_from_today(0).iso()}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), page + "?saved=1");
    EXPECT_EQ(server->count_audit(), audits + 1);
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get(page)->body.find("Add a member"), std::string::npos);
    for (const char* form : {"/members/new", "/members/end", "/terms/new"}) EXPECT_EQ(member.get(page + form)->status, 403) << form;
}

TEST_F(GovernanceHttp, MeetingActionsAreNamedApartFromTheActionPlan) {
    group_with_meeting();
    ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/attendance",
            {{"version", meeting_version}, {"attendance", {{{"person_id", person(Role::business_unit)}, {"presence", "present"}}}}}, bu),
       200);
    const json a = ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/actions",
                           {{"text", "Send the letter"}, {"owner_id", person(Role::member)}, {"due", days_from_today(5).iso()}}, bu),
                      201);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto r = b.get("/actions");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("<h1 class=\"govuk-heading-l\">Meeting actions</h1>"), std::string::npos);
    r = b.get("/meetings/" + std::to_string(meeting));
    EXPECT_NE(r->body.find("href=\"/actions\">Meeting actions</a>"), std::string::npos) << "the menu";
    EXPECT_NE(r->body.find("href=\"/improvement\">Action plan</a>"), std::string::npos);
    EXPECT_NE(r->body.find(">Actions agreed</h2>"), std::string::npos);
    r = b.get("/actions/" + std::to_string(a["id"].get<int>()));
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("<h1 class=\"govuk-heading-l\">Meeting action</h1>"), std::string::npos);
    EXPECT_NE(r->body.find("<title>Meeting action"), std::string::npos);
}

TEST_F(GovernanceHttp, TermsOfReferenceAreMarkdownWithoutRawHtml) {
    group_with_meeting();
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string page = "/groups/" + std::to_string(group);
    b.get(page);
    auto r = b.post(page + "/terms", {{"markdown", "# Purpose\n\n- Oversight\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))"},
                                      {"approved_on", days_from_today(0).iso()}});
    ASSERT_EQ(r->status, 303) << r->body;
    const std::string html = b.get(page)->body;
    EXPECT_NE(html.find("<h3 class=\"govuk-heading-m\">Purpose</h3>"), std::string::npos);
    EXPECT_NE(html.find("<li>Oversight</li>"), std::string::npos);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << "the source may show it as text, never as a link";
}

TEST_F(GovernanceHttp, ExportsAndCalendarFeeds) {
    group_with_meeting();
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto r = b.get("/attendance.csv");
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(r->body.rfind("Member,Agency,Chief officer,Group,Held", 0), 0u) << r->body;
    r = b.get("/actions.xlsx");
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->body.rfind("PK", 0), 0u) << "an XLSX file is a zip archive";
    r = b.post("/feeds", {});
    ASSERT_EQ(r->status, 200);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r->body, m, std::regex("/feeds/([A-Za-z0-9_-]+)/mine\\.ics")));
    const std::string token = m[1].str();
    auto feed = server->client().Get("/feeds/" + token + "/groups/" + std::to_string(group) + ".ics");
    ASSERT_EQ(feed->status, 200);
    EXPECT_EQ(feed->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
    EXPECT_EQ(feed->body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    EXPECT_NE(feed->body.find("DTSTART;TZID=Europe/London:"), std::string::npos);
    EXPECT_NE(feed->body.find("SUMMARY:Core Business Group"), std::string::npos);
    EXPECT_EQ(server->client().Get("/feeds/" + std::string(43, 'x') + "/mine.ics")->status, 404);
}

class GovernancePagingHttp : public GovernanceHttp {
protected:
    // Holds the meeting and minutes `n` actions at it, due on days spread after it (several share a day).
    void minute_actions(int n) {
        group_with_meeting();
        ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/attendance",
                {{"version", meeting_version},
                 {"attendance", {{{"person_id", person(Role::business_unit)}, {"presence", "present"}},
                                 {{"person_id", person(Role::partner_lead)}, {"presence", "present"}}}}},
                bu),
           200);
        for (int i = 0; i < n; ++i) {
            ok(post("/api/v1/meetings/" + std::to_string(meeting) + "/actions",
                    {{"text", "Action " + std::to_string(i)}, {"owner_id", person(Role::partner_lead)}, {"due", days_from_today(-9 + i % 7).iso()}},
                    bu),
               201);
        }
    }
    static int count_of(const std::string& html, const std::string& needle) {
        int n = 0;
        for (auto at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
        return n;
    }
    static std::string next_link(const std::string& html) {
        std::smatch m;
        if (!std::regex_search(html, m, std::regex("href=\"([^\"]*)\" rel=\"next\""))) return "";
        return std::regex_replace(m[1].str(), std::regex("&amp;"), "&");
    }
};

TEST_F(GovernancePagingHttp, ApiActionsComeAPageAtATimeWithNext) {
    minute_actions(7);
    for (const std::string kind : {"&kind=meeting", ""}) {  // the meeting actions alone, and merged with improvement actions
        std::vector<std::pair<std::string, std::int64_t>> seen;
        std::string url = "/api/v1/actions?status=all&limit=3" + kind;
        int pages = 0;
        while (true) {
            const json body = ok(server->client().Get(url, bu), 200);
            EXPECT_LE(body["items"].size(), 3u);
            for (const auto& item : body["items"]) seen.emplace_back(item["due"], item["id"]);
            ++pages;
            if (!body.contains("next")) break;
            url = "/api/v1/actions?status=all&limit=3" + kind + "&cursor=" + body["next"].get<std::string>();
            ASSERT_LT(pages, 10);
        }
        EXPECT_EQ(pages, 3) << "7 actions in pages of 3" << kind;
        ASSERT_EQ(seen.size(), 7u) << kind;
        EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "due date, then id, across pages" << kind;
        EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end()) << "no action twice" << kind;
    }
    const json all = ok(server->client().Get("/api/v1/actions?kind=meeting", bu), 200);
    EXPECT_EQ(all["items"].size(), 7u) << "50 by default";
    EXPECT_FALSE(all.contains("next"));
}

TEST_F(GovernancePagingHttp, ABadLimitOrCursorIsAFieldErrorNamingIt) {
    for (const std::string query : {"limit=0", "limit=501", "limit=ten", "limit=5x", "limit="}) {
        const auto r = server->client().Get("/api/v1/actions?" + query, bu);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 422) << query;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << query;
        const json problem = json::parse(r->body);
        ASSERT_FALSE(problem["errors"].empty()) << query;
        EXPECT_EQ(problem["errors"][0]["field"], "limit") << query;
    }
    // Well-formed but not one of ours: the parts do not make a due date, kind and id.
    const auto r = server->client().Get("/api/v1/actions?cursor=" + encode_cursor({"yesterday", "meeting", "1"}), bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "cursor");
    const auto meetings = server->client().Get("/api/v1/groups/1/meetings?limit=-1", bu);
    EXPECT_EQ(meetings->status, 422) << "the group's meetings are paged alike";
}

TEST_F(GovernancePagingHttp, TheActionLogShowsFiftyAndThePaginationLinkKeepsTheFilter) {
    minute_actions(55);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto first = b.get("/actions?show=all");
    ASSERT_EQ(first->status, 200);
    EXPECT_EQ(count_of(first->body, "<a class=\"govuk-link\" href=\"/actions/"), 50);
    EXPECT_NE(first->body.find("govuk-pagination"), std::string::npos);
    const std::string next = next_link(first->body);
    ASSERT_EQ(next.rfind("/actions?show=all&cursor=", 0), 0u) << next;
    auto second = b.get(next);
    ASSERT_EQ(second->status, 200);
    EXPECT_EQ(count_of(second->body, "<a class=\"govuk-link\" href=\"/actions/"), 5);
    EXPECT_EQ(next_link(second->body), "") << "the last page has no next";
    EXPECT_NE(second->body.find("rel=\"prev\""), std::string::npos) << "and leads back to the first";
    for (int i = 0; i < 55; ++i) {
        const std::string cell = ">Action " + std::to_string(i) + "</a>";
        EXPECT_EQ(count_of(first->body, cell) + count_of(second->body, cell), 1) << "action " << i << " on exactly one page";
    }
}
