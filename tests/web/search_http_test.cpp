// Search over HTTP against a real server on loopback (docs/decisions/0026-search-and-my-work.md): records
// made through the API are found at once by the page and the API, grouped by kind with links and
// marked matches; one kind pages with GOV.UK pagination and the API's cursor; a child's name and
// a case's summary are never found, not even by the business unit; an agency lead finds only their
// own agency's improvement actions; bad text (nothing, only operators, 1,000 characters, an unknown
// kind) is a GOV.UK error summary (422) or a problem document, never a 500; the box is in the
// header of signed-in pages only.
#include <nlohmann/json.hpp>

#include <set>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class SearchHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    json post(const std::string& path, const json& body, int expect = 201) {
        auto r = server->client().Post(path, auth(Role::business_unit), body.dump(), "application/json");
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, expect) << r->body;
        return json::parse(r->body);
    }
    json get(const std::string& path, Role role = Role::business_unit, int expect = 200) {
        auto r = server->client().Get(path, auth(role));
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, expect) << path << ": " << r->body;
        if (expect >= 400) {
            EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
        }
        return json::parse(r->body);
    }
    std::int64_t person(const std::string& name, const std::string& job) {
        static int n = 0;
        return post("/api/v1/people", {{"name", name}, {"job_title", job}, {"agency_id", server->council().value},
                                        {"email", "p" + std::to_string(++n) + "@search.example"}})["id"]
            .get<std::int64_t>();
    }
    // An improvement action written behind the server's back (the data version moved with it).
    void improvement(const std::string& agency_id, const std::string& text) {
        server->raw_sql_exec("INSERT INTO improvement_actions(partnership_id, agency_id, state, due, created_on, text) VALUES (1, " + agency_id +
                             ", 'agreed', '2026-03-31', '2026-01-05', '" + text + "'); UPDATE data_version SET version = version + 1");
    }
    std::unique_ptr<Server> server;
};

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

}  // namespace

TEST_F(SearchHttp, RecordsMadeThroughTheApiAreFoundAtOnceGroupedWithLinksAndMarkedMatches) {
    const auto agency = post("/api/v1/agencies", {{"name", "Kestrel Housing Trust"}, {"kind", "relevant_agency"}, {"sector", "housing"}});
    const auto id = person("Kestrel Nightingale", "Tenancy officer");
    const json r = get("/api/v1/search?q=kestrel");
    ASSERT_EQ(r["items"].size(), 2u) << r.dump();
    EXPECT_EQ(r["counts"]["person"], 1);
    EXPECT_EQ(r["counts"]["agency"], 1);
    std::set<std::string> links;
    for (const auto& h : r["items"]) links.insert(h["link"].get<std::string>());
    EXPECT_EQ(links, (std::set<std::string>{"/people/" + std::to_string(id), "/agencies/" + std::to_string(agency["id"].get<int>())}));
    EXPECT_FALSE(r.contains("next"));

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    const auto page = b.get("/search?q=Kestrel");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page->body, "<title>Search results for “Kestrel” – Assure</title>"));
    EXPECT_TRUE(has(page->body, "2 results for “Kestrel”"));
    EXPECT_TRUE(has(page->body, "<h2 class=\"govuk-heading-m\" id=\"results-person-heading\">People"));
    EXPECT_TRUE(has(page->body, "<h2 class=\"govuk-heading-m\" id=\"results-agency-heading\">Agencies"));
    EXPECT_TRUE(has(page->body, "<a class=\"govuk-link\" href=\"/people/" + std::to_string(id) +
                                    "\"><mark class=\"assure-mark\">Kestrel</mark> Nightingale</a>"));

    // A change is found at once: the index is written in the change's own transaction.
    auto patched = server->client().Patch("/api/v1/people/" + std::to_string(id), auth(Role::business_unit),
                                          json{{"name", "Merlin Nightingale"}, {"version", 1}}.dump(), "application/json");
    ASSERT_EQ(patched->status, 200) << patched->body;
    EXPECT_EQ(get("/api/v1/search?q=kestrel")["counts"].size(), 1u);
    EXPECT_TRUE(has(b.get("/search?q=merlin")->body, "1 result for “merlin”"));
}

TEST_F(SearchHttp, OneKindPagesThroughEveryMatchOnThePageAndTheApi) {
    for (int i = 0; i < 25; ++i) person("Walrus " + std::to_string(i), "Officer");
    std::set<std::string> seen;
    std::string path = "/api/v1/search?q=walrus&kind=person&limit=10";
    int pages = 0;
    for (;;) {
        const json r = get(path);
        ++pages;
        for (const auto& h : r["items"]) EXPECT_TRUE(seen.insert(h["link"].get<std::string>()).second);
        if (!r.contains("next")) break;
        path = "/api/v1/search?q=walrus&kind=person&limit=10&cursor=" + r["next"].get<std::string>();
    }
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen.size(), 25u);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const auto grouped = b.get("/search?q=walrus");
    EXPECT_TRUE(has(grouped->body, "<a class=\"govuk-link\" href=\"/search?q=walrus&amp;kind=person\">See all 25 people</a>"));
    const auto one = b.get("/search?q=walrus&kind=person");
    ASSERT_EQ(one->status, 200);
    EXPECT_TRUE(has(one->body, "govuk-pagination")) << "20 a page, so a second page";
    EXPECT_TRUE(has(one->body, "All results for “walrus”"));
}

TEST_F(SearchHttp, AChildsNameAndACasesSummaryAreNeverFound) {
    const json c = {{"became_aware_on", "2025-12-19"},
                    {"incident_on", "2025-12-18"},
                    {"kind", "serious_harm"},
                    {"looked_after", false},
                    {"summary", "Zebedee was admitted to hospital with unexplained injuries"},
                    {"children", {{{"pseudonym", "Child Z"}, {"name", "Zebedee Quintrell"}, {"date_of_birth", "2024-02-02"}}}}};
    post("/api/v1/incidents", c);
    for (const Role role : {Role::business_unit, Role::partner_lead, Role::scrutineer, Role::member}) {
        for (const char* q : {"zebedee", "quintrell", "unexplained", "%22Child%20Z%22"}) {
            const json r = get("/api/v1/search?q=" + std::string(q), role);
            EXPECT_TRUE(r["items"].empty()) << q << ": " << r.dump();
        }
    }
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const auto page = b.get("/search?q=Quintrell");
    EXPECT_TRUE(has(page->body, "No records found"));
    EXPECT_FALSE(has(page->body, "/reviews/"));
}

TEST_F(SearchHttp, AnAgencyLeadFindsOnlyTheirOwnAgencysImprovementActions) {
    const auto other = post("/api/v1/agencies", {{"name", "Otter Academy"}, {"kind", "relevant_agency"}, {"sector", "education"}});
    improvement(server->council().str(), "Refresh the escalation policy");
    improvement(std::to_string(other["id"].get<int>()), "Audit escalation decisions");
    EXPECT_EQ(get("/api/v1/search?q=escalation")["items"].size(), 2u);
    const json lead = get("/api/v1/search?q=escalation", Role::agency_lead);
    ASSERT_EQ(lead["items"].size(), 1u);
    EXPECT_EQ(lead["items"][0]["title"], "Refresh the escalation policy");
    EXPECT_EQ(lead["counts"]["improvement_action"], 1);
}

TEST_F(SearchHttp, BadTextIsAClearMessageNeverAServerError) {
    const std::string long_text(1000, 'a');
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "Enter a word or name to search for"},
        {"%20%20", "Enter a word or name to search for"},
        {"-%20%22%22%20OR%20--", "Enter words or names to search for, not only symbols such as - and \" or the word OR"},
        {long_text, "Search for 200 characters or fewer"},
    };
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    for (const auto& [q, message] : cases) {
        const json r = get("/api/v1/search?q=" + q, Role::business_unit, 422);
        ASSERT_EQ(r["errors"].size(), 1u) << r.dump();
        EXPECT_EQ(r["errors"][0]["field"], "q");
        EXPECT_EQ(r["errors"][0]["message"], message);
        const auto page = b.get("/search?q=" + q);
        EXPECT_EQ(page->status, 422);
        EXPECT_TRUE(has(page->body, "govuk-error-summary"));
        EXPECT_TRUE(has(page->body, "<title>Error: Search – Assure</title>"));
        EXPECT_TRUE(has(page->body, "href=\"#q\""));
    }
    EXPECT_EQ(get("/api/v1/search", Role::business_unit, 422)["errors"][0]["field"], "q");
    EXPECT_EQ(get("/api/v1/search?q=x&kind=review_case", Role::business_unit, 422)["errors"][0]["field"], "kind");
    EXPECT_EQ(get("/api/v1/search?q=x&cursor=junk", Role::business_unit, 422)["errors"][0]["field"], "cursor");
    EXPECT_EQ(get("/api/v1/search?q=x&limit=0", Role::business_unit, 422)["errors"][0]["field"], "limit");
    EXPECT_EQ(server->client().Get("/api/v1/search?q=x")->status, 401);
    // Opening the page from the menu, with nothing asked yet, is not an error.
    EXPECT_EQ(b.get("/search")->status, 200);
}

TEST_F(SearchHttp, TheSearchBoxIsInTheHeaderOfSignedInPagesOnly) {
    Browser b(*server);
    const std::string box = "<form method=\"get\" action=\"/search\" role=\"search\" aria-label=\"Search the partnership’s records\" class=\"assure-header-search__form\">";
    EXPECT_FALSE(has(b.get("/login")->body, box));
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    EXPECT_TRUE(has(b.get("/")->body, box));
    EXPECT_TRUE(has(b.get("/groups")->body, box));
}
