// The home page over HTTP (issue 19 item 1): what needs the signed-in person comes first. A
// member sees the first things they owe, overdue first with due dates in words, and their
// groups' next meetings with the papers and whether the agenda has gone out; a chair is told so;
// a group they have left, a meeting already held or cancelled, and another group's meeting are not
// shown. Someone who is no one in the directory sees no meetings and no error.
#include <nlohmann/json.hpp>

#include <ctime>

#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }
bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

class HomeHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        for (const auto& p : list_people(server->services(), Actor::system(PartnershipId{1}), PersonFilter{})) people[p.email] = p.id.value;
    }
    httplib::Headers bu() { return {{"Authorization", "Bearer " + server->token(Role::business_unit)}}; }
    json ok(const std::string& path, const json& body, int status = 201) {
        auto r = server->client().Post(path, bu(), body.dump(), "application/json");
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << path << ": " << r->body;
        return json::parse(r->body);
    }
    std::int64_t group(const std::string& name) {
        return ok("/api/v1/groups", {{"name", name}, {"type", "executive"}, {"chair_kind", "fixed"},
                                     {"chair_id", people.at(server->email(Role::business_unit))}, {"cadence_months", 2},
                                     {"quorum_kind", "min_members"}, {"quorum_value", 1}, {"active_from", "2020-01-01"}})["id"];
    }
    void join(std::int64_t g, Role who, const std::string& role, const std::string& end = "") {
        json body{{"person_id", people.at(server->email(who))}, {"code", "SP"}, {"role", role}, {"start", "2020-01-01"}};
        if (!end.empty()) body["end"] = end;
        ok("/api/v1/groups/" + std::to_string(g) + "/members", body);
    }
    std::int64_t meeting(std::int64_t g, int days, const std::string& at = "10:00") {
        return ok("/api/v1/groups/" + std::to_string(g) + "/meetings",
                  {{"on", days_from_today(days).iso()}, {"starts_at", at}, {"place", "Town hall"}})["id"];
    }
    std::unique_ptr<Server> server;
    std::map<std::string, std::int64_t> people;
};

}  // namespace

TEST_F(HomeHttp, AMembersGroupsNextMeetingsComeSoonestFirstWithTheirPapers) {
    const std::int64_t neglect = group("Neglect Group");
    const std::int64_t forum = group("Strategic Forum");
    const std::int64_t left = group("Old Working Group");
    const std::int64_t other = group("Training Group");
    join(neglect, Role::member, "member");
    join(forum, Role::member, "chair");
    join(left, Role::member, "member", days_from_today(-30).iso());
    meeting(neglect, -5);  // held already: not next
    const std::int64_t neglect_next = meeting(neglect, 20);
    meeting(neglect, 40);  // after the next one
    const std::int64_t forum_next = meeting(forum, 10, "14:00");
    meeting(left, 12);
    meeting(other, 3);
    // A paper on the Neglect Group's next meeting, written behind the server's back.
    server->raw_sql_exec(
        "INSERT INTO documents(partnership_id, record_type, record_id, title, created_at, updated_at) VALUES (1, 'meeting', " +
        std::to_string(neglect_next) + ", 'Neglect strategy', 1, 1);"
        "INSERT INTO document_versions(partnership_id, document_id, number, filename, content_type, size, sha256, "
        "uploaded_by_label, uploaded_at) SELECT 1, id, 1, 'strategy.pdf', 'application/pdf', 10, '" + std::string(64, 'a') +
        "', 'Ann', 1 FROM documents;"
        "UPDATE data_version SET version = version + 1");

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    const std::string body = member.get("/")->body;
    const auto forum_at = body.find("<a class=\"govuk-link\" href=\"/meetings/" + std::to_string(forum_next) + "\">Strategic Forum, " +
                                    date_in_words(days_from_today(10)) + " at 14:00</a>");
    const auto neglect_at = body.find("<a class=\"govuk-link\" href=\"/meetings/" + std::to_string(neglect_next) + "\">Neglect Group, " +
                                      date_in_words(days_from_today(20)) + " at 10:00</a>");
    ASSERT_NE(forum_at, std::string::npos) << body;
    ASSERT_NE(neglect_at, std::string::npos) << body;
    EXPECT_LT(forum_at, neglect_at) << "soonest first";
    EXPECT_TRUE(has(body, "You are its chair"));
    EXPECT_TRUE(has(body, "<a class=\"govuk-link\" href=\"/meetings/" + std::to_string(neglect_next) + "/documents\">1 paper</a>"));
    EXPECT_TRUE(has(body, "Agenda not sent yet. No papers yet."));
    const auto list_at = body.find("id=\"next-meetings\"");
    ASSERT_NE(list_at, std::string::npos);
    const std::string meetings = body.substr(list_at, body.find("</ul>", list_at) - list_at);
    EXPECT_FALSE(has(meetings, "Old Working Group")) << "a membership that has ended";
    EXPECT_FALSE(has(meetings, "Training Group")) << "a group they are not in";

    // The business unit is in no group here: no heading, no error.
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    const auto theirs = unit.get("/");
    ASSERT_EQ(theirs->status, 200);
    EXPECT_FALSE(has(theirs->body, "Your groups’ next meetings"));
}

TEST_F(HomeHttp, TheFirstThingsOwedLeadTheHomePageWithALinkToTheRest) {
    const std::int64_t g = group("Neglect Group");
    const std::int64_t held = meeting(g, -40);
    const std::string me = std::to_string(people.at(server->email(Role::member)));
    std::string sql;
    for (int i = 1; i <= 7; ++i) {
        const std::string due = (i == 1 ? days_from_today(-3) : days_from_today(i * 10)).iso();
        sql += "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, due_on, status, text) VALUES (1, " +
               std::to_string(held) + ", " + me + ", '" + due + "', 'open', 'Action number " + std::to_string(i) + "');";
    }
    server->raw_sql_exec(sql + "UPDATE data_version SET version = version + 1");
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    const std::string body = member.get("/")->body;
    EXPECT_TRUE(has(body, "My work</a>: 7 things waiting for you, 1 overdue")) << body;
    EXPECT_TRUE(has(body, "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong> Due " + date_in_words(days_from_today(-3))));
    for (int i = 1; i <= 5; ++i) EXPECT_TRUE(has(body, "Action number " + std::to_string(i))) << i;
    EXPECT_FALSE(has(body, "Action number 6")) << "five are shown";
    EXPECT_TRUE(has(body, "<a class=\"govuk-link\" href=\"/my-work\">All 7 things waiting for you</a>"));
    EXPECT_LT(body.find("Action number 1"), body.find("Action number 2")) << "overdue first, then by due date";
}

// An overdue action escalated to a member (decision 0036; written behind the server's back as the
// daily round would) is on their home page, and its page says to whom and when it went.
TEST_F(HomeHttp, AnActionEscalatedToAPersonIsOnTheirHomePageAndTheActionsPage) {
    const std::int64_t g = group("Neglect Group");
    const std::int64_t held = meeting(g, -60);
    const std::string owner = std::to_string(people.at(server->email(Role::business_unit)));
    const std::string chair = std::to_string(people.at(server->email(Role::member)));
    const std::string due = days_from_today(-30).iso();
    server->raw_sql_exec(
        "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, due_on, status, text) VALUES (1, " +
        std::to_string(held) + ", " + owner + ", '" + due + "', 'open', 'Refresh the neglect toolkit');"
        "INSERT INTO governance_action_escalations(partnership_id, action_id, step, due_on, escalated_on, person_id, person_name) "
        "SELECT 1, id, 'chair', '" + due + "', '2026-11-20', " + chair + ", 'Morgan Member' FROM governance_actions "
        "WHERE text = 'Refresh the neglect toolkit';"
        "UPDATE data_version SET version = version + 1");
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    const std::string home = member.get("/")->body;
    const auto at = home.find("Refresh the neglect toolkit");
    ASSERT_NE(at, std::string::npos) << home;
    EXPECT_TRUE(has(home, "Action escalated to you: as the group&apos;s chair, on 20 November 2026")) << home;
    const auto link = home.rfind("href=\"/actions/", at);
    ASSERT_NE(link, std::string::npos);
    const std::string path = home.substr(link + 6, home.find('"', link + 6) - link - 6);
    const std::string page = member.get(path)->body;
    EXPECT_TRUE(has(page, "Morgan Member, on 20 November 2026 (due " + date_in_words(days_from_today(-30)) + ")")) << page;
}
