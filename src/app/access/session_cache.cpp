#include "app/session_cache.hpp"

#include <iterator>

namespace assure {

std::optional<ResolvedSession> SessionCache::resolve(Services& s, const std::string& session_token, std::int64_t data_version) {
    if (session_token.empty()) return std::nullopt;
    const std::string digest = s.tokens.digest(session_token);
    const Instant now = s.clock.now();
    {
        const std::lock_guard lock(mutex_);
        if (const auto it = entries_.find(digest); it != entries_.end()) {
            const Session& kept = it->second.found.session;
            if (it->second.data_version == data_version && session_state(kept, now, s.sessions) == SessionState::live &&
                !session_needs_touch(kept, now, s.sessions)) {
                return it->second.found.resolved;
            }
            entries_.erase(it);
        }
    }
    auto found = look_up_session(s, session_token);
    if (found) keep(digest, *found, data_version);
    if (!found) return std::nullopt;
    return std::move(found->resolved);
}

void SessionCache::keep(const std::string& digest, const LookedUpSession& found, std::int64_t data_version) {
    const std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) {
        // Entries of an older version will never be used again; if every one is current, more
        // people are signed in than the cache holds, and starting afresh costs one lookup each.
        for (auto it = entries_.begin(); it != entries_.end();) {
            it = it->second.data_version == data_version ? std::next(it) : entries_.erase(it);
        }
        if (entries_.size() >= max_entries_) entries_.clear();
    }
    entries_.insert_or_assign(digest, Entry{found, data_version});
}

std::size_t SessionCache::size() const {
    const std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace assure
