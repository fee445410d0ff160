// Issue 14, item 5: two-factor sign-in on a real server (decision 0031). A person sets up an
// authenticator app from the QR code's page, and signs in with a code this test computes from
// the secret the page showed, as the app would; a wrong code, a replayed code and a used
// recovery code are refused; every form needs its CSRF token; and the half-signed-in state
// (a right password, no code yet) opens no page but the code's, and nothing of the API.
#include <ctime>
#include <regex>

#include "app/two_factor.hpp"
#include "crypto/one_time_codes.hpp"
#include "web/harness.hpp"

namespace assure::testing {
namespace {

std::string location(const httplib::Result& r) { return r ? r->get_header_value("Location") : ""; }

Instant now() { return static_cast<Instant>(std::time(nullptr)); }

// The key the page shows, in groups of four, as the raw secret an app would hold.
std::string secret_on(const std::string& html) {
    std::smatch m;
    if (!std::regex_search(html, m, std::regex(R"(id="two-factor-secret">([A-Z2-7 ]+)<)"))) return {};
    std::string text = m[1].str();
    std::erase(text, ' ');
    return crypto::OathCodes::from_base32(text);
}

std::vector<std::string> recovery_codes_on(const std::string& html) {
    std::vector<std::string> out;
    const std::regex re(R"(<li><code>([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})</code></li>)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1].str());
    return out;
}

// A browser between the two steps: it has the half-signed-in cookie and the sign-in forms' CSRF.
struct SecondStep {
    httplib::Client& http;
    std::string login_cookie;  // the double-submit CSRF cookie
    std::string step_cookie;
    std::string csrf;
    httplib::Result post_code(const std::string& code, bool with_csrf = true) {
        httplib::Params form{{"code", code}, {"next", "/"}};
        if (with_csrf) form.emplace("csrf_token", csrf);
        return http.Post("/login/code", {{"Cookie", login_cookie + "; " + step_cookie}}, form);
    }
};

// Signs in with the password and returns the second step it leads to (fails the test if it led
// straight to a session).
SecondStep password_step(Browser& b, const std::string& email) {
    auto page = b.http.Get("/login");
    SecondStep step{b.http, Browser::cookie_from(page, "assure_login_csrf"), "", Browser::hidden(page->body, "csrf_token")};
    auto r = b.http.Post("/login", {{"Cookie", step.login_cookie}},
                         httplib::Params{{"email", email}, {"password", kPassword}, {"csrf_token", step.csrf}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(location(r).rfind("/login/code?next=", 0), 0u) << location(r);
    EXPECT_TRUE(Browser::cookie_from(r, "assure_session").empty()) << "no session before the code";
    step.step_cookie = Browser::cookie_from(r, "assure_sign_in_step");
    EXPECT_FALSE(step.step_cookie.empty());
    return step;
}

// Sets up two-factor sign-in for the browser's account; returns the secret and recovery codes.
std::pair<std::string, std::vector<std::string>> enrol(Server& server, Browser& b) {
    EXPECT_EQ(b.get("/account/two-factor")->status, 200);
    EXPECT_EQ(b.post("/account/two-factor/start", {})->status, 303);
    const auto setup = b.get("/account/two-factor");
    EXPECT_EQ(setup->status, 200);
    EXPECT_NE(setup->body.find("<svg"), std::string::npos) << "the QR code, inline";
    const std::size_t svg = setup->body.find("<svg");
    const std::string qr = setup->body.substr(svg, setup->body.find("</svg>", svg) - svg);
    EXPECT_EQ(qr.find("<script"), std::string::npos) << "drawn without a script";
    EXPECT_EQ(qr.find("style="), std::string::npos) << "nothing the page's CSP would refuse";
    const std::string secret = secret_on(setup->body);
    EXPECT_EQ(secret.size(), 20u);
    const auto on = b.post("/account/two-factor/confirm", {{"code", crypto::OathCodes::code_at(secret, now())}});
    EXPECT_EQ(on->status, 200);
    (void)server;
    return {secret, recovery_codes_on(on->body)};
}

TEST(TwoFactorHttp, EnrolWithTheQrPageThenSignInWithACodeFromTheSecret) {
    Server server;
    const Actor them = actor_for(*[&] {
        std::optional<User> u;
        server.services().store.read([&](Transaction& tx) { u = tx.users().find(server.user_id(Role::business_unit)); });
        return u;
    }());
    Browser b(server);
    ASSERT_TRUE(b.sign_in(server.email(Role::business_unit)));
    const auto off = b.get("/account/two-factor");
    ASSERT_EQ(off->status, 200);
    EXPECT_NE(off->body.find("Set up two-factor sign-in"), std::string::npos);
    ASSERT_EQ(b.post("/account/two-factor/start", {})->status, 303);
    const auto setup = b.get("/account/two-factor");
    const std::string secret = secret_on(setup->body);
    ASSERT_EQ(secret.size(), 20u);
    EXPECT_NE(setup->body.find("<path d=\"M"), std::string::npos) << "the QR code's modules";

    // Not turned on without the form's token, nor by a wrong code.
    EXPECT_EQ(b.post("/account/two-factor/confirm", {{"code", crypto::OathCodes::code_at(secret, now())}}, false)->status, 403);
    const auto wrong = b.post("/account/two-factor/confirm", {{"code", crypto::OathCodes::code_at(secret, now() + 600)}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_NE(wrong->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_FALSE(two_factor_status(server.services(), them).enabled) << "nothing saved";

    const auto on = b.post("/account/two-factor/confirm", {{"code", crypto::OathCodes::code_at(secret, now())}});
    ASSERT_EQ(on->status, 200);
    const auto recovery = recovery_codes_on(on->body);
    ASSERT_EQ(recovery.size(), 10u) << on->body;
    EXPECT_TRUE(two_factor_status(server.services(), them).enabled);
    EXPECT_EQ(server.count_audit("user.two_factor_enrol"), 1);
    // The secret is sealed at rest, never in the clear.
    const std::string stored = server.raw_sql_text("SELECT sealed_secret FROM user_two_factor");
    EXPECT_FALSE(stored.empty());
    EXPECT_EQ(stored.find(secret), std::string::npos);
    EXPECT_EQ(server.raw_sql_text("SELECT COUNT(*) FROM user_recovery_codes WHERE code_hash LIKE '%" + recovery[0] + "%'"), "0");

    // Signing in: the password opens only the second step.
    Browser fresh(server);
    EXPECT_FALSE(fresh.sign_in(server.email(Role::business_unit))) << "a password alone gives no session";
    SecondStep step = password_step(fresh, server.email(Role::business_unit));
    for (const char* path : {"/", "/reviews", "/account/two-factor", "/account/password", "/users", "/audit"}) {
        const auto r = fresh.http.Get(path, {{"Cookie", step.login_cookie + "; " + step.step_cookie}});
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(location(r).rfind("/login?next=", 0), 0u) << path << " " << location(r);
    }
    const auto api = fresh.http.Get("/api/v1/agencies", {{"Cookie", step.step_cookie}});
    EXPECT_EQ(api->status, 401) << "the API takes tokens only";
    const std::string bare = step.step_cookie.substr(step.step_cookie.find('=') + 1);
    EXPECT_EQ(fresh.http.Get("/api/v1/agencies", {{"Authorization", "Bearer " + bare}})->status, 401)
        << "the half-signed-in token is no API token";
    const auto form = fresh.http.Get("/login/code", {{"Cookie", step.login_cookie + "; " + step.step_cookie}});
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("Enter the code from your authenticator app"), std::string::npos);

    // Without the CSRF token, with a wrong code: refused, and no session.
    const std::string next_code = crypto::OathCodes::code_at(secret, now() + 30);
    const auto no_csrf = step.post_code(next_code, false);
    EXPECT_EQ(no_csrf->status, 403);
    EXPECT_TRUE(Browser::cookie_from(no_csrf, "assure_session").empty());
    const auto bad = step.post_code(crypto::OathCodes::code_at(secret, now() + 600));
    EXPECT_EQ(bad->status, 401);
    EXPECT_NE(bad->body.find("The code is not right"), std::string::npos);
    EXPECT_TRUE(Browser::cookie_from(bad, "assure_session").empty());

    // The next step's code (the app's clock a little ahead) signs in.
    const auto good = step.post_code(next_code);
    ASSERT_EQ(good->status, 303);
    EXPECT_EQ(location(good), "/");
    fresh.cookie = Browser::cookie_from(good, "assure_session");
    ASSERT_FALSE(fresh.cookie.empty());
    EXPECT_EQ(fresh.get("/")->status, 200);
    EXPECT_EQ(fresh.http.Get("/login/code", {{"Cookie", step.login_cookie + "; " + step.step_cookie}})->status, 303)
        << "the half-signed-in state ended with the sign-in";

    // The same code again, in a new sign-in: refused as used.
    Browser replay(server);
    SecondStep again = password_step(replay, server.email(Role::business_unit));
    const auto replayed = again.post_code(next_code);
    EXPECT_EQ(replayed->status, 401);
    EXPECT_NE(replayed->body.find("used already"), std::string::npos);
    EXPECT_TRUE(Browser::cookie_from(replayed, "assure_session").empty());

    // A recovery code works once.
    const auto recovered = again.post_code(recovery[2]);
    ASSERT_EQ(recovered->status, 303);
    EXPECT_FALSE(Browser::cookie_from(recovered, "assure_session").empty());
    EXPECT_EQ(server.count_audit("user.two_factor_recovery_code_used"), 1);
    Browser third(server);
    SecondStep used = password_step(third, server.email(Role::business_unit));
    const auto reused = used.post_code(recovery[2]);
    EXPECT_EQ(reused->status, 401);
    EXPECT_TRUE(Browser::cookie_from(reused, "assure_session").empty());
    EXPECT_EQ(server.count_audit("user.two_factor_recovery_code_used"), 1);
}

TEST(TwoFactorHttp, WithoutTheHalfSignedInCookieTheCodePageSendsBackToThePassword) {
    Server server;
    httplib::Client http = server.client();
    const auto r = http.Get("/login/code");
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(location(r), "/login?timed_out=1");
    const auto forged = http.Get("/login/code", {{"Cookie", "assure_sign_in_step=made-up"}});
    EXPECT_EQ(location(forged), "/login?timed_out=1");
}

TEST(TwoFactorHttp, TurningOffNeedsThePasswordAndTheFormsToken) {
    Server server;
    Browser b(server);
    ASSERT_TRUE(b.sign_in(server.email(Role::partner_lead)));
    enrol(server, b);
    EXPECT_EQ(b.post("/account/two-factor/disable", {{"password", kPassword}}, false)->status, 403);
    const auto wrong = b.post("/account/two-factor/disable", {{"password", "not the password"}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_EQ(server.count_audit("user.two_factor_disable"), 0);
    const auto done = b.post("/account/two-factor/disable", {{"password", kPassword}});
    EXPECT_EQ(done->status, 303);
    EXPECT_EQ(server.count_audit("user.two_factor_disable"), 1);
    Browser again(server);
    EXPECT_TRUE(again.sign_in(server.email(Role::partner_lead))) << "the password alone again";
}

TEST(TwoFactorHttp, AnAdministratorResetsAnAccountsSecondFactorAndItIsAudited) {
    Server server;
    Browser them(server);
    ASSERT_TRUE(them.sign_in(server.email(Role::member)));
    enrol(server, them);
    const std::string id = server.user_id(Role::member).str();

    Browser lead(server);
    ASSERT_TRUE(lead.sign_in(server.email(Role::business_unit)));
    EXPECT_EQ(lead.post("/users/" + id + "/two-factor/reset", {})->status, 403) << "administrators only";

    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    const auto page = admin.get("/users/" + id + "/two-factor");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Reset two-factor sign-in"), std::string::npos);
    EXPECT_EQ(admin.post("/users/" + id + "/two-factor/reset", {}, false)->status, 403);
    EXPECT_EQ(server.count_audit("user.two_factor_reset"), 0);
    const auto reset = admin.post("/users/" + id + "/two-factor/reset", {});
    EXPECT_EQ(reset->status, 303);
    EXPECT_EQ(server.count_audit("user.two_factor_reset"), 1);
    Browser after(server);
    EXPECT_TRUE(after.sign_in(server.email(Role::member))) << "the password alone once reset";
}

// Decision 0031: a partnership that requires a second factor (its settings' "Signing in")
// holds every account that can see case records at the set-up page, signed-in pages and API
// alike, until one is on; then it cannot be turned off. The administrator is never held.
TEST(TwoFactorHttp, APartnershipThatRequiresASecondFactorHoldsAccountsAtTheSetUpUntilItIsOn) {
    Server server;
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    const std::string token = server.token(Role::business_unit);
    auto api_status = [&] {
        return unit.http.Get("/api/v1/agencies", {{"Authorization", "Bearer " + token}})->status;
    };
    EXPECT_EQ(unit.get("/")->status, 200);
    EXPECT_EQ(api_status(), 200);

    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    const auto form = admin.get("/settings/sign-in");
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("Must everyone who can see case records sign in with a second factor?"), std::string::npos);
    const std::string version = Browser::hidden(form->body, "version");
    const auto wrong = admin.post("/settings/sign-in", {{"version", version}, {"two_factor_required", "sometimes"}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_NE(wrong->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_EQ(unit.get("/")->status, 200) << "nothing saved";
    EXPECT_EQ(admin.post("/settings/sign-in", {{"version", version}, {"two_factor_required", "yes"}})->status, 303);

    for (const char* path : {"/", "/reviews", "/agencies", "/account/password"}) {
        const auto r = unit.get(path);
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(location(r), "/account/two-factor") << path;
    }
    const auto setup = unit.get("/account/two-factor");
    ASSERT_EQ(setup->status, 200);
    EXPECT_NE(setup->body.find("Your partnership requires everyone who can see case records"), std::string::npos);
    EXPECT_EQ(api_status(), 401) << "a token opens nothing while its owner owes a second factor";
    EXPECT_EQ(admin.get("/")->status, 200) << "the administrator sees no case records and is not held";
    EXPECT_EQ(unit.post("/logout", {})->status, 303) << "signing out stays open";

    Browser again(server);
    ASSERT_TRUE(again.sign_in(server.email(Role::business_unit)));
    EXPECT_EQ(location(again.get("/")), "/account/two-factor");
    enrol(server, again);
    EXPECT_EQ(again.get("/")->status, 200) << "free once the second factor is on";
    EXPECT_EQ(api_status(), 200);
    const auto on = again.get("/account/two-factor");
    EXPECT_NE(on->body.find("cannot be turned off"), std::string::npos);
    EXPECT_EQ(on->body.find("/account/two-factor/disable"), std::string::npos) << "no form to turn it off";
    EXPECT_EQ(again.post("/account/two-factor/disable", {{"password", kPassword}})->status, 409);
    EXPECT_EQ(server.count_audit("user.two_factor_disable"), 0);
}

}  // namespace
}  // namespace assure::testing
