#pragma once
// Two-factor sign-in's rules (docs/decisions/0031-two-factor.md): time-based one-time passwords
// (RFC 6238: 6 digits, 30-second steps), the window of steps a code may come from, refusing a
// code whose step was already used, the half-signed-in state's expiry, the recovery codes'
// shape, and which roles a partnership may require a second factor of. Pure rules: the codes
// themselves are computed by the adapter (crypto/one_time_codes), tested with a frozen clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/access.hpp"
#include "core/date.hpp"

namespace assure {

struct TwoFactorPolicy {
    int step_seconds = 30;   // RFC 6238's default, which every authenticator app uses
    int digits = 6;
    int window_steps = 1;    // a code of the step before or after now's is accepted (clock drift)
    std::int64_t challenge_seconds = 5 * 60;  // the half-signed-in state ends after this
    int challenge_attempts = 5;               // wrong codes before the half-signed-in state ends
    int recovery_codes = 10;
};

inline const TwoFactorPolicy& two_factor_policy() {
    static const TwoFactorPolicy policy;
    return policy;
}

// The RFC 6238 counter: whole steps since the Unix epoch.
std::int64_t time_step(Instant now, const TwoFactorPolicy& policy);

enum class CodeVerdict { accepted, outside_window, replayed };

// Whether a code that matched step `matched` may sign someone in now: its step must be within
// the window around now's, and later than the last step accepted for the account (a code seen
// over someone's shoulder, or sent twice, is refused even while it is still current).
CodeVerdict judge_code_step(std::int64_t matched, Instant now, std::int64_t last_used_step, const TwoFactorPolicy& policy);

// A typed one-time code: spaces removed (apps show "123 456"); nothing unless it is then
// exactly `digits` digits.
std::optional<std::string> normalise_code(std::string_view typed, const TwoFactorPolicy& policy);

// Recovery codes: 12 characters of the base32 alphabet, shown as XXXX-XXXX-XXXX. The first four
// name the code (stored in the clear, so a sign-in checks one hash, not ten); the code as a whole
// is stored only as a password hash.
inline constexpr std::size_t kRecoveryCodeLength = 12;
inline constexpr std::size_t kRecoveryLookupLength = 4;
// A recovery code from random text (any characters; at least kRecoveryCodeLength of them): each
// character picks one of the 32 letters and digits, so 64 equally likely inputs stay uniform.
std::string recovery_code_from(std::string_view random_text);
// A typed recovery code: case, spaces and hyphens ignored; nothing unless 12 base32 characters.
std::optional<std::string> normalise_recovery_code(std::string_view typed);
std::string recovery_code_lookup(const std::string& normalised);
std::string format_recovery_code(const std::string& normalised);  // "ABCD-EFGH-JKLM"

// The half-signed-in state (a correct password, no code yet) is still usable.
bool challenge_live(Instant created_at, Instant now, const TwoFactorPolicy& policy);

// Roles whose accounts may see children's case records: the case list (need-to-know, which is
// every role but the administrator's), the LADO and child death registers, the voice register.
bool role_sees_case_records(Role role);
// Whether a signed-in account must set up a second factor before anything else opens.
bool must_enrol_two_factor(bool required_by_partnership, Role role, bool enrolled);

// The otpauth:// address an authenticator app reads from the QR code (Key Uri Format):
// otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret,
                        const TwoFactorPolicy& policy);

}  // namespace assure
