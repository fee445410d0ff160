#pragma once
// The parts of signing in that the password step (sign_in.cpp) and the second-factor step
// (two_factor.cpp) share.
#include <string>

#include "app/access.hpp"
#include "app/ports/two_factor.hpp"

namespace assure::sign_in_steps {

Failure refused();

// Inside a write transaction: whether the account, read again now, is active and unlocked.
// If not, the refusal is audited.
bool may_still_sign_in(Transaction& tx, const User& user, Instant now);

// Inside a write transaction: clears the failed-login count, starts a session and audits the
// sign-in (`after_json` says how, e.g. which second factor).
SignedIn start_session(Services& s, Transaction& tx, const User& user, Instant now, const std::string& after_json);

// Inside a write transaction: one more failed attempt for the account (towards its lockout),
// audited with what failed.
void count_failure(Services& s, Transaction& tx, const User& user, Instant now, const std::string& after_json);

TwoFactorRepo& two_factor_of(Transaction& tx);

}  // namespace assure::sign_in_steps
