// Signing in, CSRF, security headers and error pages, over real HTTP.
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;

class AccessHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new Server(); }
    static void TearDownTestSuite() { delete server; }
    static Server* server;
};
Server* AccessHttp::server = nullptr;

TEST_F(AccessHttp, HealthCheckAnswers) {
    auto r = server->client().Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST_F(AccessHttp, SignedOutVisitorIsSentToSignIn) {
    auto r = server->client().Get("/agencies");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/login?next=/agencies");
}

TEST_F(AccessHttp, WrongPasswordAndUnknownEmailLookTheSame) {
    Browser a(*server), b(*server);
    EXPECT_FALSE(a.sign_in(server->email(Role::member), "not the password"));
    EXPECT_FALSE(b.sign_in("nobody@example.org", "not the password"));
    auto page = a.http.Get("/login");
    const std::string cookie = Browser::cookie_from(page, "assure_login_csrf");
    const std::string token = Browser::hidden(page->body, "csrf_token");
    auto wrong = a.http.Post("/login", {{"Cookie", cookie}},
                             httplib::Params{{"email", server->email(Role::member)}, {"password", "nope nope nope"},
                                             {"csrf_token", token}});
    auto unknown = a.http.Post("/login", {{"Cookie", cookie}},
                               httplib::Params{{"email", "ghost@example.org"}, {"password", "nope nope nope"},
                                               {"csrf_token", token}});
    ASSERT_TRUE(wrong && unknown);
    EXPECT_EQ(wrong->status, 401);
    EXPECT_EQ(unknown->status, 401);
    EXPECT_NE(wrong->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(wrong->body.find("Enter a correct email address and password"), std::string::npos);
    EXPECT_NE(unknown->body.find("Enter a correct email address and password"), std::string::npos);
}

TEST_F(AccessHttp, EmptySignInFormGets422WithFieldErrors) {
    Browser b(*server);
    auto page = b.http.Get("/login");
    auto r = b.http.Post("/login", {{"Cookie", Browser::cookie_from(page, "assure_login_csrf")}},
                         httplib::Params{{"email", ""}, {"password", ""},
                                         {"csrf_token", Browser::hidden(page->body, "csrf_token")}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("href=\"#email\">Enter your email address"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#password\">Enter your password"), std::string::npos);
}

TEST_F(AccessHttp, SignInWithoutTheFormsCsrfTokenIsRefused) {
    Browser b(*server);
    auto r = b.http.Post("/login", httplib::Params{{"email", server->email(Role::member)}, {"password", kPassword}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    EXPECT_TRUE(Browser::cookie_from(r, "assure_session").empty());
}

// After signing in, only a path on this site: what a browser would turn into another site
// (a second slash, a backslash, a tab or newline it drops, a scheme) goes home instead.
TEST_F(AccessHttp, SignInGoesOnlyToAPathOnThisSite) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/agencies?q=a", "/agencies?q=a"}, {"//evil.example", "/"},   {"/\t/evil.example", "/"}, {"/\\evil.example", "/"},
        {"/\\/evil.example", "/"},        {"/\n/evil.example", "/"}, {"https://evil.example", "/"}, {"/ /evil", "/"},
        {"", "/"}};
    for (const auto& [next, expected] : cases) {
        Browser b(*server);
        auto page = b.http.Get("/login");
        const std::string token = Browser::hidden(page->body, "csrf_token");
        auto r = b.http.Post("/login", {{"Cookie", Browser::cookie_from(page, "assure_login_csrf")}},
                             httplib::Params{{"email", server->email(Role::member)}, {"password", kPassword}, {"csrf_token", token},
                                             {"next", next}});
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 303) << next;
        EXPECT_EQ(r->get_header_value("Location"), expected) << next;
    }
}

// Text that is not UTF-8 is refused before any handler, naming the field, and nothing is saved.
TEST_F(AccessHttp, UnreadableTextIsA422NamingTheFieldAndSavesNothing) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    b.get("/agencies/new");
    const int before = server->count_agencies();
    for (const std::string& bad : {std::string("Council \xFF"), std::string("\xED\xA0\x80"), std::string("\xC0\xAF")}) {
        auto r = b.post("/agencies", {{"name", bad}, {"kind", "relevant_agency"}, {"statutory_role", "none"}, {"sector", "education"}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 422);
        EXPECT_NE(r->body.find("retype what you entered in: name."), std::string::npos) << r->body;
    }
    EXPECT_EQ(server->count_agencies(), before);
    auto api = server->client().Get("/api/v1/agencies?q=%FF", {{"Authorization", "Bearer " + server->token(Role::member)}});
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 422);
    EXPECT_EQ(api->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_NE(api->body.find("\"field\":\"q\""), std::string::npos) << api->body;
}

TEST_F(AccessHttp, SessionCookieIsHttpOnlyAndSameSite) {
    Browser b(*server);
    auto page = b.http.Get("/login");
    auto r = b.http.Post("/login", {{"Cookie", Browser::cookie_from(page, "assure_login_csrf")}},
                         httplib::Params{{"email", server->email(Role::member)}, {"password", kPassword},
                                         {"csrf_token", Browser::hidden(page->body, "csrf_token")}, {"next", "//evil.example"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/");  // never off-site
    std::string set_cookie;
    for (const auto& [k, v] : r->headers) {
        if (k == "Set-Cookie" && v.rfind("assure_session=", 0) == 0) set_cookie = v;
    }
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
}

TEST_F(AccessHttp, PagesCarrySecurityHeadersWithAFreshNonce) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    auto one = b.get("/agencies");
    auto two = b.get("/agencies");
    ASSERT_TRUE(one && two);
    const auto csp = one->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self' 'nonce-"), std::string::npos);
    EXPECT_NE(csp, two->get_header_value("Content-Security-Policy"));
    EXPECT_EQ(one->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_EQ(one->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(one->get_header_value("Cache-Control"), "no-store");
}

TEST_F(AccessHttp, SignOutEndsTheSession) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    auto out = b.post("/logout", {});
    ASSERT_TRUE(out);
    EXPECT_EQ(out->status, 303);
    auto after = b.get("/agencies");
    EXPECT_EQ(after->status, 303);
}

TEST_F(AccessHttp, UnknownPageIsAGovukNotFoundPage) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    auto r = b.get("/agencies/999999");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_NE(r->body.find("Page not found"), std::string::npos);
    auto nowhere = b.get("/no/such/page");
    EXPECT_EQ(nowhere->status, 404);
    EXPECT_NE(nowhere->body.find("govuk-heading-l"), std::string::npos);
}

TEST_F(AccessHttp, AssetsAreServedWithLongLivedCaching) {
    auto r = server->client().Get("/assets/govuk-frontend.min.css");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->get_header_value("Cache-Control").find("max-age="), std::string::npos);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(AccessHttp, OversizedBodyIsRefusedBeforeAnyHandlerRuns) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const int before = server->count_agencies();
    auto r = b.post("/agencies", {{"name", std::string(2 << 20, 'x')}, {"kind", "relevant_agency"},
                                  {"statutory_role", "none"}, {"sector", "other"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(server->count_agencies(), before);
}
