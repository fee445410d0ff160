// "My work" over HTTP (issue 19 item 2): a member's open meeting actions and the improvement
// actions they lead are listed on /my-work with their due dates, overdue first and tagged;
// the home page links to it with the counts; the API answers the same list; someone who owes
// nothing is told so. Records are written behind the server's back with the data version moved.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

class MyWorkHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        const std::string me = "(SELECT person_id FROM users WHERE email = '" + server->email(Role::member) + "')";
        server->raw_sql_exec(
            "INSERT INTO governance_groups(partnership_id, name, active_from) VALUES (1, 'Neglect Group', '2019-04-01');"
            "INSERT INTO governance_meetings(partnership_id, group_id, held_on, status) "
            "  SELECT 1, id, '2020-01-06', 'held' FROM governance_groups WHERE name = 'Neglect Group';"
            "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, due_on, status, text) "
            "  SELECT 1, id, " + me + ", '2020-02-01', 'open', 'Circulate the toolkit' FROM governance_meetings;"
            "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, due_on, status, text) "
            "  SELECT 1, id, " + me + ", '2099-02-01', 'open', 'Report back on attendance' FROM governance_meetings;"
            "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, due_on, status, text) "
            "  SELECT 1, id, " + me + ", '2020-01-01', 'done', 'Already done' FROM governance_meetings;"
            "INSERT INTO improvement_actions(partnership_id, agency_id, state, due, created_on, text, lead_id, detail_json) "
            "  VALUES (1, " + server->council().str() + ", 'in_progress', '2099-03-01', '2019-05-01', 'Refresh the escalation policy', " + me +
            ", '{\"updates\":[],\"evidence\":[]}');"
            "UPDATE data_version SET version = version + 1");
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(MyWorkHttp, WhatAMemberOwesIsListedOverdueFirstAndLinkedFromTheHomePage) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    const auto home = b.get("/");
    EXPECT_TRUE(has(home->body, "<a class=\"govuk-link\" href=\"/my-work\">My work</a>: 3 things waiting for you, 1 overdue")) << home->body;
    const auto page = b.get("/my-work");
    ASSERT_EQ(page->status, 200);
    const auto first = page->body.find("Circulate the toolkit");
    const auto second = page->body.find("Report back on attendance");
    const auto third = page->body.find("Refresh the escalation policy");
    ASSERT_NE(first, std::string::npos);
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
    EXPECT_FALSE(has(page->body, "Already done"));
    EXPECT_TRUE(has(page->body, "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong> Due 1 February 2020"));
    EXPECT_TRUE(has(page->body, "Due 1 February 2099"));

    const auto api = server->client().Get("/api/v1/my-work?limit=2", {{"Authorization", "Bearer " + server->token(Role::member)}});
    ASSERT_EQ(api->status, 200);
    const json r = json::parse(api->body);
    ASSERT_EQ(r["items"].size(), 2u);
    EXPECT_EQ(r["items"][0]["kind"], "meeting_action");
    EXPECT_EQ(r["items"][0]["overdue"], true);
    EXPECT_EQ(r["items"][0]["due"], "2020-02-01");
    EXPECT_EQ(r["counts"]["owed"], 3);
    ASSERT_TRUE(r.contains("next"));
    const auto rest = server->client().Get("/api/v1/my-work?limit=2&cursor=" + r["next"].get<std::string>(),
                                           {{"Authorization", "Bearer " + server->token(Role::member)}});
    const json r2 = json::parse(rest->body);
    ASSERT_EQ(r2["items"].size(), 1u);
    EXPECT_EQ(r2["items"][0]["kind"], "improvement_action");
    EXPECT_EQ(r2["items"][0]["link"].get<std::string>().rfind("/improvement/", 0), 0u);
    EXPECT_EQ(server->client().Get("/api/v1/my-work?cursor=junk", {{"Authorization", "Bearer " + server->token(Role::member)}})->status, 422);
}

TEST_F(MyWorkHttp, SomeoneWhoOwesNothingIsToldSo) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::scrutineer)));
    EXPECT_TRUE(has(b.get("/")->body, "My work</a>: 0 things waiting for you, 0 overdue"));
    EXPECT_TRUE(has(b.get("/my-work")->body, "Nothing is waiting for you"));
}
