#include "app/session_cache.hpp"

namespace assure {

std::optional<ResolvedSession> SessionCache::resolve(Services& s, const std::string& session_token, std::int64_t data_version) {
    if (session_token.empty()) return std::nullopt;
    const std::string digest = s.tokens.digest(session_token);
    const Instant now = s.clock.now();
    const auto kept = kept_.find(digest, data_version, [&](const LookedUpSession& found) {
        return session_state(found.session, now, s.sessions) == SessionState::live &&
               !session_needs_touch(found.session, now, s.sessions);
    });
    if (kept) return kept->resolved;
    auto found = look_up_session(s, session_token);
    if (!found) return std::nullopt;
    kept_.keep(digest, *found, data_version);
    return std::move(found->resolved);
}

std::optional<Actor> TokenCache::resolve(Services& s, const std::string& bearer, std::int64_t& data_version,
                                         const std::function<std::int64_t()>& read_version) {
    if (bearer.empty()) return std::nullopt;
    const std::string digest = s.tokens.digest(bearer);
    const Instant now = s.clock.now();
    const auto kept = kept_.find(digest, data_version, [&](const LookedUpToken& found) {
        return token_state(found.token, now) == TokenState::live &&
               !token_needs_touch(found.token, now, s.sessions.touch_every_seconds);
    });
    if (kept) return kept->actor;
    auto found = look_up_api_token(s, bearer);
    if (!found) return std::nullopt;
    if (found->touched) data_version = read_version();
    kept_.keep(digest, *found, data_version);
    return std::move(found->actor);
}

}  // namespace assure
