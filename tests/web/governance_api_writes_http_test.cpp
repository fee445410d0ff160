// The governance API changes what the pages change (issue 20 item 1): a group's settings by PATCH
// (only what is sent; a stale version is a 409), a new terms-of-reference version, the end of a
// membership; a meeting's agenda item, its publication, a decision, the minutes, held or
// cancelled; and declarations of interest. A change the page would refuse is refused the same
// way (422 naming the field) and changes nothing; a member may read but not change.
#include <nlohmann/json.hpp>

#include <ctime>

#include "app/partnership.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

class GovernanceWritesHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        for (const auto& p : list_people(server->services(), Actor::system(PartnershipId{1}), PersonFilter{})) people[p.email] = p.id.value;
        group = ok(send("POST", "/api/v1/groups",
                        {{"name", "Core Business Group"}, {"type", "executive"}, {"chair_kind", "fixed"}, {"chair_id", person(Role::business_unit)},
                         {"cadence_months", 2}, {"quorum_kind", "min_members"}, {"quorum_value", 1}, {"active_from", "2020-01-01"}}),
                   201);
        id = std::to_string(group["id"].get<std::int64_t>());
        for (Role r : {Role::business_unit, Role::partner_lead}) {
            ok(send("POST", "/api/v1/groups/" + id + "/members", {{"person_id", person(r)}, {"code", "SP"}, {"role", "member"}, {"start", "2020-01-01"}}),
               201);
        }
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    std::int64_t person(Role role) { return people.at(server->email(role)); }
    httplib::Result send(const std::string& method, const std::string& path, const json& body, std::optional<Role> as = std::nullopt) {
        const auto headers = as ? auth(*as) : bu;
        auto c = server->client();
        if (method == "PATCH") return c.Patch(path, headers, body.dump(), "application/json");
        if (method == "PUT") return c.Put(path, headers, body.dump(), "application/json");
        return c.Post(path, headers, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    static std::set<std::string> fields(const httplib::Result& r) {
        std::set<std::string> out;
        const json problem = json::parse(r->body);
        for (const auto& e : problem["errors"]) out.insert(e["field"].get<std::string>());
        return out;
    }
    std::unique_ptr<Server> server;
    httplib::Headers bu;
    std::map<std::string, std::int64_t> people;
    json group;
    std::string id;
};

}  // namespace

TEST_F(GovernanceWritesHttp, AGroupIsPatchedTermsAddedAndAMembershipEnded) {
    const int version = group["version"];
    const json changed = ok(send("PATCH", "/api/v1/groups/" + id, {{"version", version}, {"purpose", "Runs the partnership's business"},
                                                                  {"deputy_id", person(Role::partner_lead)}}),
                            200);
    EXPECT_EQ(changed["purpose"], "Runs the partnership's business");
    EXPECT_EQ(changed["name"], "Core Business Group") << "what was not sent stays";
    EXPECT_EQ(changed["version"], version + 1);
    EXPECT_EQ(send("PATCH", "/api/v1/groups/" + id, {{"version", version}, {"purpose", "Stale"}})->status, 409);
    const auto bad = send("PATCH", "/api/v1/groups/" + id, {{"version", version + 1}, {"name", ""}, {"cadence_months", "often"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_TRUE(fields(bad).count("name")) << bad->body;
    EXPECT_EQ(ok(server->client().Get("/api/v1/groups/" + id, bu), 200)["purpose"], "Runs the partnership's business") << "nothing changed";
    EXPECT_EQ(send("PATCH", "/api/v1/groups/" + id, {{"version", version + 1}, {"purpose", "x"}}, Role::member)->status, 403);

    const json terms = ok(send("POST", "/api/v1/groups/" + id + "/terms", {{"markdown", "# Terms\n\nMeets every two months."}, {"approved_on", "2024-05-01"}}), 201);
    EXPECT_EQ(terms["version"], 1);
    EXPECT_EQ(send("POST", "/api/v1/groups/" + id + "/terms", {{"markdown", ""}, {"approved_on", "2024-05-01"}})->status, 422);

    const json members = ok(server->client().Get("/api/v1/groups/" + id + "/members", bu), 200);
    const json lead = *std::find_if(members["items"].begin(), members["items"].end(),
                                    [&](const json& m) { return m["person_id"] == person(Role::partner_lead); });
    const std::string end = "/api/v1/groups/" + id + "/members/" + std::to_string(lead["id"].get<std::int64_t>()) + "/end";
    const auto before_start = send("POST", end, {{"version", lead["version"]}, {"end", "2019-01-01"}});
    EXPECT_EQ(before_start->status, 422) << before_start->body;
    const json ended = ok(send("POST", end, {{"version", lead["version"]}, {"end", days_from_today(-1).iso()}}), 200);
    EXPECT_EQ(ended["end"], days_from_today(-1).iso());
}

TEST_F(GovernanceWritesHttp, AMeetingsAgendaDecisionsMinutesAndStatus) {
    json m = ok(send("POST", "/api/v1/groups/" + id + "/meetings", {{"on", days_from_today(7).iso()}, {"place", "Town hall"}}), 201);
    const std::string mid = std::to_string(m["id"].get<std::int64_t>());
    const std::string base = "/api/v1/meetings/" + mid;
    EXPECT_EQ(fields(send("POST", base + "/agenda", {{"version", m["version"]}, {"title", ""}})), std::set<std::string>{"title"});
    m = ok(send("POST", base + "/agenda", {{"version", m["version"]}, {"title", "Rapid review of Child W"}, {"owner_id", person(Role::business_unit)}}), 200);
    ASSERT_EQ(m["agenda"].size(), 1U);
    EXPECT_EQ(m["agenda"][0]["title"], "Rapid review of Child W");
    EXPECT_EQ(send("POST", base + "/agenda", {{"version", 1}, {"title", "From a stale page"}})->status, 409);
    m = ok(send("POST", base + "/agenda/publish", {{"version", m["version"]}}), 200);
    EXPECT_EQ(send("POST", base + "/agenda/publish", {{"version", m["version"]}})->status, 422) << "published once";
    const auto early = send("POST", base + "/status", {{"version", m["version"]}, {"status", "held"}});
    EXPECT_EQ(early->status, 422) << "not before its date";
    m = ok(send("POST", base + "/status", {{"version", m["version"]}, {"status", "cancelled"}, {"reason", "The chair is unwell"}}), 200);
    EXPECT_EQ(m["status"], "cancelled");
    EXPECT_EQ(m["cancel_reason"], "The chair is unwell");

    json past = ok(send("POST", "/api/v1/groups/" + id + "/meetings", {{"on", days_from_today(-3).iso()}, {"place", "Town hall"}}), 201);
    const std::string pid = "/api/v1/meetings/" + std::to_string(past["id"].get<std::int64_t>());
    past = ok(send("POST", pid + "/status", {{"version", past["version"]}, {"status", "held"}}), 200);
    EXPECT_EQ(past["status"], "held");
    past = ok(send("POST", pid + "/decisions", {{"version", past["version"]}, {"text", "The neglect strategy is approved."}}), 200);
    ASSERT_EQ(past["decisions"].size(), 1U);
    past = ok(send("PUT", pid + "/minutes", {{"version", past["version"]}, {"markdown", "Present: the members.\n\nThe strategy was approved."}}), 200);
    EXPECT_EQ(past["minutes"], "Present: the members.\n\nThe strategy was approved.");
    EXPECT_EQ(send("PUT", pid + "/minutes", {{"version", past["version"]}, {"markdown", "x"}}, Role::member)->status, 403);
}

TEST_F(GovernanceWritesHttp, InterestsAreDeclaredAndListed) {
    const auto bad = send("POST", "/api/v1/interests", {{"person_id", person(Role::member)}, {"interest", ""}, {"declared_on", "2026-02-30"}}, Role::member);
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(fields(bad).count("interest")) << bad->body;
    const json made = ok(send("POST", "/api/v1/interests",
                              {{"person_id", person(Role::member)}, {"interest", "My sister works at the school"}, {"declared_on", days_from_today(0).iso()}},
                              Role::member),
                         201);
    EXPECT_EQ(made["interest"], "My sister works at the school");
    const json listed = ok(server->client().Get("/api/v1/interests", auth(Role::read_only)), 200);
    ASSERT_EQ(listed["items"].size(), 1U);
    EXPECT_EQ(listed["items"][0]["interest"], "My sister works at the school");
}

TEST_F(GovernanceWritesHttp, TheForwardPlanListsMeetingsAndRefusesABadWindow) {
    ok(send("POST", "/api/v1/groups/" + id + "/meetings", {{"on", days_from_today(20).iso()}, {"place", "Town hall"}}), 201);
    const json plan = ok(server->client().Get("/api/v1/forward-plan?months=3", auth(Role::read_only)), 200);
    EXPECT_EQ(plan["months"], 3);
    const auto meeting = std::find_if(plan["items"].begin(), plan["items"].end(), [](const json& i) { return !i["meeting_id"].is_null(); });
    ASSERT_NE(meeting, plan["items"].end());
    EXPECT_EQ((*meeting)["on"], days_from_today(20).iso());
    EXPECT_EQ((*meeting)["group"], "Core Business Group");
    EXPECT_EQ(server->client().Get("/api/v1/forward-plan?months=99", bu)->status, 422);
    EXPECT_EQ(server->client().Get("/api/v1/forward-plan?from=2026-02-30", bu)->status, 422);
}
