// The directory's lists over real HTTP: the API's limit, cursor and next, 422 for a bad limit or
// cursor, and the pages' GOV.UK pagination.
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class DirectoryPagingHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new Server();
        auto c = server->client();
        auto created = c.Post("/api/v1/agencies", auth(),
                              json{{"name", "Paging Primary School"}, {"kind", "relevant_agency"}, {"sector", "education"}}.dump(),
                              "application/json");
        agency = json::parse(created->body)["id"].get<std::int64_t>();
        // 51 people in one agency: one more than a page holds by default.
        for (int i = 0; i < 51; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "Pupil %02d", i);
            c.Post("/api/v1/people", auth(),
                   json{{"name", name}, {"job_title", "Teacher"}, {"agency_id", agency},
                        {"email", "pupil" + std::to_string(i) + "@paging.example"}}.dump(),
                   "application/json");
        }
    }
    static void TearDownTestSuite() { delete server; }
    static httplib::Headers auth() { return {{"Authorization", "Bearer " + server->token(Role::business_unit)}}; }
    static json get(const std::string& path, int expect = 200) {
        auto r = server->client().Get(path, auth());
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, expect) << path << ": " << r->body;
        return json::parse(r->body);
    }
    static Server* server;
    static std::int64_t agency;
};
Server* DirectoryPagingHttp::server = nullptr;
std::int64_t DirectoryPagingHttp::agency = 0;

}  // namespace

TEST_F(DirectoryPagingHttp, PeopleApiPagesWithLimitCursorAndNext) {
    const std::string base = "/api/v1/people?agency_id=" + std::to_string(agency);
    const json first = get(base);
    EXPECT_EQ(first["items"].size(), 50u) << "the default limit is 50";
    ASSERT_TRUE(first.contains("next"));

    std::vector<std::string> names;
    std::string cursor;
    for (int pages = 0; pages < 20; ++pages) {
        const json page = get(base + "&limit=20" + (cursor.empty() ? "" : "&cursor=" + cursor));
        for (const auto& p : page["items"]) names.push_back(p["name"]);
        if (!page.contains("next")) break;
        cursor = page["next"];
    }
    ASSERT_EQ(names.size(), 51u);
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), 51u) << "no one twice";
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    EXPECT_EQ(names.front(), "Pupil 00");
    EXPECT_EQ(names.back(), "Pupil 50");
}

TEST_F(DirectoryPagingHttp, AgenciesApiPagesAndSearches) {
    const json one = get("/api/v1/agencies?limit=1");
    EXPECT_EQ(one["items"].size(), 1u);
    ASSERT_TRUE(one.contains("next"));
    const json second = get("/api/v1/agencies?limit=1&cursor=" + one["next"].get<std::string>());
    ASSERT_EQ(second["items"].size(), 1u);
    EXPECT_NE(second["items"][0]["id"], one["items"][0]["id"]);

    const json found = get("/api/v1/agencies?q=paging%20PRIMARY");
    ASSERT_EQ(found["items"].size(), 1u);
    EXPECT_EQ(found["items"][0]["id"], agency);
    EXPECT_FALSE(found.contains("next"));
}

TEST_F(DirectoryPagingHttp, ABadLimitOrCursorIsA422NamingTheField) {
    for (const std::string path : {"/api/v1/agencies", "/api/v1/people"}) {
        for (const std::string limit : {"0", "501", "ten", "-1"}) {
            const json problem = get(path + "?limit=" + limit, 422);
            ASSERT_TRUE(problem["errors"].is_array()) << problem;
            EXPECT_EQ(problem["errors"][0]["field"], "limit");
        }
        EXPECT_EQ(get(path + "?cursor=not-ours", 422)["errors"][0]["field"], "cursor");
        EXPECT_EQ(get(path + "?cursor=41", 422)["errors"][0]["field"], "cursor") << "hex, but not two parts";
        EXPECT_EQ(get(path + "?status=sleeping", 422)["errors"][0]["field"], "status");
    }
    EXPECT_EQ(get("/api/v1/people?agency_id=abc", 422)["errors"][0]["field"], "agency_id");
    EXPECT_EQ(get("/api/v1/agencies?kind=charity", 422)["errors"][0]["field"], "kind");
    EXPECT_EQ(get("/api/v1/agencies?limit=500")["items"].is_array(), true) << "500 is allowed";
}

TEST_F(DirectoryPagingHttp, ThePeoplePageShowsFiftyThenPageTwoFromItsNextLink) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::read_only)));
    const std::string path = "/people?agency=" + std::to_string(agency);
    auto first = b.get(path);
    ASSERT_EQ(first->status, 200);
    const std::regex person_link(R"(href="/people/\d+">Pupil)");
    auto count = [&](const std::string& html) {
        return std::distance(std::sregex_iterator(html.begin(), html.end(), person_link), std::sregex_iterator());
    };
    EXPECT_EQ(count(first->body), 50);
    EXPECT_NE(first->body.find("govuk-pagination"), std::string::npos);
    std::smatch next;
    ASSERT_TRUE(std::regex_search(first->body, next, std::regex(R"re(href="([^"]*)" rel="next")re")));
    std::string href = next[1];
    for (std::size_t at; (at = href.find("&amp;")) != std::string::npos;) href.replace(at, 5, "&");

    auto second = b.get(href);
    ASSERT_EQ(second->status, 200) << href;
    EXPECT_EQ(count(second->body), 1);
    EXPECT_NE(second->body.find("Pupil 50"), std::string::npos);
    EXPECT_EQ(second->body.find("Pupil 49"), std::string::npos);
    EXPECT_NE(second->body.find("rel=\"prev\""), std::string::npos) << "a way back to the first page";
    EXPECT_EQ(second->body.find("rel=\"next\""), std::string::npos);
}

TEST_F(DirectoryPagingHttp, ThePeoplePageSearchWorksAsAPlainForm) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::read_only)));
    auto r = b.get("/people?q=pupil%2007&status=active");  // the test client sends a typed + as %2B
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Pupil 07"), std::string::npos);
    EXPECT_EQ(r->body.find("Pupil 08"), std::string::npos);
    EXPECT_NE(r->body.find("<form method=\"get\" action=\"/people\""), std::string::npos);
    EXPECT_NE(r->body.find("value=\"pupil 07\""), std::string::npos) << "the search is kept in its box";
}
