#pragma once
// Signed-in sessions and their time-outs: a rule, so it lives here and is tested with a frozen clock.
#include <string>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace assure {

struct SessionPolicy {
    std::int64_t idle_seconds = 30 * 60;           // signed out after 30 minutes without a request
    std::int64_t absolute_seconds = 12 * 60 * 60;  // and after 12 hours whatever happens
    std::int64_t touch_every_seconds = 60;         // how stale last_seen may get before it is rewritten
    int max_failed_logins = 5;                     // then the account is locked for lockout_seconds
    std::int64_t lockout_seconds = 15 * 60;
    int api_token_days = 90;                       // a new API token's lifetime, unless its maker says otherwise
};

struct Session {
    std::string token_hash;  // hex SHA-256 of the cookie value; the value itself is never stored
    UserId user;
    std::string csrf_token;
    Instant created_at = 0;
    Instant last_seen_at = 0;
};

enum class SessionState { live, idle_expired, absolute_expired };

SessionState session_state(const Session& s, Instant now, const SessionPolicy& policy);
bool session_needs_touch(const Session& s, Instant now, const SessionPolicy& policy);

struct LoginLock {
    int failed_logins = 0;
    Instant locked_until = 0;
};

bool is_locked(const LoginLock& lock, Instant now);
// The state after one more failed attempt: the count grows; at the limit the account locks
// and the count starts again.
LoginLock after_failed_login(LoginLock lock, Instant now, const SessionPolicy& policy);

}  // namespace assure
