#include "app/access.hpp"
#include "app/session_cache.hpp"
#include "app/two_factor.hpp"


namespace assure {

Actor actor_for(const User& user) {
    return Actor{user.id, user.partnership, user.role, user.display_name + " <" + user.email + ">"};
}

std::optional<LookedUpSession> look_up_session(Services& s, const std::string& session_token) {
    if (session_token.empty()) return std::nullopt;
    const std::string digest = s.tokens.digest(session_token);
    const Instant now = s.clock.now();
    std::optional<Session> session;
    std::optional<User> user;
    std::string service_name;
    bool must_enrol = false;
    s.store.read([&](Transaction& tx) {
        session = tx.sessions().find(digest);
        if (session) user = tx.users().find(session->user);
        if (user) {
            if (const auto p = tx.partnerships().find(user->partnership)) service_name = p->service_name();
            must_enrol = must_enrol_two_factor(tx, *user);
        }
    });
    if (!session) return std::nullopt;
    if (!user || !user->active || session_state(*session, now, s.sessions) != SessionState::live) {
        s.store.write([&](Transaction& tx) { tx.sessions().remove(digest); });
        return std::nullopt;
    }
    // Rewriting last_seen on every request would make every page a database write.
    if (session_needs_touch(*session, now, s.sessions)) {
        s.store.write([&](Transaction& tx) { tx.sessions().touch(digest, now); });
        session->last_seen_at = now;
    }
    return LookedUpSession{
        ResolvedSession{actor_for(*user), session->csrf_token, service_name, user->must_change_password, must_enrol},
        std::move(*session)};
}

std::optional<ResolvedSession> resolve_session(Services& s, const std::string& session_token) {
    auto found = look_up_session(s, session_token);
    if (!found) return std::nullopt;
    return std::move(found->resolved);
}

// A token works while it is neither revoked nor expired and its account is active. Its
// last use is rewritten at most once a minute (the sessions' touch interval), never per request.
std::optional<LookedUpToken> look_up_api_token(Services& s, const std::string& bearer) {
    if (bearer.empty()) return std::nullopt;
    std::optional<ApiToken> found;
    std::optional<User> user;
    bool must_enrol = false;
    const Instant now = s.clock.now();
    s.store.read([&](Transaction& tx) {
        found = tx.api_tokens().find(s.tokens.digest(bearer));
        if (found && token_state(*found, now) == TokenState::live) user = tx.users().find(found->user);
        if (user) must_enrol = must_enrol_two_factor(tx, *user);
    });
    // A temporary password's account has no token (create_api_token refuses), and a reset
    // revoked its old ones; this holds even if one were left. A token made before the
    // partnership required a second factor works again once its owner has set one up.
    if (!user || !user->active || user->must_change_password || must_enrol) return std::nullopt;
    if (token_needs_touch(*found, now, s.sessions.touch_every_seconds)) {
        s.store.write([&](Transaction& tx) { tx.api_tokens().touch(found->id, now); });
        found->last_used_at = now;
        return LookedUpToken{actor_for(*user), std::move(*found), true};
    }
    return LookedUpToken{actor_for(*user), std::move(*found)};
}

std::optional<Actor> resolve_api_token(Services& s, const std::string& token) {
    auto found = look_up_api_token(s, token);
    if (!found) return std::nullopt;
    return std::move(found->actor);
}

}  // namespace assure
