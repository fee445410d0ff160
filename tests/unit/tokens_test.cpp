// API tokens: when one works (frozen clock), and the use cases that make, list and revoke them
// on a real SQLite store.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "app/tokens.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

namespace {

constexpr Instant kDay = 24 * 60 * 60;

ApiToken made_at(Instant at, int days) {
    ApiToken t{"digest", UserId{1}, "reporting", at, false};
    t.expires_at = token_expiry(at, days);
    t.last_used_at = 0;
    return t;
}

}  // namespace

TEST(TokenRules, LiveUntilTheExpirySecondThenExpired) {
    const ApiToken t = made_at(1000, 90);
    EXPECT_EQ(t.expires_at, 1000 + 90 * kDay);
    EXPECT_EQ(token_state(t, 1000), TokenState::live);
    EXPECT_EQ(token_state(t, t.expires_at - 1), TokenState::live);
    EXPECT_EQ(token_state(t, t.expires_at), TokenState::expired);
}

TEST(TokenRules, RevokedWinsOverEverything) {
    ApiToken t = made_at(1000, 90);
    t.revoked = true;
    EXPECT_EQ(token_state(t, 1000), TokenState::revoked);
    EXPECT_EQ(token_state(t, t.expires_at + 1), TokenState::revoked);
    EXPECT_EQ(token_state_label(TokenState::revoked), "Revoked");
}

TEST(TokenRules, LastUseIsRewrittenAtMostOnceAMinute) {
    ApiToken t = made_at(1000, 90);
    EXPECT_TRUE(token_needs_touch(t, 1000, 60)) << "never used: the first use is recorded";
    t.last_used_at = 1000;
    EXPECT_FALSE(token_needs_touch(t, 1059, 60));
    EXPECT_TRUE(token_needs_touch(t, 1060, 60));
}

TEST(TokenRules, ANameAndALifetimeOfOneDayToAYear) {
    EXPECT_TRUE(validate_new_token("reporting", 1).empty());
    EXPECT_TRUE(validate_new_token("reporting", 366).empty());
    EXPECT_EQ(validate_new_token("reporting", 0).at(0).field, "expires_in_days");
    EXPECT_EQ(validate_new_token("reporting", 367).at(0).field, "expires_in_days");
    EXPECT_EQ(validate_new_token("  ", 90).at(0).field, "name");
    EXPECT_EQ(validate_new_token(std::string(101, 'x'), 90).at(0).field, "name");
}

class TokensTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto council = create_agency(w.services, w.admin, {"Council", "statutory_partner", "local_authority", "local_authority"}).id;
        const auto p = create_person(w.services, w.admin, {"Ann Lee", "Business manager", council.str(), "ann@example.org"});
        ann = actor_for(w.approve_role(add_user(w.services, w.admin, {p.id.str(), "business_unit", "a long enough password"}).id));
        // The administrator set that password: no token until Ann has chosen her own.
        EXPECT_THROW(make("too soon"), Failure);
        change_own_password(w.services, ann, {"a long enough password", "kettle orbit marmalade", "kettle orbit marmalade"});
    }
    CreatedToken make(const std::string& name, std::optional<int> days = std::nullopt) {
        return create_api_token(w.services, "ann@example.org", NewToken{name, days});
    }
    std::size_t trail_count(const std::string& action) {
        const auto trail = w.audit_actions();
        return static_cast<std::size_t>(std::count(trail.begin(), trail.end(), action));
    }
    World w;
    Actor ann;
};

TEST_F(TokensTest, ATokenLastsTheConfiguredDaysOrThoseAskedFor) {
    const auto standard = make("reporting");
    EXPECT_EQ(standard.token.expires_at, w.clock.at + 90 * kDay);
    EXPECT_GT(standard.token.id, 0);
    EXPECT_EQ(standard.token.token_hash, "digest:" + standard.secret) << "only the digest is stored";
    EXPECT_EQ(make("nightly", 7).token.expires_at, w.clock.at + 7 * kDay);
    w.services.sessions.api_token_days = 30;
    EXPECT_EQ(make("monthly").token.expires_at, w.clock.at + 30 * kDay);
    EXPECT_EQ(trail_count("api_token.create"), 3u);
    EXPECT_EQ(w.last_audit().after_json.find("digest:"), std::string::npos) << "the trail never holds the digest";
}

TEST_F(TokensTest, ABadLifetimeOrNameIsRefusedAndMakesNothing) {
    for (const auto& [name, days] : std::vector<std::pair<std::string, int>>{{"r", 0}, {"r", 367}, {"", 5}}) {
        try {
            make(name, days);
            ADD_FAILURE() << "accepted " << name << " for " << days << " days";
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::invalid);
        }
    }
    EXPECT_TRUE(tokens_of(w.services, "ann@example.org").empty());
    EXPECT_EQ(trail_count("api_token.create"), 0u);
}

TEST_F(TokensTest, AnExpiredTokenIsRefused) {
    const auto t = make("short", 1);
    EXPECT_TRUE(resolve_api_token(w.services, t.secret));
    w.clock.at += kDay - 1;
    EXPECT_TRUE(resolve_api_token(w.services, t.secret));
    w.clock.at += 1;
    EXPECT_FALSE(resolve_api_token(w.services, t.secret));
}

TEST_F(TokensTest, LastUseIsRecordedAtMostOnceAMinute) {
    const auto t = make("reporting");
    const auto last_used = [&] { return w.read([&](Transaction& tx) { return tx.api_tokens().find_by_id(t.token.id)->last_used_at; }); };
    EXPECT_EQ(last_used(), 0);
    const Instant first = w.clock.at;
    ASSERT_TRUE(resolve_api_token(w.services, t.secret));
    EXPECT_EQ(last_used(), first);
    w.clock.at += 59;
    ASSERT_TRUE(resolve_api_token(w.services, t.secret));
    EXPECT_EQ(last_used(), first) << "not rewritten within the minute";
    w.clock.at += 1;
    ASSERT_TRUE(resolve_api_token(w.services, t.secret));
    EXPECT_EQ(last_used(), first + 60);
}

TEST_F(TokensTest, TheOwnerRevokesOneTokenAndTheOthersKeepWorking) {
    const auto one = make("one");
    const auto two = make("two");
    const auto listed = list_own_tokens(w.services, ann, {});
    ASSERT_EQ(listed.items.size(), 2u);
    EXPECT_EQ(listed.items[0].name, "two") << "newest first";
    const auto revoked = revoke_own_token(w.services, ann, one.token.id);
    EXPECT_TRUE(revoked.revoked);
    EXPECT_EQ(revoked.revoked_at, w.clock.at);
    EXPECT_FALSE(resolve_api_token(w.services, one.secret));
    EXPECT_TRUE(resolve_api_token(w.services, two.secret));
    const auto entry = w.last_audit();
    EXPECT_EQ(entry.action, "api_token.revoke");
    EXPECT_EQ(entry.entity_id, ann.user.str());
    EXPECT_NE(entry.after_json.find("\"name\":\"one\""), std::string::npos) << entry.after_json;
}

TEST_F(TokensTest, RevokingATokenTwiceIsRefusedAndChangesNothing) {
    const auto one = make("one");
    revoke_own_token(w.services, ann, one.token.id);
    const auto rows = w.audit_count();
    try {
        revoke_own_token(w.services, ann, one.token.id);
        ADD_FAILURE() << "revoked twice";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        EXPECT_NE(std::string(f.what()).find("already revoked"), std::string::npos);
    }
    EXPECT_EQ(w.audit_count(), rows);
}

TEST_F(TokensTest, NobodyReachesAnotherPersonsTokenThroughTheirOwnPages) {
    const auto anns = make("one");
    const Actor other = w.as(Role::member);
    EXPECT_THROW(get_own_token(w.services, other, anns.token.id), Failure);
    try {
        revoke_own_token(w.services, other, anns.token.id);
        ADD_FAILURE() << "revoked someone else's token";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
    EXPECT_TRUE(resolve_api_token(w.services, anns.secret));
}

TEST_F(TokensTest, AnAdministratorRevokesTokensOfTheirOwnPartnershipOnly) {
    const auto anns = make("one");
    const auto mine = list_user_tokens(w.services, w.admin, ann.user, {});
    EXPECT_EQ(mine.user.email, "ann@example.org");
    ASSERT_EQ(mine.tokens.items.size(), 1u);

    const PartnershipId elsewhere = w.add_partnership("elsewhere", "Elsewhere LSCP");
    const PersonId their_person = w.add_person({PersonId{}, elsewhere, "Eve Admin", "Administrator", AgencyId{}, "eve@elsewhere.org"});
    const Actor their_admin = w.add_user(their_person, Role::administrator, elsewhere);
    for (const auto& attempt : std::vector<std::function<void()>>{
             [&] { list_user_tokens(w.services, their_admin, ann.user, {}); },
             [&] { get_user_token(w.services, their_admin, ann.user, anns.token.id); },
             [&] { revoke_user_token(w.services, their_admin, ann.user, anns.token.id); },
             // Their own account's id with Ann's token id: the token is not that account's.
             [&] { revoke_user_token(w.services, their_admin, their_admin.user, anns.token.id); }}) {
        try {
            attempt();
            ADD_FAILURE() << "reached across partnerships";
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::not_found);
        }
    }
    EXPECT_TRUE(resolve_api_token(w.services, anns.secret));
    EXPECT_THROW(list_user_tokens(w.services, w.as(Role::business_unit), ann.user, {}), Failure) << "administrators only";

    revoke_user_token(w.services, w.admin, ann.user, anns.token.id);
    EXPECT_FALSE(resolve_api_token(w.services, anns.secret));
    EXPECT_EQ(w.last_audit().actor_label, w.admin.label);
}

TEST_F(TokensTest, TheCommandRevokesByNameOrIdAndRefusesAnAmbiguousName) {
    const auto first = make("reporting");
    const auto second = make("reporting");
    const auto other = make("nightly");
    try {
        revoke_token_named(w.services, "ann@example.org", "reporting");
        ADD_FAILURE() << "guessed between two tokens of one name";
    } catch (const Failure& f) {
        EXPECT_NE(std::string(f.what()).find("ids " + std::to_string(second.token.id) + ", " + std::to_string(first.token.id)),
                  std::string::npos)
            << f.what();
    }
    EXPECT_TRUE(resolve_api_token(w.services, first.secret));
    EXPECT_TRUE(resolve_api_token(w.services, second.secret));
    revoke_token_by_id(w.services, "ann@example.org", first.token.id);
    EXPECT_EQ(revoke_token_named(w.services, "ann@example.org", "reporting").id, second.token.id) << "one left of that name";
    EXPECT_FALSE(resolve_api_token(w.services, second.secret));
    EXPECT_TRUE(resolve_api_token(w.services, other.secret));
    EXPECT_THROW(revoke_token_named(w.services, "ann@example.org", "missing"), Failure);
    EXPECT_THROW(revoke_token_by_id(w.services, "member@example.org", other.token.id), Failure) << "not that account's token";
    EXPECT_EQ(tokens_of(w.services, "ann@example.org").size(), 3u);
}
