#pragma once
// Use cases of two-factor sign-in (docs/decisions/0031-two-factor.md): setting up an
// authenticator app, the sign-in's second step, recovery codes, turning it off, and an
// administrator's reset. Every change writes its audit row in the same transaction; no row
// holds a secret, a code or a recovery code.
#include <optional>
#include <string>
#include <vector>

#include "app/access.hpp"
#include "app/context.hpp"
#include "app/ports/two_factor.hpp"
#include "core/two_factor.hpp"

namespace assure {

struct TwoFactorStatus {
    bool enabled = false;
    bool pending = false;  // set up, not yet confirmed with a code
    Instant enabled_at = 0;
    int recovery_codes_left = 0;
    // The partnership requires a second factor of this account's role: it cannot be turned off,
    // and until it is set up no other page opens.
    bool required = false;
};
// Inside a transaction: whether the account must set up a second factor before anything else
// opens (its partnership requires one of its role, and it has none turned on).
bool must_enrol_two_factor(Transaction& tx, const User& user);
TwoFactorStatus two_factor_status(Services& s, const Actor& actor);
// Another account's, for the administrator's user page.
TwoFactorStatus two_factor_status_of(Services& s, const Actor& admin, UserId user);

// What the enrolment page shows: the secret as text and as the address the QR code holds.
struct Enrolment {
    std::string secret_base32;
    std::string otpauth_uri;
};
// Makes a new secret (sealed with the case key) and keeps it pending; replaces a pending one.
// Refused while a second factor is on (turn it off first) and without a case key.
Enrolment start_two_factor(Services& s, const OneTimeCodes& codes, const Actor& actor);
// The pending secret, to show again (after a wrong code); nothing if none is pending.
std::optional<Enrolment> pending_two_factor(Services& s, const OneTimeCodes& codes, const Actor& actor);
// A code from the app turns the pending secret on; returns the recovery codes, shown this once.
std::vector<std::string> confirm_two_factor(Services& s, const OneTimeCodes& codes, const Actor& actor, const std::string& code);
// The account's owner turns it off, with their password.
void disable_two_factor(Services& s, const Actor& actor, const std::string& password);
// An administrator removes another account's second factor (a lost phone); audited.
void reset_two_factor(Services& s, const Actor& admin, UserId user);

// Signing in with a password: a session at once, or for an account with a second factor the
// half-signed-in state's token (goes to its own cookie; only its digest is stored).
struct SignInStep {
    std::optional<SignedIn> signed_in;
    std::string challenge_token;
};
SignInStep begin_sign_in(Services& s, const std::string& email, const std::string& password);
// Whether the half-signed-in state behind this token is still usable.
bool challenge_open(Services& s, const std::string& challenge_token);

// The message for a half-signed-in state that is unknown or has ended (not_found Failure).
inline constexpr const char* kSignInAgain = "Your sign-in timed out. Sign in again with your email address and password.";
// The second step: a code from the app, or a recovery code. Wrong codes count towards the
// account's lockout (unauthenticated Failure); a code's time step is accepted once.
SignedIn finish_sign_in(Services& s, const OneTimeCodes& codes, const std::string& challenge_token, const std::string& code);

// For a case key rotation, in its transaction: every secret sealed again with `next`.
int reseal_two_factor_secrets(Transaction& tx, const Sealer& current, const Sealer& next);

}  // namespace assure
