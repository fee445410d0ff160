// The incidents API and pages against a real server: deadlines, refusals naming the rule,
// need-to-know (404 for others), reads in the access log, sealed identities, stale versions,
// paged lists.
#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class ReviewsHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }

    json notify(const httplib::Headers& headers, const json& body, int expected_status) {
        auto r = server->client().Post("/api/v1/incidents", headers, body.dump(), "application/json");
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, expected_status) << r->body;
        return json::parse(r->body);
    }
    static json incident() {
        return {{"became_aware_on", "2025-12-19"},
                {"incident_on", "2025-12-18"},
                {"kind", "serious_harm"},
                {"looked_after", false},
                {"summary", "Admitted to hospital with unexplained injuries"},
                {"children", {{{"pseudonym", "Child T"}, {"name", "Taylor Example"}, {"date_of_birth", "2024-02-02"}}}}};
    }
    httplib::Result event(const httplib::Headers& headers, int id, const json& body) {
        return server->client().Post("/api/v1/incidents/" + std::to_string(id) + "/events", headers, body.dump(),
                                     "application/json");
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(ReviewsHttp, NotifyingReturnsTheStatutoryDeadlines) {
    const json c = notify(auth(Role::business_unit), incident(), 201);
    // Aware on Friday 19 December 2025: Christmas, Boxing Day and New Year's Day are not working days.
    EXPECT_EQ(c["deadlines"]["notify_panel_by"], "2025-12-30");
    EXPECT_EQ(c["deadlines"]["inform_partners_by"], "2025-12-30");
    EXPECT_EQ(c["deadlines"]["rapid_review_by"], "2026-01-14");
    EXPECT_FALSE(c["deadlines"].contains("review_complete_by"));
    EXPECT_EQ(c["stage"], "notification");
    EXPECT_EQ(c["children"][0]["pseudonym"], "Child T");
    EXPECT_EQ(c["children"][0]["name"], "Taylor Example");  // the business unit may see identities
    // At rest, the name is sealed.
    const std::string sealed = server->raw_sql_text("SELECT sealed_identities FROM review_cases");
    EXPECT_FALSE(sealed.empty());
    EXPECT_EQ(sealed.find("Taylor"), std::string::npos);
    EXPECT_EQ(server->raw_sql_text("SELECT record_json FROM review_cases").find("Taylor"), std::string::npos);
}

TEST_F(ReviewsHttp, BadIncidentsAre422WithFieldErrorsAndSaveNothing) {
    json bad = incident();
    bad["became_aware_on"] = "2999-01-01";
    bad["children"] = json::array();
    for (const char* p : {"Child A", "Child B", "Child C", "Child D", "Child E"}) bad["children"].push_back({{"pseudonym", p}});
    const json problem = notify(auth(Role::business_unit), bad, 422);
    std::map<std::string, std::string> fields;
    for (const auto& e : problem["errors"]) fields[e["field"]] = e["message"];
    EXPECT_EQ(fields["became_aware_on"], "Date the local authority became aware must be today or in the past");
    EXPECT_EQ(fields["children"], "One notification covers at most 4 children; notify the others separately");
    auto list = server->client().Get("/api/v1/incidents", auth(Role::business_unit));
    EXPECT_EQ(json::parse(list->body)["items"].size(), 0U);
    notify(auth(Role::member), incident(), 403);
}

TEST_F(ReviewsHttp, EventsAreGuardedVersionedAndNameTheRule) {
    const json c = notify(auth(Role::business_unit), incident(), 201);
    const int id = c["id"];
    const auto bu = auth(Role::business_unit);
    auto decide = event(bu, id, {{"event", "decide"}, {"on", "2025-12-22"}, {"decision", "local_review"},
                                 {"note", "x"}, {"version", 1}});
    ASSERT_EQ(decide->status, 422);
    EXPECT_NE(decide->body.find("A decision is recorded after the partners sign off the rapid review"), std::string::npos);
    auto unknown = event(bu, id, {{"event", "celebrate"}, {"on", "2025-12-22"}, {"version", 1}});
    ASSERT_EQ(unknown->status, 422);
    EXPECT_NE(unknown->body.find("Unknown event 'celebrate'"), std::string::npos);

    auto notified = event(bu, id, {{"event", "notify_panel"}, {"on", "2025-12-22"}, {"version", 1}});
    ASSERT_EQ(notified->status, 200) << notified->body;
    const json after = json::parse(notified->body);
    EXPECT_EQ(after["stage"], "rapid_review");
    EXPECT_EQ(after["version"], 2);
    EXPECT_EQ(after["events"][0]["event"], "notify_panel");
    auto stale = event(bu, id, {{"event", "inform_partners"}, {"on", "2025-12-22"}, {"version", 1}});
    EXPECT_EQ(stale->status, 409);
    auto overdue = server->client().Get("/api/v1/incidents?overdue=true", bu);
    EXPECT_EQ(json::parse(overdue->body)["items"].size(), 1U);  // the rapid review is long past due
    auto by_stage = server->client().Get("/api/v1/incidents?stage=local_review", bu);
    EXPECT_EQ(json::parse(by_stage->body)["items"].size(), 0U);
    EXPECT_EQ(server->client().Get("/api/v1/incidents?stage=nonsense", bu)->status, 422);
}

TEST_F(ReviewsHttp, NeedToKnowHidesCasesAndEveryReadIsLogged) {
    const json c = notify(auth(Role::business_unit), incident(), 201);
    const int id = c["id"];
    const std::string path = "/api/v1/incidents/" + std::to_string(id);
    const int records_before = server->count_reads(AccessKind::record);
    for (Role role : {Role::member, Role::agency_lead, Role::scrutineer, Role::read_only}) {
        EXPECT_EQ(server->client().Get(path, auth(role))->status, 404) << role_key(role);
        auto list = server->client().Get("/api/v1/incidents", auth(role));
        EXPECT_EQ(json::parse(list->body)["items"].size(), 0U) << role_key(role);
    }
    EXPECT_EQ(server->client().Get(path, auth(Role::administrator))->status, 403);

    // On the panel, the member sees the case but not the child's name.
    add_panel_member(server->services(), Actor{server->user_id(Role::business_unit), PartnershipId{1},
                                               Role::business_unit, "bu"},
                     CaseId{id}, 1, server->user_id(Role::member).str());
    auto seen = server->client().Get(path, auth(Role::member));
    ASSERT_EQ(seen->status, 200);
    EXPECT_FALSE(json::parse(seen->body)["children"][0].contains("name"));
    auto lead = server->client().Get(path, auth(Role::partner_lead));
    EXPECT_EQ(json::parse(lead->body)["children"][0]["name"], "Taylor Example");
    EXPECT_EQ(server->count_reads(AccessKind::record) - records_before, 1);  // the member's
    EXPECT_EQ(server->count_reads(AccessKind::identities), 1);               // the lead's, names shown
    EXPECT_EQ(server->count_audit("case.read"), 0) << "reads are not changes";

    // A member who declares an interest loses sight of the case at once.
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    ASSERT_EQ(member.get("/reviews/" + std::to_string(id))->status, 200);
    auto declared = member.post("/reviews/" + std::to_string(id) + "/conflicts", {{"interest", "I was the family's police contact"}});
    EXPECT_EQ(declared->status, 303);
    EXPECT_EQ(member.get("/reviews/" + std::to_string(id))->status, 404);
    EXPECT_EQ(server->client().Get(path, auth(Role::member))->status, 404);

    // The business unit records the panel's view that the member may take part after all.
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    auto page = bu.get("/reviews/" + std::to_string(id));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("police contact"), std::string::npos);
    const std::string version = Browser::hidden(page->body, "version");
    const std::string decide = "/reviews/" + std::to_string(id) + "/conflicts/decide";
    auto refused = bu.post(decide, {{"version", version}, {"user_id_conflict", server->user_id(Role::member).str()},
                                    {"panel", "pending"}, {"appeal", "overturned"}});
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("An appeal to the independent chair follows the panel"), std::string::npos);
    auto decided = bu.post(decide, {{"version", version}, {"user_id_conflict", server->user_id(Role::member).str()},
                                    {"panel", "take_part"}, {"appeal", "none"}});
    EXPECT_EQ(decided->status, 303);
    EXPECT_EQ(server->client().Get(path, auth(Role::member))->status, 200);
}

TEST_F(ReviewsHttp, BusinessUnitNotifiesThroughTheFormAfterFixingErrors) {
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    ASSERT_EQ(bu.get("/reviews/new")->status, 200);
    auto bad = bu.post("/reviews", {{"became_aware_on", "yesterday"}, {"kind", "death"}, {"summary", "Summary"}});
    ASSERT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(bad->body.find("Date the local authority became aware must be a real date"), std::string::npos);
    EXPECT_NE(bad->body.find("Enter at least one child"), std::string::npos);
    auto good = bu.post("/reviews", {{"became_aware_on", "2025-12-19"}, {"incident_on", "2025-12-19"}, {"kind", "death"},
                                     {"summary", "Summary"}, {"pseudonym_1", "Child Z"},
                                     {"agencies", server->council().str()}});
    ASSERT_EQ(good->status, 303) << good->body;
    auto page = bu.get(good->get_header_value("Location"));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Child Z"), std::string::npos);
    EXPECT_NE(page->body.find("30 December 2025"), std::string::npos);  // notify the Panel by
    auto no_csrf = bu.post("/reviews", {{"became_aware_on", "2025-12-19"}}, false);
    EXPECT_EQ(no_csrf->status, 403);
}

TEST_F(ReviewsHttp, TheIncidentListIsPagedByLimitAndCursor) {
    const auto bu = auth(Role::business_unit);
    std::vector<int> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(notify(bu, incident(), 201)["id"]);
    auto first = server->client().Get("/api/v1/incidents?limit=2", bu);
    ASSERT_EQ(first->status, 200) << first->body;
    const json one = json::parse(first->body);
    ASSERT_EQ(one["items"].size(), 2U);
    EXPECT_EQ(one["items"][0]["id"], ids[2]);  // same day: the newest first
    ASSERT_TRUE(one.contains("next"));
    auto second = server->client().Get("/api/v1/incidents?limit=2&cursor=" + one["next"].get<std::string>(), bu);
    ASSERT_EQ(second->status, 200) << second->body;
    const json two = json::parse(second->body);
    ASSERT_EQ(two["items"].size(), 1U);
    EXPECT_EQ(two["items"][0]["id"], ids[0]);
    EXPECT_FALSE(two.contains("next"));
    EXPECT_EQ(json::parse(server->client().Get("/api/v1/incidents", bu)->body)["items"].size(), 3U);  // default 50
    EXPECT_EQ(server->count_reads(AccessKind::list), 3);
    EXPECT_EQ(json::parse(server->client().Get("/api/v1/incidents?reference=SI-2025-02", bu)->body)["items"].size(), 1U);
}

TEST_F(ReviewsHttp, AListedCaseHasItsStateAndClocksAndTheCaseItselfHasItsHistory) {
    const auto bu = auth(Role::business_unit);
    const int id = notify(bu, incident(), 201)["id"];
    auto notified = event(bu, id, {{"event", "notify_panel"}, {"on", "2025-12-22"}, {"note", "By the portal"}, {"version", 1}});
    ASSERT_EQ(notified->status, 200) << notified->body;

    const json listed = json::parse(server->client().Get("/api/v1/incidents", bu)->body)["items"].at(0);
    EXPECT_EQ(listed["stage"], "rapid_review");
    EXPECT_TRUE(listed.contains("deadlines"));
    EXPECT_TRUE(listed.contains("next_milestone"));
    EXPECT_FALSE(listed["milestones"].empty());
    EXPECT_FALSE(listed.contains("events")) << "a list leaves each case's history to the case";

    const json one = json::parse(server->client().Get("/api/v1/incidents/" + std::to_string(id), bu)->body);
    ASSERT_EQ(one["events"].size(), 1U);
    EXPECT_EQ(one["events"][0]["event"], "notify_panel");
    EXPECT_EQ(one["events"][0]["on"], "2025-12-22");
    EXPECT_EQ(one["events"][0]["note"], "By the portal");
    EXPECT_TRUE(one["events"][0].contains("recorded_at"));
    EXPECT_FALSE(one["events"][0].contains("decision")) << "fields the step does not have are left out";
}

TEST_F(ReviewsHttp, ABadLimitOrCursorIs422NamingTheField) {
    const auto bu = auth(Role::business_unit);
    for (const std::string query : {"limit=0", "limit=501", "limit=ten", "cursor=zz", "cursor=61"}) {
        auto r = server->client().Get("/api/v1/incidents?" + query, bu);
        ASSERT_EQ(r->status, 422) << query;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << query;
        const json problem = json::parse(r->body);
        ASSERT_FALSE(problem["errors"].empty()) << query;
        EXPECT_EQ(problem["errors"][0]["field"], query.substr(0, query.find('='))) << query;
    }
    EXPECT_EQ(server->client().Get("/api/v1/incidents?limit=500", bu)->status, 200);
}

TEST_F(ReviewsHttp, TheReadsOfCaseRecordsAreForTheAdministratorAndTheScrutineer) {
    const json c = notify(auth(Role::business_unit), incident(), 201);
    const int id = c["id"];
    ASSERT_EQ(server->client().Get("/api/v1/incidents/" + std::to_string(id), auth(Role::business_unit))->status, 200);
    server->count_reads();  // stored before anyone looks
    for (Role role : all_roles()) {
        Browser b(*server);
        ASSERT_TRUE(b.sign_in(server->email(role))) << role_key(role);
        auto page = b.get("/audit/reads?record=" + std::to_string(id));
        const bool allowed = role == Role::administrator || role == Role::scrutineer;
        ASSERT_EQ(page->status, allowed ? 200 : 403) << role_key(role);
        if (!allowed) continue;
        EXPECT_NE(page->body.find("Business unit Person"), std::string::npos) << "who read it";
        EXPECT_NE(page->body.find("Case " + std::to_string(id)), std::string::npos);
        EXPECT_EQ(page->body.find("Child T"), std::string::npos) << "the log names records, never shows them";
        auto none = b.get("/audit/reads?record=" + std::to_string(id + 1));
        EXPECT_NE(none->body.find("No reads match"), std::string::npos);
        EXPECT_EQ(b.get("/audit/reads?kind=peek")->status, 422);
    }
}

// The business unit's home page leads with the open cases whose statutory date comes soonest,
// overdue first, by pseudonym, and the list is logged as /reviews's is. The scrutineer's shows
// the figures and the clocks over every case, and no case. The administrator's shows neither.
TEST_F(ReviewsHttp, TheHomePageLeadsWithTheCasesDueSoonestAndTheScrutineerSeesOnlyFigures) {
    const int id = notify(auth(Role::business_unit), incident(), 201)["id"];  // the Panel was due to be told by 30 December 2025
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    const int reads = server->count_reads(AccessKind::list);
    const auto home = bu.get("/");
    ASSERT_EQ(home->status, 200);
    const std::string& body = home->body;
    EXPECT_NE(body.find("1 case past a statutory date"), std::string::npos) << body;
    EXPECT_NE(body.find("<li><a class=\"govuk-link\" href=\"/reviews/" + std::to_string(id) +
                        "\">SI-2025-01</a> (Child T): Notify the Panel, due 30 December 2025"),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("working days overdue</strong>"), std::string::npos);
    EXPECT_EQ(body.find("Taylor Example"), std::string::npos) << "pseudonyms only";
    EXPECT_EQ(server->count_reads(AccessKind::list), reads + 1) << "the cases shown are logged as a list";
    EXPECT_NE(body.find("Statutory clocks in 2025/26"), std::string::npos);
    EXPECT_NE(body.find("Panel notified in time</dt><dd class=\"govuk-summary-list__value\">0 of 1 (0%); 1 overdue"),
              std::string::npos)
        << body;

    Browser scrutineer(*server);
    ASSERT_TRUE(scrutineer.sign_in(server->email(Role::scrutineer)));
    const int before = server->count_reads();
    const auto theirs = scrutineer.get("/");
    ASSERT_EQ(theirs->status, 200);
    EXPECT_EQ(theirs->body.find("/reviews/" + std::to_string(id)), std::string::npos) << "no case record";
    EXPECT_EQ(theirs->body.find("Child T"), std::string::npos);
    EXPECT_NE(theirs->body.find("1 case past a statutory date"), std::string::npos);
    EXPECT_NE(theirs->body.find("Every case of the partnership."), std::string::npos);
    EXPECT_NE(theirs->body.find("0 of 1 (0%); 1 overdue"), std::string::npos);
    EXPECT_EQ(server->count_reads(), before) << "figures show no record, so nothing is logged";

    Browser admin(*server);
    ASSERT_TRUE(admin.sign_in(server->email(Role::administrator)));
    EXPECT_EQ(admin.get("/")->body.find("Serious incidents and reviews"), std::string::npos)
        << "the administrator does not work on cases";
}

TEST_F(ReviewsHttp, TheDashboardCountsTheStatutoryClocksByYearAsATableAndAChart) {
    const auto bu = auth(Role::business_unit);
    // Aware 19 December 2025: the Panel notified on 22 December, in time (due 30 December).
    const int in_time = notify(bu, incident(), 201)["id"];
    ASSERT_EQ(event(bu, in_time, {{"event", "notify_panel"}, {"on", "2025-12-22"}, {"version", 1}})->status, 200);
    // Aware 2 February 2026: the Panel notified on 20 February, late (due 9 February).
    json second = incident();
    second["became_aware_on"] = "2026-02-02";
    second["incident_on"] = "2026-02-01";
    const int late = notify(bu, second, 201)["id"];
    ASSERT_EQ(event(bu, late, {{"event", "notify_panel"}, {"on", "2026-02-20"}, {"version", 1}})->status, 200);

    Browser browser(*server);
    ASSERT_TRUE(browser.sign_in(server->email(Role::business_unit)));
    const auto page = browser.get("/reviews");
    ASSERT_EQ(page->status, 200);
    const std::string& body = page->body;
    EXPECT_NE(body.find("Statutory clocks, year by year"), std::string::npos);
    EXPECT_NE(body.find("<th scope=\"row\" class=\"govuk-table__header\">2025/26</th>"), std::string::npos) << body;
    // Both rapid reviews are long past their 15 working days and neither is decided.
    EXPECT_NE(body.find("1 of 2 (50%)<br><span class=\"govuk-body-s\">1 late</span>"), std::string::npos) << body;
    EXPECT_NE(body.find("0 of 2 (0%)<br><span class=\"govuk-body-s\">2 overdue</span>"), std::string::npos) << body;
    EXPECT_NE(body.find("<title id=\"chart-timeliness-title\">Statutory clocks met in time, by year</title>"), std::string::npos)
        << body;
    EXPECT_NE(body.find("2025/26: Panel notified"), std::string::npos) << "the chart names each bar";

    // The scrutineer, on no panel, sees the same figures and no case.
    Browser scrutineer(*server);
    ASSERT_TRUE(scrutineer.sign_in(server->email(Role::scrutineer)));
    const auto theirs = scrutineer.get("/reviews?show=all");
    ASSERT_EQ(theirs->status, 200);
    EXPECT_NE(theirs->body.find("0 of 2 (0%)<br><span class=\"govuk-body-s\">2 overdue</span>"), std::string::npos) << theirs->body;
    EXPECT_NE(theirs->body.find("The figures count every case of the partnership"), std::string::npos);
    EXPECT_EQ(theirs->body.find("Child T"), std::string::npos) << "figures, not records";
}
