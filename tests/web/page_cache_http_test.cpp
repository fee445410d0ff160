// Kept pages (web/page_cache.hpp) against a real server: served again only at the same data
// version and day, each time with a fresh nonce and the asking session's own CSRF token; a
// change from another process ends them; a restricted record is never served from one.
#include <nlohmann/json.hpp>

#include <regex>

#include "web/harness.hpp"
#include "web/page_cache.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

std::string cache_of(const httplib::Result& r) { return r->get_header_value("X-Assure-Cache"); }

std::string nonce_in_header(const httplib::Result& r) {
    std::smatch m;
    const std::string csp = r->get_header_value("Content-Security-Policy");
    return std::regex_search(csp, m, std::regex("'nonce-([^']+)'")) ? m[1].str() : std::string();
}

std::string nonce_in_body(const httplib::Result& r) {
    std::smatch m;
    return std::regex_search(r->body, m, std::regex("nonce=\"([^\"]+)\"")) ? m[1].str() : std::string();
}

class PageCacheHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>([](web::WebConfig& c) { c.count_statements = true; });
    }
    // Notifies an incident through the API for `child` (a JSON object) and returns its id.
    int notify_incident(const httplib::Headers& as, const nlohmann::json& child) {
        const nlohmann::json incident{{"became_aware_on", "2025-12-19"}, {"incident_on", "2025-12-18"},
                                      {"kind", "serious_harm"},          {"looked_after", false},
                                      {"summary", "Admitted to hospital"}, {"children", nlohmann::json::array({child})}};
        auto made = server->client().Post("/api/v1/incidents", as, incident.dump(), "application/json");
        EXPECT_EQ(made->status, 201) << made->body;
        return made->status == 201 ? nlohmann::json::parse(made->body)["id"].get<int>() : 0;
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST(Fillable, PutsBackANewNonceAndTokenWhereverTheOldOnesWere) {
    const web::Fillable f("<script nonce=\"N1\"></script><input value=\"T1\"><b nonce=\"N1\">T1", "N1", "T1");
    EXPECT_EQ(f.fill("N2", "T2"), "<script nonce=\"N2\"></script><input value=\"T2\"><b nonce=\"N2\">T2");
    EXPECT_EQ(web::Fillable("no holes", "N1", "").fill("N2", "T2"), "no holes");
}

TEST(PageCache, ServesOnlyAtTheSameStampAndDropsTheLeastRecentlyServedWhenFull) {
    web::PageCache cache(8000);
    httplib::Response page;
    page.status = 200;
    page.body = std::string(900, 'a') + "N1";
    cache.keep("one", {1, 100}, "N1", "", page);
    httplib::Response out;
    EXPECT_FALSE(cache.serve("one", {2, 100}, "N2", "", out)) << "another version";
    EXPECT_EQ(cache.entries(), 0u) << "a page read at an older version is dropped";
    cache.keep("one", {2, 100}, "N1", "", page);
    EXPECT_FALSE(cache.serve("one", {2, 101}, "N2", "", out)) << "another day";
    cache.keep("one", {2, 100}, "N1", "", page);
    ASSERT_TRUE(cache.serve("one", {2, 100}, "N2", "", out));
    EXPECT_EQ(out.body, std::string(900, 'a') + "N2");

    for (const char* key : {"two", "three", "four", "five", "six", "seven", "eight", "nine"}) {
        cache.serve("one", {2, 100}, "N", "", out);  // "one" stays the most recently served
        cache.keep(key, {2, 100}, "N1", "", page);
    }
    EXPECT_LE(cache.bytes(), 8000u);
    EXPECT_TRUE(cache.serve("one", {2, 100}, "N", "", out));
    EXPECT_FALSE(cache.serve("two", {2, 100}, "N", "", out)) << "the least recently served went first";

    httplib::Response refused = page;
    refused.status = 422;
    cache.keep("refused", {2, 100}, "N1", "", refused);
    httplib::Response cookie = page;
    cookie.set_header("Set-Cookie", "a=b");
    cache.keep("cookie", {2, 100}, "N1", "", cookie);
    EXPECT_FALSE(cache.serve("refused", {2, 100}, "N", "", out));
    EXPECT_FALSE(cache.serve("cookie", {2, 100}, "N", "", out));
}

TEST_F(PageCacheHttp, APageIsServedAgainWithAFreshNonceAndTheAskingSessionsToken) {
    Browser first(*server), second(*server);
    ASSERT_TRUE(first.sign_in(server->email(Role::business_unit)));
    ASSERT_TRUE(second.sign_in(server->email(Role::business_unit)));
    ASSERT_NE(first.csrf, second.csrf);

    const auto rendered = first.get("/agencies");
    ASSERT_EQ(rendered->status, 200);
    EXPECT_EQ(cache_of(rendered), "miss");
    const auto again = first.get("/agencies");
    EXPECT_EQ(cache_of(again), "hit");
    EXPECT_LT(std::stoi(again->get_header_value("X-Assure-Statements")),
              std::stoi(rendered->get_header_value("X-Assure-Statements")));
    EXPECT_NE(nonce_in_body(again), nonce_in_body(rendered));
    EXPECT_EQ(nonce_in_body(again), nonce_in_header(again)) << "the page's scripts would be refused";
    EXPECT_EQ(again->get_header_value("Content-Type"), rendered->get_header_value("Content-Type"));

    const auto other_session = second.get("/agencies");
    EXPECT_EQ(cache_of(other_session), "hit");
    EXPECT_NE(other_session->body.find(second.csrf), std::string::npos);
    EXPECT_EQ(other_session->body.find(first.csrf), std::string::npos) << "another session's token leaked";

    // Someone else is not served this person's page.
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::partner_lead)));
    EXPECT_EQ(cache_of(lead.get("/agencies")), "miss");
}

TEST_F(PageCacheHttp, AChangeFromAnotherProcessEndsTheKeptPage) {
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    bu.get("/agencies");
    ASSERT_EQ(cache_of(bu.get("/agencies")), "hit");
    {
        // As `assure` on the command line, or a second server, would: its own store on the file.
        sqlite::SqliteStore elsewhere(server->path());
        elsewhere.write([&](Transaction& tx) {
            Agency a;
            a.partnership = PartnershipId{1};
            a.name = "Added Elsewhere Academy";
            a.sector = "education";
            tx.agencies().insert(a);
        });
    }
    const auto after = bu.get("/agencies");
    EXPECT_EQ(cache_of(after), "miss");
    EXPECT_NE(after->body.find("Added Elsewhere Academy"), std::string::npos);
}

TEST_F(PageCacheHttp, AChangeThroughTheApiEndsTheKeptList) {
    const httplib::Headers bu{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    auto client = server->client();
    client.Get("/api/v1/agencies", bu);
    ASSERT_EQ(cache_of(client.Get("/api/v1/agencies", bu)), "hit");
    const nlohmann::json agency{{"name", "New Pupil Referral Unit"}, {"kind", "relevant_agency"}, {"sector", "education"}};
    ASSERT_EQ(client.Post("/api/v1/agencies", bu, agency.dump(), "application/json")->status, 201);
    const auto after = client.Get("/api/v1/agencies", bu);
    EXPECT_EQ(cache_of(after), "miss");
    EXPECT_NE(after->body.find("New Pupil Referral Unit"), std::string::npos);
}

// A page of restricted records may be kept, but each view, kept or rendered, reaches the access
// log naming the records shown, and by the person who viewed it.
TEST_F(PageCacheHttp, ARestrictedRecordIsLoggedOnEveryViewKeptOrNot) {
    const httplib::Headers bu{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    const int id = notify_incident(bu, nlohmann::json{{"pseudonym", "Child T"}});
    ASSERT_NE(id, 0);
    Browser browser(*server);
    ASSERT_TRUE(browser.sign_in(server->email(Role::business_unit)));
    for (const std::string& path : std::vector<std::string>{"/reviews/" + std::to_string(id), "/reviews"}) {
        int rendered_logged = 0;  // entries the rendered view wrote: each kept view must write as many
        for (int i = 0; i < 3; ++i) {
            const int before = server->count_reads();
            const auto page = browser.get(path);
            ASSERT_EQ(page->status, 200);
            EXPECT_EQ(cache_of(page), i == 0 ? "miss" : "hit") << path << " view " << i + 1;
            const int logged = server->count_reads() - before;
            if (i == 0) rendered_logged = logged;
            ASSERT_GE(logged, 1) << path << " view " << i + 1 << " was not logged";
            ASSERT_EQ(logged, rendered_logged) << path << " view " << i + 1;
        }
        AccessQuery q;
        q.partnership = PartnershipId{1};
        q.record_id = std::to_string(id);
        q.page.limit = PageRequest::max_limit;
        server->services().store.access_log().flush();
        Page<AccessEntry> logged;
        server->services().store.read([&](Transaction& tx) { logged = tx.access_entries().query(q); });
        ASSERT_FALSE(logged.items.empty());
        EXPECT_NE(logged.items[0].actor_label.find(server->email(Role::business_unit)), std::string::npos);
    }
    for (int i = 0; i < 3; ++i) {
        const int before = server->count_reads();
        const auto api = server->client().Get("/api/v1/incidents/" + std::to_string(id), bu);
        ASSERT_EQ(api->status, 200);
        EXPECT_EQ(cache_of(api), i == 0 ? "miss" : "hit");
        EXPECT_GE(server->count_reads(), before + 1) << "view " << i + 1 << " through the API was not logged";
    }
}

// A page that opened a child's name is never kept: the name stays in memory no longer than the
// request that showed it, and each view is rendered and logged as an identities read.
TEST_F(PageCacheHttp, APageShowingAChildsNameIsNeverKept) {
    const httplib::Headers bu{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    const int id = notify_incident(bu, nlohmann::json{{"pseudonym", "Child U"}, {"name", "Una Example"}});
    ASSERT_NE(id, 0);
    Browser browser(*server);
    ASSERT_TRUE(browser.sign_in(server->email(Role::business_unit)));
    for (int i = 0; i < 3; ++i) {
        const int before = server->count_reads(AccessKind::identities);
        const auto page = browser.get("/reviews/" + std::to_string(id));
        ASSERT_EQ(page->status, 200);
        ASSERT_NE(page->body.find("Una Example"), std::string::npos);
        EXPECT_EQ(cache_of(page), "miss") << "view " << i + 1;
        EXPECT_EQ(server->count_reads(AccessKind::identities), before + 1) << "view " << i + 1;
    }
}

// A kept page for a kept session asks the database only for the data version, in one read.
TEST_F(PageCacheHttp, AKeptPageForAKeptSessionReadsOnlyTheDataVersion) {
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    const auto first = bu.get("/agencies");
    ASSERT_EQ(first->status, 200);
    const auto again = bu.get("/agencies");
    ASSERT_EQ(cache_of(again), "hit");
    EXPECT_EQ(again->get_header_value("X-Assure-Statements"), "3") << "BEGIN, the version, COMMIT";
    EXPECT_LT(std::stoi(again->get_header_value("X-Assure-Statements")),
              std::stoi(first->get_header_value("X-Assure-Statements")));
}

// The same for an API token (issue 13): a kept list for a kept token costs the version only, and
// a token revoked by another process is refused here at once.
TEST_F(PageCacheHttp, AKeptApiListForAKeptTokenReadsOnlyTheDataVersionAndARevokedTokenEndsAtOnce) {
    const httplib::Headers bu{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    auto client = server->client();
    const auto first = client.Get("/api/v1/agencies", bu);
    ASSERT_EQ(first->status, 200);
    const auto again = client.Get("/api/v1/agencies", bu);
    ASSERT_EQ(cache_of(again), "hit");
    EXPECT_EQ(again->get_header_value("X-Assure-Statements"), "3") << "BEGIN, the version, COMMIT";
    {
        // As `assure token revoke` does, from its own connection.
        sqlite::SqliteStore elsewhere(server->path());
        elsewhere.write([&](Transaction& tx) {
            const auto user = tx.users().find_by_email(server->email(Role::business_unit));
            ASSERT_TRUE(user);
            ASSERT_EQ(tx.api_tokens().revoke_for_user(user->id, 1), 1);
        });
    }
    const auto after = client.Get("/api/v1/agencies", bu);
    EXPECT_EQ(after->status, 401);
}

// Sessions ended by another process (the command line, another server) end at this one at once,
// however recently this server used them.
TEST_F(PageCacheHttp, ASessionEndedElsewhereEndsHereAtOnce) {
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    bu.get("/agencies");
    ASSERT_EQ(cache_of(bu.get("/agencies")), "hit");
    {
        sqlite::SqliteStore elsewhere(server->path());
        std::optional<User> user;
        elsewhere.read([&](Transaction& tx) { user = tx.users().find_by_email(server->email(Role::business_unit)); });
        ASSERT_TRUE(user);
        // Only the sessions are written, as signing out does.
        elsewhere.write([&](Transaction& tx) { tx.sessions().remove_for_user(user->id); });
    }
    const auto after = bu.get("/agencies");
    EXPECT_EQ(after->status, 303);
    EXPECT_EQ(after->get_header_value("Location").rfind("/login", 0), 0u);
}
