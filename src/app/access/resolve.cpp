#include "app/access.hpp"

#include <nlohmann/json.hpp>

namespace assure {

Actor actor_for(const User& user) {
    return Actor{user.id, user.partnership, user.role, user.display_name + " <" + user.email + ">"};
}

std::optional<ResolvedSession> resolve_session(Services& s, const std::string& session_token) {
    if (session_token.empty()) return std::nullopt;
    const std::string digest = s.tokens.digest(session_token);
    const Instant now = s.clock.now();
    std::optional<Session> session;
    std::optional<User> user;
    std::string service_name;
    s.store.read([&](Transaction& tx) {
        session = tx.sessions().find(digest);
        if (session) user = tx.users().find(session->user);
        if (user) {
            if (const auto p = tx.partnerships().find(user->partnership)) service_name = p->service_name();
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
    }
    return ResolvedSession{actor_for(*user), session->csrf_token, service_name};
}

std::optional<Actor> resolve_api_token(Services& s, const std::string& token) {
    if (token.empty()) return std::nullopt;
    std::optional<ApiToken> found;
    std::optional<User> user;
    s.store.read([&](Transaction& tx) {
        found = tx.api_tokens().find(s.tokens.digest(token));
        if (found && !found->revoked) user = tx.users().find(found->user);
    });
    if (!user || !user->active) return std::nullopt;
    return actor_for(*user);
}

std::string create_api_token(Services& s, const std::string& email, const std::string& name) {
    std::string token = s.tokens.random_token();
    s.store.write([&](Transaction& tx) {
        auto user = tx.users().find_by_email(email);
        if (!user) throw Failure(FailureCode::not_found, "No user account has the email address " + email);
        if (!user->active) throw Failure(FailureCode::invalid, "The user account " + email + " is deactivated");
        const Instant now = s.clock.now();
        tx.api_tokens().insert(ApiToken{s.tokens.digest(token), user->id, name, now, false});
        record_audit(tx, Actor::system(user->partnership), now, "api_token.create", "user", user->id.str(), "",
                     nlohmann::json{{"name", name}}.dump());
    });
    return token;
}

}  // namespace assure
