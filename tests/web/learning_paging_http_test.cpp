// Learning's lists over HTTP, a page at a time: the API's `limit`, `cursor` and `next` (and a
// 422 naming a bad one), and the action plan's second page with its filters kept.
#include <nlohmann/json.hpp>

#include <ctime>
#include <regex>
#include <set>

#include "app/access.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

class LearningPaging : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = {{"Authorization", "Bearer " + server->token(Role::business_unit)}};
        for (const auto& p : list_people(server->services(), Actor::system(PartnershipId{1}), PersonFilter{})) {
            if (p.email == server->email(Role::agency_lead)) lead_person = p.id.value;
        }
    }
    json post(const std::string& path, const json& body) {
        auto r = server->client().Post(path, bu, body.dump(), "application/json");
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, 201) << r->body;
        return json::parse(r->body);
    }
    json get(const std::string& path, int status = 200) {
        auto r = server->client().Get(path, bu);
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << path << ": " << r->body;
        return json::parse(r->body);
    }
    // A source with a recommendation, and `n` actions from it due on successive days.
    std::vector<std::int64_t> raise(int n) {
        const json src = post("/api/v1/learning", {{"kind", "thematic_audit"}, {"title", "Neglect audit"}, {"on", "2026-06-01"}});
        const std::string base = "/api/v1/learning/" + std::to_string(src["id"].get<int>());
        post(base + "/recommendations", {{"version", 1}, {"text", "Train staff"}, {"priority", "Neglect"}});
        std::vector<std::int64_t> ids;
        for (int i = 0; i < n; ++i) {
            ids.push_back(post(base + "/recommendations/1/actions", {{"text", "Action " + std::to_string(i)}, {"agency_id", server->council().value},
                                                                    {"lead_id", lead_person}, {"due", days_from_today(30 + i).iso()},
                                                                    {"success_measure", "Audit"}})["id"]);
        }
        return ids;
    }
    // Every page of an API list, following `next`; the ids in the order given.
    std::vector<std::int64_t> every_page(const std::string& path, int* pages) {
        std::vector<std::int64_t> ids;
        std::string cursor;
        for (*pages = 0;; ++*pages) {
            const json page = get(path + (cursor.empty() ? "" : "&cursor=" + cursor));
            for (const auto& item : page["items"]) ids.push_back(item.contains("id") ? item["id"].get<std::int64_t>() : item["agency_id"].get<std::int64_t>());
            if (!page.contains("next")) {
                ++*pages;
                return ids;
            }
            cursor = page["next"];
        }
    }
    static std::string field_of(const json& problem) { return problem["errors"].at(0)["field"]; }
    static int rows_in(const std::string& html) {
        int n = 0;
        for (std::size_t at = html.find("<tr class=\"govuk-table__row\"><td"); at != std::string::npos;
             at = html.find("<tr class=\"govuk-table__row\"><td", at + 1)) {
            ++n;
        }
        return n;
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    std::int64_t lead_person = 0;
};

}  // namespace

TEST_F(LearningPaging, TheActionPlanApiPagesByDueDateWithNoRepeatsOrGaps) {
    const auto made = raise(5);
    int pages = 0;
    EXPECT_EQ(every_page("/api/v1/improvement-actions?limit=2", &pages), made);
    EXPECT_EQ(pages, 3);
    const json all = get("/api/v1/improvement-actions");
    EXPECT_EQ(all["items"].size(), 5u);
    EXPECT_FALSE(all.contains("next"));
    // Filters and paging together: the cursor carries on within the filter.
    EXPECT_EQ(every_page("/api/v1/improvement-actions?state=proposed&limit=4", &pages), made);
    EXPECT_EQ(pages, 2);
    EXPECT_TRUE(get("/api/v1/improvement-actions?state=agreed")["items"].empty());
    EXPECT_EQ(get("/api/v1/improvement-actions?q=Action%203")["items"].size(), 1u);
}

TEST_F(LearningPaging, ABadLimitOrCursorIsA422NamingIt) {
    raise(1);
    for (const char* list : {"/api/v1/improvement-actions", "/api/v1/learning"}) {
        for (const char* limit : {"0", "501", "ten", "-1", "2.5"}) {
            EXPECT_EQ(field_of(get(std::string(list) + "?limit=" + limit, 422)), "limit") << list << " limit=" << limit;
        }
        EXPECT_EQ(field_of(get(std::string(list) + "?cursor=not-ours", 422)), "cursor");
        EXPECT_EQ(field_of(get(std::string(list) + "?cursor=3132", 422)), "cursor");  // hex, but not a cursor of this list
        EXPECT_EQ(get(std::string(list) + "?limit=500")["items"].size(), 1u);
    }
    EXPECT_EQ(field_of(get("/api/v1/improvement-actions?group_id=x", 422)), "group_id");
}

TEST_F(LearningPaging, LearningSourcesPageNewestFirst) {
    std::vector<std::int64_t> made;
    for (const char* on : {"2026-01-10", "2026-03-10", "2026-02-10"}) {
        made.push_back(post("/api/v1/learning", {{"kind", "research"}, {"title", std::string("Research ") + on}, {"on", on}})["id"]);
    }
    int pages = 0;
    EXPECT_EQ(every_page("/api/v1/learning?limit=2", &pages), (std::vector<std::int64_t>{made[1], made[2], made[0]}));
    EXPECT_EQ(pages, 2);
    EXPECT_EQ(get("/api/v1/learning?q=2026-03")["items"].size(), 1u);
    EXPECT_EQ(field_of(get("/api/v1/learning?priority=Knitting", 422)), "priority");
}

TEST_F(LearningPaging, ACyclesReturnsPageInTheOrderInvited) {
    const json cycle = post("/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", days_from_today(-5).iso()},
                                               {"closes", days_from_today(30).iso()}, {"invited_ids", {server->council().value}}});
    const std::string base = "/api/v1/audits/" + std::to_string(cycle["id"].get<int>());
    int pages = 0;
    EXPECT_EQ(every_page(base + "/returns?limit=1", &pages), std::vector<std::int64_t>{server->council().value});
    EXPECT_EQ(pages, 1);
    EXPECT_EQ(get(base + "?limit=1")["returns"].size(), 1u);
    EXPECT_EQ(field_of(get(base + "/returns?limit=0", 422)), "limit");
}

TEST_F(LearningPaging, TheActionPlansSecondPageKeepsItsFilters) {
    raise(52);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto first = b.get("/improvement?state=proposed&priority=Neglect");
    ASSERT_EQ(first->status, 200);
    EXPECT_EQ(rows_in(first->body), 50);
    EXPECT_NE(first->body.find("52 in all"), std::string::npos);
    std::smatch next;
    ASSERT_TRUE(std::regex_search(first->body, next, std::regex(R"re(<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next")re")));
    std::string href = std::regex_replace(next[1].str(), std::regex("&amp;"), "&");
    EXPECT_NE(href.find("state=proposed"), std::string::npos);
    EXPECT_NE(href.find("priority=Neglect"), std::string::npos);
    auto second = b.get(href);
    ASSERT_EQ(second->status, 200);
    EXPECT_EQ(rows_in(second->body), 2);
    EXPECT_NE(second->body.find("Action 51"), std::string::npos);
    EXPECT_EQ(second->body.find(">Action 0<"), std::string::npos);
    EXPECT_NE(second->body.find("rel=\"prev\""), std::string::npos);  // back to the first page
    EXPECT_EQ(second->body.find("rel=\"next\""), std::string::npos);
    EXPECT_EQ(b.get("/improvement?limit=0")->status, 422);
}
