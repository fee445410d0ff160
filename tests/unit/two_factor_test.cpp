// Two-factor sign-in's rules with a frozen clock: the time step, the window of one step either
// side, a code's step refused once used, the half-signed-in state's expiry, recovery codes' shape
// and who a partnership's requirement reaches.
#include <gtest/gtest.h>

#include "core/two_factor.hpp"

using namespace assure;

namespace {
const TwoFactorPolicy policy;
}

TEST(TwoFactorRules, TheTimeStepIsWholeThirtySecondsSinceTheEpoch) {
    EXPECT_EQ(time_step(0, policy), 0);
    EXPECT_EQ(time_step(29, policy), 0);
    EXPECT_EQ(time_step(30, policy), 1);
    EXPECT_EQ(time_step(59, policy), 1);
    // RFC 6238's test vectors: T = 0x00000000023523EC at 1111111109 seconds, 0x23523ED at 1111111111.
    EXPECT_EQ(time_step(1111111109, policy), 0x23523EC);
    EXPECT_EQ(time_step(1111111111, policy), 0x23523ED);
    EXPECT_EQ(time_step(-1, policy), -1) << "floor, not truncation";
}

TEST(TwoFactorRules, ACodeOfTheStepBeforeOrAfterNowsIsAcceptedAndNoFurther) {
    const Instant now = 1'795'000'015;  // the middle of a step
    const std::int64_t step = time_step(now, policy);
    EXPECT_EQ(judge_code_step(step, now, 0, policy), CodeVerdict::accepted);
    EXPECT_EQ(judge_code_step(step - 1, now, 0, policy), CodeVerdict::accepted);
    EXPECT_EQ(judge_code_step(step + 1, now, 0, policy), CodeVerdict::accepted);
    EXPECT_EQ(judge_code_step(step - 2, now, 0, policy), CodeVerdict::outside_window);
    EXPECT_EQ(judge_code_step(step + 2, now, 0, policy), CodeVerdict::outside_window);
}

TEST(TwoFactorRules, AStepAlreadyUsedOrEarlierIsRefusedAsAReplay) {
    const Instant now = 1'795'000'015;
    const std::int64_t step = time_step(now, policy);
    EXPECT_EQ(judge_code_step(step, now, step, policy), CodeVerdict::replayed) << "the same code sent again";
    EXPECT_EQ(judge_code_step(step - 1, now, step, policy), CodeVerdict::replayed) << "an older code after a newer one";
    EXPECT_EQ(judge_code_step(step + 1, now, step, policy), CodeVerdict::accepted);
    // Thirty seconds later the code that was used is still inside the window, and still refused.
    EXPECT_EQ(judge_code_step(step, now + 30, step, policy), CodeVerdict::replayed);
}

TEST(TwoFactorRules, ATypedCodeIsSixDigitsWithSpacesIgnored) {
    EXPECT_EQ(normalise_code("123456", policy), "123456");
    EXPECT_EQ(normalise_code(" 123 456 ", policy), "123456");
    EXPECT_FALSE(normalise_code("12345", policy));
    EXPECT_FALSE(normalise_code("1234567", policy));
    EXPECT_FALSE(normalise_code("12a456", policy));
    EXPECT_FALSE(normalise_code("", policy));
}

TEST(TwoFactorRules, RecoveryCodesAreTwelveBase32CharactersShownInFours) {
    const std::string code = recovery_code_from("random-text-of-enough-length");
    ASSERT_EQ(code.size(), kRecoveryCodeLength);
    EXPECT_EQ(code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
    EXPECT_NE(recovery_code_from("aaaaaaaaaaaa"), recovery_code_from("aaaaaaaaaaab"));
    EXPECT_EQ(format_recovery_code("ABCDEFGHJKLM"), "ABCD-EFGH-JKLM");
    EXPECT_EQ(recovery_code_lookup("ABCDEFGHJKLM"), "ABCD");
    EXPECT_EQ(normalise_recovery_code("abcd-efgh-jklm"), "ABCDEFGHJKLM");
    EXPECT_EQ(normalise_recovery_code(" ABCD EFGH JKLM "), "ABCDEFGHJKLM");
    EXPECT_FALSE(normalise_recovery_code("ABCD-EFGH-JKL")) << "too short";
    EXPECT_FALSE(normalise_recovery_code("ABCD-EFGH-JKL1")) << "1 is not in the base32 alphabet";
}

TEST(TwoFactorRules, TheHalfSignedInStateLastsFiveMinutes) {
    EXPECT_TRUE(challenge_live(1000, 1000, policy));
    EXPECT_TRUE(challenge_live(1000, 1000 + 5 * 60 - 1, policy));
    EXPECT_FALSE(challenge_live(1000, 1000 + 5 * 60, policy));
    EXPECT_FALSE(challenge_live(1000, 999, policy)) << "a state from the future is not trusted";
}

TEST(TwoFactorRules, APartnershipsRequirementReachesOnlyRolesThatSeeCaseRecords) {
    EXPECT_TRUE(role_sees_case_records(Role::business_unit));
    EXPECT_TRUE(role_sees_case_records(Role::read_only)) << "a case list, need-to-know";
    EXPECT_FALSE(role_sees_case_records(Role::administrator)) << "looks after the service, never a case";
    EXPECT_TRUE(must_enrol_two_factor(true, Role::business_unit, false));
    EXPECT_FALSE(must_enrol_two_factor(true, Role::business_unit, true)) << "already enrolled";
    EXPECT_FALSE(must_enrol_two_factor(false, Role::business_unit, false)) << "not required";
    EXPECT_FALSE(must_enrol_two_factor(true, Role::administrator, false));
}

TEST(TwoFactorRules, TheAppsAddressNamesTheIssuerAccountAndSecret) {
    EXPECT_EQ(otpauth_uri("Assure (North LSCP)", "ann@example.org", "JBSWY3DPEHPK3PXP", policy),
              "otpauth://totp/Assure%20%28North%20LSCP%29:ann%40example.org?secret=JBSWY3DPEHPK3PXP"
              "&issuer=Assure%20%28North%20LSCP%29&algorithm=SHA1&digits=6&period=30");
}
