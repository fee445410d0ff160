// Two-factor sign-in's use cases on the real store with fakes: a frozen clock, a plain hasher,
// counting tokens, a marking sealer and one-time codes whose code for a step is the step's last
// six digits (the real RFC 6238 codes are the HTTP test's: tests/security/two_factor_http_test).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "app/reviews.hpp"
#include "app/two_factor.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

namespace {

struct StepCodes final : OneTimeCodes {
    [[nodiscard]] std::string new_secret() const override { return "secret-bytes-0123456"; }
    [[nodiscard]] std::string base32(const std::string& secret) const override { return "B32:" + secret; }
    [[nodiscard]] std::optional<std::int64_t> matching_step(const std::string& secret, const std::string& code, Instant now,
                                                            int window) const override {
        if (secret != "secret-bytes-0123456") return std::nullopt;
        const std::int64_t current = time_step(now, two_factor_policy());
        for (std::int64_t s = current - window; s <= current + window; ++s) {
            if (code_for(s) == code) return s;
        }
        return std::nullopt;
    }
    static std::string code_for(std::int64_t step) {
        char out[8];
        std::snprintf(out, sizeof out, "%06lld", static_cast<long long>(step % 1'000'000));
        return out;
    }
};

class TwoFactorTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto council = create_agency(w.services, w.admin, {"Council", "statutory_partner", "local_authority",
                                                                 "local_authority"}).id;
        const auto p = create_person(w.services, w.admin, {"Ann Lee", "Business manager", council.str(), "ann@example.org"});
        w.store.write([&](Transaction& tx) {
            User u;
            u.partnership = w.partnership;
            u.person = p.id;
            u.email = "ann@example.org";
            u.display_name = "Ann Lee";
            u.password_hash = w.hasher.hash("a long enough password");
            u.role = Role::business_unit;
            ann.user = tx.users().insert(u);
            ann.partnership = w.partnership;
            ann.role = Role::business_unit;
            ann.label = "Ann Lee <ann@example.org>";
        });
    }
    std::int64_t step_now() const { return time_step(w.clock.now(), two_factor_policy()); }
    std::string code_now() const { return StepCodes::code_for(step_now()); }
    // Ann turns two-factor on; returns her recovery codes.
    std::vector<std::string> enrol() {
        start_two_factor(w.services, codes, ann);
        return confirm_two_factor(w.services, codes, ann, code_now());
    }
    std::string challenge() {
        const SignInStep step = begin_sign_in(w.services, "ann@example.org", "a long enough password");
        EXPECT_FALSE(step.signed_in) << "no session before the code";
        return step.challenge_token;
    }
    int failed_logins() { return w.read([&](Transaction& tx) { return tx.users().find(ann.user)->lock.failed_logins; }); }
    World w;
    StepCodes codes;
    Actor ann;
};

}  // namespace

TEST_F(TwoFactorTest, SettingUpSealsTheSecretAndTurnsOnOnlyWithARightCode) {
    const Enrolment e = start_two_factor(w.services, codes, ann);
    EXPECT_EQ(e.secret_base32, "B32:secret-bytes-0123456");
    EXPECT_NE(e.otpauth_uri.find("ann%40example.org"), std::string::npos) << e.otpauth_uri;
    const auto stored = w.read([&](Transaction& tx) { return dynamic_cast<TwoFactorTransaction&>(tx).two_factor().find(ann.user); });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->sealed_secret, w.sealer.seal("secret-bytes-0123456")) << "sealed with the case key";
    EXPECT_EQ(stored->key_id, w.sealer.key_id());
    EXPECT_FALSE(stored->enabled);
    EXPECT_FALSE(two_factor_status(w.services, ann).enabled);

    try {
        confirm_two_factor(w.services, codes, ann, StepCodes::code_for(step_now() + 5));
        FAIL() << "a wrong code turned it on";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().at(0).field, "code");
    }
    EXPECT_FALSE(two_factor_status(w.services, ann).enabled) << "nothing saved";

    const auto recovery = confirm_two_factor(w.services, codes, ann, code_now());
    ASSERT_EQ(recovery.size(), 10u);
    EXPECT_EQ(recovery[0].size(), 14u) << "XXXX-XXXX-XXXX";
    const TwoFactorStatus on = two_factor_status(w.services, ann);
    EXPECT_TRUE(on.enabled);
    EXPECT_EQ(on.recovery_codes_left, 10);
    EXPECT_EQ(w.last_audit().action, "user.two_factor_enrol");
    // No audit row carries the secret or a recovery code.
    for (const auto& row : w.audit_trail()) {
        EXPECT_EQ(row.after_json.find("secret-bytes"), std::string::npos) << row.action;
        EXPECT_EQ(row.after_json.find(recovery[0].substr(5)), std::string::npos) << row.action;
    }
}

TEST_F(TwoFactorTest, APasswordAloneGivesNoSessionAndTheRightCodeDoes) {
    enrol();
    EXPECT_THROW(sign_in(w.services, "ann@example.org", "a long enough password"), Failure)
        << "a caller that cannot ask for the code gets no session";
    const std::string token = challenge();
    ASSERT_FALSE(token.empty());
    EXPECT_TRUE(challenge_open(w.services, token));
    w.clock.at += 30;  // the next step: the code that confirmed the set-up was used
    const SignedIn in = finish_sign_in(w.services, codes, token, code_now());
    EXPECT_EQ(in.user.id, ann.user);
    EXPECT_TRUE(w.read([&](Transaction& tx) { return tx.sessions().find(w.tokens.digest(in.session_token)).has_value(); }));
    EXPECT_FALSE(challenge_open(w.services, token)) << "the half-signed-in state ends with the sign-in";
    EXPECT_EQ(w.last_audit().action, "user.sign_in");
}

TEST_F(TwoFactorTest, ACodeFromOneStepEitherSideIsAcceptedButNotTwo) {
    enrol();
    w.clock.at += 300;
    std::string token = challenge();
    EXPECT_THROW(finish_sign_in(w.services, codes, token, StepCodes::code_for(step_now() - 2)), Failure);
    EXPECT_NO_THROW(finish_sign_in(w.services, codes, token, StepCodes::code_for(step_now() - 1)));
    token = challenge();
    EXPECT_NO_THROW(finish_sign_in(w.services, codes, token, StepCodes::code_for(step_now() + 1)));
}

TEST_F(TwoFactorTest, ACodeUsedOnceIsRefusedTheSecondTimeAndCounts) {
    enrol();
    w.clock.at += 60;
    const std::string code = code_now();
    finish_sign_in(w.services, codes, challenge(), code);
    const std::string again = challenge();
    try {
        finish_sign_in(w.services, codes, again, code);
        FAIL() << "a replayed code signed in";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unauthenticated);
        EXPECT_NE(std::string(f.what()).find("used already"), std::string::npos) << f.what();
    }
    EXPECT_EQ(failed_logins(), 1) << "counted towards the account's lockout";
    EXPECT_NE(w.last_audit().after_json.find("code already used"), std::string::npos);
    EXPECT_TRUE(challenge_open(w.services, again)) << "one wrong code does not end the state";
}

TEST_F(TwoFactorTest, WrongCodesCountTowardsTheLockoutAndTheRightPasswordDoesNotClearThem) {
    enrol();
    w.clock.at += 60;
    for (int i = 0; i < 3; ++i) {
        EXPECT_THROW(finish_sign_in(w.services, codes, challenge(), "000000"), Failure);
    }
    EXPECT_EQ(failed_logins(), 3) << "a right password between wrong codes must not reset the count";
    const std::string token = challenge();
    EXPECT_THROW(finish_sign_in(w.services, codes, token, "000000"), Failure);
    EXPECT_THROW(finish_sign_in(w.services, codes, token, "000000"), Failure);  // the fifth: locks
    EXPECT_THROW(challenge(), Failure) << "locked: even the right password is refused";
}

TEST_F(TwoFactorTest, TheHalfSignedInStateExpiresAfterFiveMinutes) {
    enrol();
    const std::string token = challenge();
    w.clock.at += 5 * 60;
    EXPECT_FALSE(challenge_open(w.services, token));
    try {
        finish_sign_in(w.services, codes, token, code_now());
        FAIL();
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
    EXPECT_THROW(finish_sign_in(w.services, codes, "no-such-token", code_now()), Failure);
}

TEST_F(TwoFactorTest, ARecoveryCodeSignsInOnceAndIsAudited) {
    const auto recovery = enrol();
    // Typed in lower case without hyphens: still the code.
    std::string typed = recovery[3];
    typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
    std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    EXPECT_NO_THROW(finish_sign_in(w.services, codes, challenge(), typed));
    const auto actions = w.audit_actions();
    EXPECT_NE(std::find(actions.begin(), actions.end(), "user.two_factor_recovery_code_used"), actions.end());
    EXPECT_EQ(two_factor_status(w.services, ann).recovery_codes_left, 9);
    EXPECT_THROW(finish_sign_in(w.services, codes, challenge(), recovery[3]), Failure) << "each code works once";
    EXPECT_NO_THROW(finish_sign_in(w.services, codes, challenge(), recovery[4]));
}

TEST_F(TwoFactorTest, TurningOffNeedsThePasswordAndAnAdministratorCanReset) {
    enrol();
    EXPECT_THROW(disable_two_factor(w.services, ann, "wrong password!!"), Failure);
    EXPECT_TRUE(two_factor_status(w.services, ann).enabled);
    disable_two_factor(w.services, ann, "a long enough password");
    EXPECT_FALSE(two_factor_status(w.services, ann).enabled);
    EXPECT_EQ(w.last_audit().action, "user.two_factor_disable");
    EXPECT_TRUE(begin_sign_in(w.services, "ann@example.org", "a long enough password").signed_in) << "password only again";

    w.clock.at += 60;
    enrol();
    EXPECT_THROW(reset_two_factor(w.services, w.as(Role::business_unit), ann.user), Failure) << "administrators only";
    reset_two_factor(w.services, w.admin, ann.user);
    EXPECT_FALSE(two_factor_status(w.services, ann).enabled);
    const AuditEntry row = w.last_audit();
    EXPECT_EQ(row.action, "user.two_factor_reset");
    EXPECT_EQ(row.entity_id, ann.user.str());
    EXPECT_EQ(row.actor, w.admin.user);
}

TEST_F(TwoFactorTest, WithoutACaseKeyNothingIsSetUp) {
    Services no_key = w.services;
    no_key.sealer = nullptr;
    try {
        start_two_factor(no_key, codes, ann);
        FAIL();
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unavailable);
    }
    EXPECT_FALSE(two_factor_status(w.services, ann).pending);
}

TEST_F(TwoFactorTest, ACaseKeyRotationResealsTheSecretsSoCodesStillWork) {
    enrol();
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    assure::testing::MarkingSealer next("next-key:");
    rotate_case_key(w.services, next);
    const auto stored = w.read([&](Transaction& tx) { return dynamic_cast<TwoFactorTransaction&>(tx).two_factor().find(ann.user); });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->key_id, next.key_id());
    EXPECT_EQ(next.open(stored->sealed_secret), "secret-bytes-0123456");
    EXPECT_NE(w.last_audit().after_json.find("\"two_factor_secrets_resealed_all_partnerships\":1"), std::string::npos)
        << w.last_audit().after_json;
    // The server now runs with the new key: the second step opens the secret with it.
    Services rotated = w.services;
    rotated.sealer = &next;
    w.clock.at += 60;
    const std::string token = begin_sign_in(rotated, "ann@example.org", "a long enough password").challenge_token;
    EXPECT_NO_THROW(finish_sign_in(rotated, codes, token, code_now()));
}

// Decision 0031: a partnership may require a second factor of every role that can see case
// records. Until Ann sets one up her session opens only the set-up, her API token works for
// nothing, and once it is on she cannot turn it off; the administrator is never held.
TEST_F(TwoFactorTest, APartnershipThatRequiresASecondFactorHoldsEveryCaseSightedAccountAtTheSetUp) {
    const SignedIn in = sign_in(w.services, "ann@example.org", "a long enough password");
    const std::string token = create_api_token(w.services, "ann@example.org", "nightly export");
    ASSERT_TRUE(resolve_session(w.services, in.session_token));
    EXPECT_FALSE(resolve_session(w.services, in.session_token)->must_enrol_two_factor) << "not required yet";
    EXPECT_TRUE(resolve_api_token(w.services, token));

    const Actor unit = w.as(Role::business_unit);
    SettingsChange require;
    require.values = {{"two_factor_required", "yes"}};
    change_settings(w.services, unit, read_settings(w.services, unit).partnership.version, require);

    EXPECT_TRUE(resolve_session(w.services, in.session_token)->must_enrol_two_factor);
    EXPECT_FALSE(resolve_api_token(w.services, token)) << "a token opens nothing while its owner owes a second factor";
    EXPECT_TRUE(two_factor_status(w.services, ann).required);
    User administrator;
    administrator.partnership = w.partnership;
    administrator.role = Role::administrator;
    EXPECT_FALSE(w.read([&](Transaction& tx) { return must_enrol_two_factor(tx, administrator); })) << "sees no case records";

    enrol();
    EXPECT_FALSE(resolve_session(w.services, in.session_token)->must_enrol_two_factor);
    EXPECT_TRUE(resolve_api_token(w.services, token)) << "works again once the second factor is on";
    try {
        disable_two_factor(w.services, ann, "a long enough password");
        ADD_FAILURE() << "a required second factor was turned off";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::conflict);
        EXPECT_NE(std::string(f.what()).find("cannot be turned off"), std::string::npos) << f.what();
    }
    EXPECT_TRUE(two_factor_status(w.services, ann).enabled) << "still on";
    EXPECT_EQ(w.last_audit().action, "user.two_factor_enrol") << "the refusal wrote nothing";
}
