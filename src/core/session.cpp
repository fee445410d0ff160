#include "core/session.hpp"

namespace assure {

SessionState session_state(const Session& s, Instant now, const SessionPolicy& policy) {
    if (now - s.created_at >= policy.absolute_seconds) return SessionState::absolute_expired;
    if (now - s.last_seen_at >= policy.idle_seconds) return SessionState::idle_expired;
    return SessionState::live;
}

bool session_needs_touch(const Session& s, Instant now, const SessionPolicy& policy) {
    return now - s.last_seen_at >= policy.touch_every_seconds;
}

bool is_locked(const LoginLock& lock, Instant now) { return now < lock.locked_until; }

LoginLock after_failed_login(LoginLock lock, Instant now, const SessionPolicy& policy) {
    lock.failed_logins += 1;
    if (lock.failed_logins >= policy.max_failed_logins) {
        lock.failed_logins = 0;
        lock.locked_until = now + policy.lockout_seconds;
    }
    return lock;
}

}  // namespace assure
