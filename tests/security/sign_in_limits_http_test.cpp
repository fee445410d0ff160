// Guessing passwords from one address, or from many at once, is stopped before the password is
// checked; the account lockout (tests/web) still counts per account. Behind a trusted proxy the
// address is the last one the proxy added to X-Forwarded-For.
#include "web/harness.hpp"

namespace assure::testing {
namespace {

// One sign-in attempt from `address` (sent as the proxy's X-Forwarded-For).
httplib::Result attempt(const Server& server, const std::string& address, const std::string& email,
                        const std::string& password) {
    auto http = server.client();
    auto page = http.Get("/login");
    const std::string login_cookie = Browser::cookie_from(page, "assure_login_csrf");
    const std::string token = Browser::hidden(page->body, "csrf_token");
    return http.Post("/login", {{"Cookie", login_cookie}, {"X-Forwarded-For", "10.9.9.9, " + address}},
                     httplib::Params{{"email", email}, {"password", password}, {"csrf_token", token}});
}

}  // namespace

TEST(SignInLimitsHttp, OneAddressGuessingAtManyAccountsIsStoppedAndOthersAreNot) {
    Server server([](web::WebConfig& c) {
        c.trust_proxy = true;
        c.sign_in = {.per_address = 4, .address_window_seconds = 900, .per_minute = 1000};
    });
    const std::string guesser = "198.51.100.7";
    // Four wrong passwords, each at a different account: no account reaches its own lockout.
    const Role roles[] = {Role::member, Role::scrutineer, Role::read_only, Role::agency_lead};
    for (const Role role : roles) EXPECT_EQ(attempt(server, guesser, server.email(role), "wrong guess")->status, 401);

    const int refused_before = server.count_audit("user.sign_in_refused");
    auto stopped = attempt(server, guesser, server.email(Role::business_unit), kPassword);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->status, 429) << "even the right password: the address is limited";
    EXPECT_NE(stopped->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(stopped->body.find("too many wrong sign-ins from your network. Try again in 15 minutes"), std::string::npos)
        << stopped->body.substr(0, 400);
    const int wait = std::stoi(stopped->get_header_value("Retry-After"));
    EXPECT_GE(wait, 890) << "until the first failure is 15 minutes old (the clock is real)";
    EXPECT_LE(wait, 900);
    EXPECT_TRUE(stopped->get_header_value("Set-Cookie").find("assure_session") == std::string::npos) << "no session";
    EXPECT_EQ(server.count_audit("user.sign_in_refused"), refused_before) << "the password was not even checked";

    auto elsewhere = attempt(server, "203.0.113.9", server.email(Role::business_unit), kPassword);
    ASSERT_TRUE(elsewhere);
    EXPECT_EQ(elsewhere->status, 303) << "another address signs in";
}

TEST(SignInLimitsHttp, ManyAddressesFailingTogetherStopEveryoneForAMinute) {
    Server server([](web::WebConfig& c) {
        c.trust_proxy = true;
        c.sign_in = {.per_address = 100, .address_window_seconds = 900, .per_minute = 5};
    });
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(attempt(server, "192.0.2." + std::to_string(i), server.email(Role::member), "wrong guess")->status, 401);
    }
    auto stopped = attempt(server, "192.0.2.200", server.email(Role::business_unit), kPassword);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->status, 429);
    EXPECT_NE(stopped->body.find("too many wrong sign-ins to Assure in the last minute"), std::string::npos);
    const int wait = std::stoi(stopped->get_header_value("Retry-After"));
    EXPECT_GE(wait, 1);
    EXPECT_LE(wait, 60);
}

TEST(SignInLimitsHttp, WithoutATrustedProxyTheForwardedHeaderIsNotBelieved) {
    Server server([](web::WebConfig& c) { c.sign_in = {.per_address = 2, .address_window_seconds = 900, .per_minute = 1000}; });
    // Each claims another address, but all come from this one connection's address.
    EXPECT_EQ(attempt(server, "192.0.2.1", server.email(Role::member), "wrong guess")->status, 401);
    EXPECT_EQ(attempt(server, "192.0.2.2", server.email(Role::scrutineer), "wrong guess")->status, 401);
    EXPECT_EQ(attempt(server, "192.0.2.3", server.email(Role::business_unit), kPassword)->status, 429);
}

}  // namespace assure::testing
