// Session and sign-in rules with a frozen clock; sign-in use cases on the real store.
#include <gtest/gtest.h>

#include <algorithm>

#include <chrono>
#include <thread>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "app/session_cache.hpp"
#include "app/tokens.hpp"
#include "store/sql/statement_count.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

TEST(SessionRules, IdleAndAbsoluteTimeouts) {
    const SessionPolicy policy;
    Session s{"h", UserId{1}, "c", 0, 0};
    EXPECT_EQ(session_state(s, 29 * 60, policy), SessionState::live);
    EXPECT_EQ(session_state(s, 30 * 60, policy), SessionState::idle_expired);
    s.last_seen_at = 12 * 3600 - 60;
    EXPECT_EQ(session_state(s, 12 * 3600 - 1, policy), SessionState::live);
    EXPECT_EQ(session_state(s, 12 * 3600, policy), SessionState::absolute_expired);
}

TEST(SessionRules, TouchesAtMostOncePerMinute) {
    const SessionPolicy policy;
    const Session s{"h", UserId{1}, "c", 0, 100};
    EXPECT_FALSE(session_needs_touch(s, 159, policy));
    EXPECT_TRUE(session_needs_touch(s, 160, policy));
}

TEST(LoginLockRules, LocksAfterTheFifthFailureForFifteenMinutes) {
    const SessionPolicy policy;
    LoginLock lock;
    for (int i = 0; i < 4; ++i) lock = after_failed_login(lock, 1000, policy);
    EXPECT_FALSE(is_locked(lock, 1000));
    lock = after_failed_login(lock, 1000, policy);
    EXPECT_TRUE(is_locked(lock, 1000));
    EXPECT_TRUE(is_locked(lock, 1000 + 15 * 60 - 1));
    EXPECT_FALSE(is_locked(lock, 1000 + 15 * 60));
}

class SignInTest : public ::testing::Test {
protected:
    void SetUp() override {
        council = create_agency(w.services, w.admin, {"Council", "statutory_partner", "local_authority",
                                                      "local_authority"}).id;
        const auto p = create_person(w.services, w.admin, {"Ann Lee", "Business manager", council.str(), "ann@example.org"});
        // A business unit role an administrator gives waits for a partner lead (decision 0029).
        w.approve_role(add_user(w.services, w.admin, {p.id.str(), "business_unit", "a long enough password"}).id);
    }
    std::optional<Session> session_stored_as(const std::string& key) {
        return w.read([&](Transaction& tx) { return tx.sessions().find(key); });
    }
    World w;
    AgencyId council;
};

TEST_F(SignInTest, RightPasswordStartsASessionStoredOnlyAsADigest) {
    const auto signed_in = sign_in(w.services, " ANN@example.org ", "a long enough password");
    EXPECT_EQ(signed_in.user.role, Role::business_unit);
    const auto stored = session_stored_as("digest:" + signed_in.session_token);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->user, signed_in.user.id);
    EXPECT_FALSE(session_stored_as(signed_in.session_token)) << "the token itself is never stored";
    const auto resolved = resolve_session(w.services, signed_in.session_token);
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->actor.role, Role::business_unit);
    EXPECT_EQ(w.last_audit().action, "user.sign_in");
}

TEST_F(SignInTest, UnknownEmailAndWrongPasswordGetTheSameAnswer) {
    std::string unknown, wrong;
    try {
        sign_in(w.services, "nobody@example.org", "whatever password");
    } catch (const Failure& f) {
        unknown = f.what();
    }
    try {
        sign_in(w.services, "ann@example.org", "wrong password!!");
    } catch (const Failure& f) {
        wrong = f.what();
    }
    EXPECT_FALSE(unknown.empty());
    EXPECT_EQ(unknown, wrong);
}

TEST_F(SignInTest, FiveFailuresLockEvenTheRightPassword) {
    for (int i = 0; i < 5; ++i) EXPECT_THROW(sign_in(w.services, "ann@example.org", "wrong password!!"), Failure);
    EXPECT_THROW(sign_in(w.services, "ann@example.org", "a long enough password"), Failure);
    w.clock.at += 15 * 60;
    EXPECT_NO_THROW(sign_in(w.services, "ann@example.org", "a long enough password"));
}

namespace {

// Checks a password as slowly as argon2id does, so attempts sent together overlap.
struct SlowHasher final : PasswordHasher {
    [[nodiscard]] std::string hash(const std::string& p) const override { return "hashed:" + p; }
    [[nodiscard]] bool verify(const std::string& h, const std::string& p) const override {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return h == "hashed:" + p;
    }
};

}  // namespace

// Wrong passwords sent at once (to one server or to several on one database) each count: a
// count read before the password check and written after it would let them all count as one.
TEST_F(SignInTest, WrongPasswordsSentTogetherEachCountAndLockTheAccount) {
    SlowHasher slow;
    Services services{w.store, w.clock, slow, w.tokens, SessionPolicy{}, &w.sealer};
    auto attempts = [&](int n) {
        std::vector<std::thread> threads;
        for (int i = 0; i < n; ++i) {
            threads.emplace_back([&] { EXPECT_THROW(sign_in(services, "ann@example.org", "wrong password!!"), Failure); });
        }
        for (auto& t : threads) t.join();
    };
    const auto failures = [&] { return w.read([&](Transaction& tx) { return tx.users().find_by_email("ann@example.org"); })->lock; };
    attempts(4);
    EXPECT_EQ(failures().failed_logins, 4);
    EXPECT_FALSE(is_locked(failures(), w.clock.now()));
    attempts(1);
    EXPECT_TRUE(is_locked(failures(), w.clock.now()));
    EXPECT_THROW(sign_in(w.services, "ann@example.org", "a long enough password"), Failure);
}

// The right password checked while other attempts lock the account does not start a session.
TEST_F(SignInTest, TheRightPasswordCheckedWhileTheAccountLocksIsRefused) {
    SlowHasher slow;
    Services services{w.store, w.clock, slow, w.tokens, SessionPolicy{}, &w.sealer};
    for (int i = 0; i < 4; ++i) EXPECT_THROW(sign_in(w.services, "ann@example.org", "wrong password!!"), Failure);
    std::thread right([&] { EXPECT_THROW(sign_in(services, "ann@example.org", "a long enough password"), Failure); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the slow check has begun
    EXPECT_THROW(sign_in(w.services, "ann@example.org", "wrong password!!"), Failure);  // the fifth: locks
    right.join();
    EXPECT_EQ(w.last_audit().action, "user.sign_in_refused");
}

TEST_F(SignInTest, SessionExpiresWhenIdle) {
    const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
    w.clock.at += 30 * 60;
    EXPECT_FALSE(resolve_session(w.services, signed_in.session_token));
    EXPECT_FALSE(session_stored_as("digest:" + signed_in.session_token)) << "the expired session is removed";
}

TEST_F(SignInTest, DeactivatingAUserEndsTheirSessions) {
    const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
    set_user_active(w.services, w.admin, signed_in.user.id, signed_in.user.version, false);
    EXPECT_FALSE(resolve_session(w.services, signed_in.session_token));
    EXPECT_THROW(sign_in(w.services, "ann@example.org", "a long enough password"), Failure);
}

TEST_F(SignInTest, APasswordResetOrDeactivationEndsTheAccountsApiTokensForGood) {
    const auto chooses_her_own = [&](const std::string& given, const std::string& chosen) {
        const auto ann = sign_in(w.services, "ann@example.org", given);
        change_own_password(w.services, actor_for(ann.user), {given, chosen, chosen});
    };
    chooses_her_own("a long enough password", "kettle orbit marmalade");
    auto user = w.read([](Transaction& tx) { return *tx.users().find_by_email("ann@example.org"); });
    const std::string first = create_api_token(w.services, "ann@example.org", "reporting");
    ASSERT_TRUE(resolve_api_token(w.services, first));
    update_user(w.services, w.admin, user.id, user.version, {"", "business_unit", "another long password"});
    EXPECT_FALSE(resolve_api_token(w.services, first)) << "a reset password ends the token";
    const auto trail = w.audit_actions();
    EXPECT_NE(std::find(trail.begin(), trail.end(), "api_token.revoke"), trail.end());

    EXPECT_THROW(create_api_token(w.services, "ann@example.org", "reporting"), Failure) << "until she changes the reset one";
    chooses_her_own("another long password", "copper lantern thistle");
    user = w.read([](Transaction& tx) { return *tx.users().find_by_email("ann@example.org"); });
    const std::string second = create_api_token(w.services, "ann@example.org", "reporting");
    ASSERT_TRUE(resolve_api_token(w.services, second));
    set_user_active(w.services, w.admin, user.id, user.version, false);
    set_user_active(w.services, w.admin, user.id, user.version + 1, true);
    EXPECT_FALSE(resolve_api_token(w.services, second)) << "reactivating the account does not revive it";
    EXPECT_FALSE(resolve_api_token(w.services, first));
}

// Issue 14, item 5: an administrator who sets a password cannot use it to see anything.
TEST_F(SignInTest, APasswordAnAdministratorSetOpensOnlyTheChangeOfIt) {
    const auto given = sign_in(w.services, "ann@example.org", "a long enough password");
    EXPECT_TRUE(given.user.must_change_password);
    const auto resolved = resolve_session(w.services, given.session_token);
    ASSERT_TRUE(resolved);
    EXPECT_TRUE(resolved->must_change_password);
    EXPECT_THROW(create_api_token(w.services, "ann@example.org", "reporting"), Failure);
    const Actor ann = actor_for(given.user);

    // Each wrong change names its field and saves nothing.
    const auto refused = [&](const PasswordChange& change) {
        try {
            change_own_password(w.services, ann, change);
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::invalid);
            return f.fields().at(0).field;
        }
        return std::string("saved");
    };
    const auto rows = w.audit_count();
    EXPECT_EQ(refused({"not my password", "kettle orbit marmalade", "kettle orbit marmalade"}), "current_password");
    EXPECT_EQ(refused({"", "kettle orbit marmalade", "kettle orbit marmalade"}), "current_password");
    EXPECT_EQ(refused({"a long enough password", "aaaaaaaaaaaa", "aaaaaaaaaaaa"}), "new_password");
    EXPECT_EQ(refused({"a long enough password", "a long enough password", "a long enough password"}), "new_password");
    EXPECT_EQ(refused({"a long enough password", "kettle orbit marmalade", "kettle orbit marmelade"}), "confirm_password");
    EXPECT_EQ(w.audit_count(), rows);
    EXPECT_TRUE(w.read([](Transaction& tx) { return tx.users().find_by_email("ann@example.org")->must_change_password; }));

    w.clock.at += 60;
    const auto fresh = change_own_password(w.services, ann, {"a long enough password", "kettle orbit marmalade", "kettle orbit marmalade"});
    EXPECT_FALSE(fresh.user.must_change_password);
    EXPECT_FALSE(resolve_session(w.services, given.session_token)) << "every other session ends";
    const auto now = resolve_session(w.services, fresh.session_token);
    ASSERT_TRUE(now);
    EXPECT_FALSE(now->must_change_password);
    const auto row = w.last_audit();
    EXPECT_EQ(row.action, "user.change_password");
    EXPECT_EQ(row.at, w.clock.at);
    EXPECT_NE(row.before_json.find("\"must_change_password\":true"), std::string::npos);
    EXPECT_NE(row.after_json.find("\"must_change_password\":false"), std::string::npos);
    EXPECT_EQ(row.after_json.find("hashed:"), std::string::npos) << "never the hash";
    EXPECT_THROW(sign_in(w.services, "ann@example.org", "a long enough password"), Failure);
    EXPECT_FALSE(sign_in(w.services, "ann@example.org", "kettle orbit marmalade").user.must_change_password);
    EXPECT_NO_THROW(create_api_token(w.services, "ann@example.org", "reporting"));

    // A reset by an administrator makes it temporary again; one set on the server by the system is not.
    auto user = w.read([](Transaction& tx) { return *tx.users().find_by_email("ann@example.org"); });
    user = update_user(w.services, w.admin, user.id, user.version, {"", "business_unit", "copper lantern thistle"});
    EXPECT_TRUE(user.must_change_password);
    user = update_user(w.services, Actor::system(w.partnership), user.id, user.version, {"", "business_unit", "violet harbour engine"});
    EXPECT_FALSE(user.must_change_password);
}

TEST_F(SignInTest, ShortPasswordIsRefusedForANewAccount) {
    const auto p = create_person(w.services, w.admin, {"Bo", "Officer", council.str(), "bo@example.org"});
    const auto users_of_partnership = [&] { return w.read([&](Transaction& tx) { return tx.users().list(w.partnership); }); };
    const auto users_before = users_of_partnership().size();
    try {
        add_user(w.services, w.admin, {p.id.str(), "member", "short"});
        FAIL();
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "password");
    }
    EXPECT_EQ(users_of_partnership().size(), users_before);
    EXPECT_FALSE(w.read([&](Transaction& tx) { return tx.users().find_by_email("bo@example.org"); }));
}

TEST(RolePermissions, OnlyAdministratorsManageUsers) {
    for (const auto role : all_roles()) {
        EXPECT_EQ(role_allows(role, Permission::manage_users), role == Role::administrator) << role_key(role);
        EXPECT_TRUE(role_allows(role, Permission::view_directory)) << role_key(role);
    }
    EXPECT_FALSE(role_allows(Role::agency_lead, Permission::edit_directory));
    EXPECT_TRUE(role_allows(Role::scrutineer, Permission::view_audit));
    EXPECT_FALSE(role_allows(Role::member, Permission::view_audit));
}

TEST(RolePermissions, TheAccessLogIsForTheAdministratorAndTheScrutineerOnly) {
    for (const auto role : all_roles()) {
        EXPECT_EQ(role_allows(role, Permission::view_access_log), role == Role::administrator || role == Role::scrutineer)
            << role_key(role);
    }
}

// The business unit too is excluded by its own declared interest (issue 14, item 13).
TEST(CaseReach, TheBusinessUnitAndPartnerLeadsReachEveryCaseUnlessExcludedOthersTheirOwn) {
    EXPECT_EQ(case_reach(Role::business_unit), CaseReach::unless_excluded);
    EXPECT_EQ(case_reach(Role::partner_lead), CaseReach::unless_excluded);
    for (Role role : {Role::member, Role::agency_lead, Role::scrutineer, Role::read_only, Role::administrator}) {
        EXPECT_EQ(case_reach(role), CaseReach::own_cases) << role_key(role);
    }
}

// Sessions kept in memory (app/session_cache.hpp) are used only at the data version they were
// read at; everything that ends or changes a session moves that version.
class SessionCacheTest : public SignInTest {
protected:
    std::int64_t version() { return w.store.data_version(); }
    SessionCache cache;
};

TEST_F(SessionCacheTest, AKeptSessionAtTheSameVersionAsksTheDatabaseNothing) {
    sql::statements::counting = true;
    const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
    const std::int64_t v = version();
    const sql::statements::Tally first;
    const auto looked_up = cache.resolve(w.services, signed_in.session_token, v);
    ASSERT_TRUE(looked_up);
    EXPECT_GE(first.total(), 3) << "the session, its user and the partnership";
    const sql::statements::Tally second;
    const auto kept = cache.resolve(w.services, signed_in.session_token, v);
    ASSERT_TRUE(kept);
    EXPECT_EQ(second.total(), 0);
    EXPECT_EQ(kept->actor.user, looked_up->actor.user);
    EXPECT_EQ(kept->csrf_token, signed_in.csrf_token);
    EXPECT_EQ(cache.size(), 1u);
}

TEST_F(SessionCacheTest, SigningOutMovesTheVersionSoTheKeptSessionEndsAtOnce) {
    const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
    const std::int64_t before = version();
    ASSERT_TRUE(cache.resolve(w.services, signed_in.session_token, before));
    sign_out(w.services, signed_in.session_token);
    const std::int64_t after = version();
    EXPECT_GT(after, before) << "ending a session moves the version every server checks";
    EXPECT_FALSE(cache.resolve(w.services, signed_in.session_token, after));
    EXPECT_EQ(cache.size(), 0u);
}

TEST_F(SessionCacheTest, AChangedAccountIsReadAfresh) {
    const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
    ASSERT_EQ(cache.resolve(w.services, signed_in.session_token, version())->actor.role, Role::business_unit);
    const User asked = update_user(w.services, w.admin, signed_in.user.id, signed_in.user.version, {"", "partner_lead", ""});
    EXPECT_EQ(cache.resolve(w.services, signed_in.session_token, version())->actor.role, Role::business_unit)
        << "a partner lead role waits for approval";
    w.approve_role(asked.id);
    const auto changed = cache.resolve(w.services, signed_in.session_token, version());
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->actor.role, Role::partner_lead);
    const auto user = w.read([&](Transaction& tx) { return *tx.users().find(signed_in.user.id); });
    set_user_active(w.services, w.admin, user.id, user.version, false);
    EXPECT_FALSE(cache.resolve(w.services, signed_in.session_token, version()));
}

TEST_F(SessionCacheTest, LastUseIsStillRewrittenAndIdleSessionsStillEnd) {
    const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
    ASSERT_TRUE(cache.resolve(w.services, signed_in.session_token, version()));
    w.clock.at += 61;
    ASSERT_TRUE(cache.resolve(w.services, signed_in.session_token, version()));
    EXPECT_EQ(session_stored_as("digest:" + signed_in.session_token)->last_seen_at, w.clock.at)
        << "a kept session due for a touch is read and touched as without the cache";
    w.clock.at += 30 * 60;
    EXPECT_FALSE(cache.resolve(w.services, signed_in.session_token, version()));
    EXPECT_FALSE(session_stored_as("digest:" + signed_in.session_token)) << "the expired session is removed";
}

TEST_F(SessionCacheTest, HoldsNoMoreSessionsThanItsBound) {
    SessionCache small(2);
    for (int i = 0; i < 3; ++i) {
        const auto signed_in = sign_in(w.services, "ann@example.org", "a long enough password");
        ASSERT_TRUE(small.resolve(w.services, signed_in.session_token, version()));
        EXPECT_LE(small.size(), 2u);
    }
    EXPECT_FALSE(small.resolve(w.services, "token-that-was-never-issued", version()));
}

// API tokens kept the same way (issue 13): used only at the version they were read at, expiry
// judged on each use, revoking one moves the version, and last use is still written when due.
class TokenCacheTest : public SessionCacheTest {
protected:
    // Tokens are made for an account whose owner chose its password (the administrator set Ann's).
    void SetUp() override {
        SessionCacheTest::SetUp();
        const auto ann = sign_in(w.services, "ann@example.org", "a long enough password");
        change_own_password(w.services, actor_for(ann.user), {"a long enough password", "kettle orbit marmalade", "kettle orbit marmalade"});
    }
    // As the server does: the version read first, and read again after a last-use write.
    std::optional<Actor> use(const std::string& bearer, std::int64_t v) {
        return tokens.resolve(w.services, bearer, v, [&] { return version(); });
    }
    TokenCache tokens;
};

TEST_F(TokenCacheTest, AKeptTokenAtTheSameVersionAsksTheDatabaseNothing) {
    sql::statements::counting = true;
    const std::string bearer = create_api_token(w.services, "ann@example.org", "reports");
    ASSERT_TRUE(use(bearer, version()));  // its first use writes the last-use time, moving the version
    const std::int64_t v = version();
    const sql::statements::Tally second;
    const auto kept = use(bearer, v);
    ASSERT_TRUE(kept);
    EXPECT_EQ(second.total(), 0);
    EXPECT_EQ(kept->role, Role::business_unit);
    EXPECT_FALSE(use(bearer + "x", v)) << "an unknown bearer value is never kept";
    EXPECT_EQ(tokens.size(), 1u);
}

TEST_F(TokenCacheTest, RevokingMovesTheVersionSoTheKeptTokenEndsAtOnce) {
    const std::string bearer = create_api_token(w.services, "ann@example.org", "reports");
    const std::int64_t before = version();
    ASSERT_TRUE(use(bearer, before));
    revoke_token_named(w.services, "ann@example.org", "reports");
    const std::int64_t after = version();
    EXPECT_GT(after, before);
    EXPECT_FALSE(use(bearer, after));
    EXPECT_EQ(tokens.size(), 0u);
}

TEST_F(TokenCacheTest, ADeactivatedAccountsTokenStopsWorking) {
    const std::string bearer = create_api_token(w.services, "ann@example.org", "reports");
    ASSERT_TRUE(use(bearer, version()));
    const auto user = w.read([&](Transaction& tx) { return *tx.users().find_by_email("ann@example.org"); });
    set_user_active(w.services, w.admin, user.id, user.version, false);
    EXPECT_FALSE(use(bearer, version()));
}

TEST_F(TokenCacheTest, ExpiryIsJudgedOnEachUseAndLastUseIsStillWritten) {
    const std::string bearer = create_api_token(w.services, "ann@example.org", "reports");
    ASSERT_TRUE(use(bearer, version()));
    auto stored = [&] { return w.read([&](Transaction& tx) { return *tx.api_tokens().find(w.services.tokens.digest(bearer)); }); };
    w.clock.at += 61;
    ASSERT_TRUE(use(bearer, version()));
    EXPECT_EQ(stored().last_used_at, w.clock.at) << "a kept token due for its last-use write is read and written";
    const std::int64_t v = version();
    ASSERT_TRUE(use(bearer, v));
    w.clock.at = stored().expires_at;
    EXPECT_FALSE(use(bearer, v)) << "expired: refused at the same version, though no change moved it";
}
