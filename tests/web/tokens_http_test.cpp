// API tokens over real HTTP: an expired or revoked token is a 401; people list and revoke their
// own tokens, administrators those of their own partnership's accounts only; every revoke is a
// POST with the session's CSRF token, after a confirmation page.
#include "app/tokens.hpp"
#include "core/date_words.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;

class TokensHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new Server(); }
    static void TearDownTestSuite() { delete server; }
    static Server* server;

    static CreatedToken make(Role role, const std::string& name) {
        return create_api_token(server->services(), server->email(role), NewToken{name});
    }
    static int api_status(const std::string& secret) {
        auto r = server->client().Get("/api/v1/me", {{"Authorization", "Bearer " + secret}});
        return r ? r->status : -1;
    }
    static bool revoked(std::int64_t id) {
        return server->raw_sql_text("SELECT CAST(revoked AS TEXT) FROM api_tokens WHERE id = " + std::to_string(id)) == "1";
    }
};
Server* TokensHttp::server = nullptr;

TEST_F(TokensHttp, AnExpiredTokenIsRefusedLikeARevokedOne) {
    const auto t = make(Role::member, "expiring");
    ASSERT_EQ(api_status(t.secret), 200);
    server->raw_sql_exec("UPDATE api_tokens SET expires_at = 1 WHERE id = " + std::to_string(t.token.id));
    // A change by hand in SQL moves the data version too, as docs/admin.md asks: servers keep
    // tokens by that version (decision 0017).
    server->raw_sql_exec("UPDATE data_version SET version = version + 1");
    auto r = server->client().Get("/api/v1/me", {{"Authorization", "Bearer " + t.secret}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
}

TEST_F(TokensHttp, APersonSeesTheirTokensInWordsAndRevokesOneAfterConfirming) {
    const auto kept = make(Role::member, "kept for reports");
    const auto dropped = make(Role::member, "old laptop");
    ASSERT_EQ(api_status(dropped.secret), 200);  // records a last use
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    auto list = b.get("/account/tokens");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("<h1 class=\"govuk-heading-l\">Your API tokens</h1>"), std::string::npos);
    EXPECT_NE(list->body.find("old laptop"), std::string::npos);
    const Date today = london_date(server->services().clock.now());
    EXPECT_NE(list->body.find(date_in_words(today)), std::string::npos) << "made and last used: dates in words";
    EXPECT_NE(list->body.find(date_in_words(london_date(dropped.token.expires_at))), std::string::npos);
    EXPECT_EQ(list->body.find(dropped.token.token_hash), std::string::npos) << "never the digest";
    EXPECT_EQ(list->body.find(make(Role::business_unit, "business-unit-feed").token.name), std::string::npos);

    const std::string confirm_path = "/account/tokens/" + std::to_string(dropped.token.id) + "/revoke";
    auto confirm = b.get(confirm_path);
    ASSERT_EQ(confirm->status, 200);
    EXPECT_NE(confirm->body.find("Revoke the API token old laptop?"), std::string::npos);
    EXPECT_NE(confirm->body.find("govuk-button--warning"), std::string::npos);
    EXPECT_FALSE(revoked(dropped.token.id)) << "showing the question changes nothing";

    const int audit_before = server->count_audit("api_token.revoke");
    auto done = b.post(confirm_path, {});
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, 303);
    EXPECT_EQ(done->get_header_value("Location"), "/account/tokens?revoked=1");
    EXPECT_EQ(api_status(dropped.secret), 401);
    EXPECT_EQ(api_status(kept.secret), 200);
    EXPECT_EQ(server->count_audit("api_token.revoke"), audit_before + 1);
    auto after = b.get("/account/tokens?revoked=1");
    EXPECT_NE(after->body.find("Token revoked"), std::string::npos);
    EXPECT_NE(after->body.find("Revoked</strong>"), std::string::npos);

    auto again = b.post(confirm_path, {});
    EXPECT_EQ(again->status, 422) << "revoking twice is refused";
    EXPECT_NE(again->body.find("was already revoked"), std::string::npos);
    EXPECT_EQ(server->count_audit("api_token.revoke"), audit_before + 1);
}

TEST_F(TokensHttp, RevokingWithoutTheCsrfTokenIsRefusedAndChangesNothing) {
    const auto t = make(Role::member, "csrf target");
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    const std::string path = "/account/tokens/" + std::to_string(t.token.id) + "/revoke";
    auto missing = b.post(path, {}, false);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 403);
    auto wrong = b.post(path, {{"csrf_token", "not-the-sessions"}}, false);
    EXPECT_EQ(wrong->status, 403);
    EXPECT_FALSE(revoked(t.token.id));
    EXPECT_EQ(api_status(t.secret), 200);
}

TEST_F(TokensHttp, NobodyRevokesAnotherPersonsTokenThroughTheirOwnPage) {
    const auto t = make(Role::partner_lead, "theirs");
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::member)));
    const std::string path = "/account/tokens/" + std::to_string(t.token.id) + "/revoke";
    EXPECT_EQ(b.get(path)->status, 404);
    EXPECT_EQ(b.post(path, {})->status, 404);
    EXPECT_FALSE(revoked(t.token.id));
}

TEST_F(TokensHttp, AnAdministratorRevokesTokensOfTheirPartnershipButNeverAnothers) {
    Services& svc = server->services();
    PartnershipId other;
    svc.store.write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "elsewhere", "Elsewhere SCP"}, PartnershipRules{}); });
    const Actor other_system = Actor::system(other);
    const auto person = create_person(svc, other_system, {"Eve Elsewhere", "Officer", "none", "eve@elsewhere.example"});
    const User eve = add_user(svc, other_system, {person.id.str(), "member", kPassword});
    const auto theirs = create_api_token(svc, "eve@elsewhere.example", NewToken{"elsewhere's"});
    const auto ours = make(Role::agency_lead, "ours");

    Browser admin(*server);
    ASSERT_TRUE(admin.sign_in(server->email(Role::administrator)));
    const std::string their_list = "/users/" + eve.id.str() + "/tokens";
    const std::string their_revoke = their_list + "/" + std::to_string(theirs.token.id) + "/revoke";
    EXPECT_EQ(admin.get(their_list)->status, 404);
    EXPECT_EQ(admin.get(their_revoke)->status, 404);
    EXPECT_EQ(admin.post(their_revoke, {})->status, 404);
    // Their token under an account of ours: the token is not that account's.
    const std::string ours_path = "/users/" + server->user_id(Role::agency_lead).str() + "/tokens";
    EXPECT_EQ(admin.post(ours_path + "/" + std::to_string(theirs.token.id) + "/revoke", {})->status, 404);
    EXPECT_FALSE(revoked(theirs.token.id));
    EXPECT_EQ(api_status(theirs.secret), 200);

    auto list = admin.get(ours_path);
    ASSERT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("Agency safeguarding lead Person"), std::string::npos);
    EXPECT_NE(list->body.find(">ours<"), std::string::npos);
    auto done = admin.post(ours_path + "/" + std::to_string(ours.token.id) + "/revoke", {});
    EXPECT_EQ(done->status, 303);
    EXPECT_EQ(done->get_header_value("Location"), ours_path + "?revoked=1");
    EXPECT_EQ(api_status(ours.secret), 401);

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get(ours_path)->status, 403) << "administrators only";
}
