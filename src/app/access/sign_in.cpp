#include "app/access.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

// A valid argon2id hash of a random password, verified when the email is unknown so that a
// wrong email costs the same time as a wrong password.
const std::string& decoy_hash(const PasswordHasher& hasher) {
    static const std::string hash = hasher.hash("decoy-password-that-nobody-has");
    return hash;
}

Failure refused() { return Failure(FailureCode::unauthenticated, kSignInRefused, {{"email", kSignInRefused}}); }

}  // namespace

SignedIn sign_in(Services& s, const std::string& email_input, const std::string& password) {
    const std::string email = lower(trim(email_input));
    if (email.empty() || password.empty()) {
        FieldErrors errors;
        if (email.empty()) errors.push_back({"email", "Enter your email address"});
        if (password.empty()) errors.push_back({"password", "Enter your password"});
        throw Failure::invalid(std::move(errors));
    }

    std::optional<User> user;
    s.store.read([&](Transaction& tx) { user = tx.users().find_by_email(email); });
    const Instant now = s.clock.now();
    if (!user) {
        (void)s.hasher.verify(decoy_hash(s.hasher), password);
        throw refused();
    }
    // Verify even when locked or inactive: the timing must not tell those cases apart.
    const bool password_ok = s.hasher.verify(user->password_hash, password);
    const Actor actor = actor_for(*user);

    // The count is read again under the write lock, not taken from the read above: attempts that
    // arrive together, at this server or at another on the same database, each add one (a
    // stale count would let parallel guesses past the limit).
    if (!password_ok || !user->active || is_locked(user->lock, now)) {
        s.store.write([&](Transaction& tx) {
            const auto current = tx.users().find(user->id);
            const LoginLock lock = current ? current->lock : user->lock;
            if (!password_ok && !is_locked(lock, now)) {
                tx.users().set_lock(user->id, after_failed_login(lock, now, s.sessions));
            }
            record_audit(tx, actor, now, "user.sign_in_refused", "user", user->id.str(), "", "");
        });
        throw refused();
    }

    SignedIn result{s.tokens.random_token(), s.tokens.random_token(), *user};
    Session session{s.tokens.digest(result.session_token), user->id, result.csrf_token, now, now};
    bool refused_meanwhile = false;  // locked or deactivated while the password was checked
    s.store.write([&](Transaction& tx) {
        const auto current = tx.users().find(user->id);
        if (!current || !current->active || is_locked(current->lock, now)) {
            refused_meanwhile = true;
            record_audit(tx, actor, now, "user.sign_in_refused", "user", user->id.str(), "", "");
            return;
        }
        tx.users().set_lock(user->id, LoginLock{});
        tx.sessions().insert(session);
        record_audit(tx, actor, now, "user.sign_in", "user", user->id.str(), "", "");
    });
    if (refused_meanwhile) throw refused();
    return result;
}

void sign_out(Services& s, const std::string& session_token) {
    if (session_token.empty()) return;
    const std::string digest = s.tokens.digest(session_token);
    s.store.write([&](Transaction& tx) {
        auto session = tx.sessions().find(digest);
        if (!session) return;
        tx.sessions().remove(digest);
        if (auto user = tx.users().find(session->user)) {
            record_audit(tx, actor_for(*user), s.clock.now(), "user.sign_out", "user", user->id.str(), "", "");
        }
    });
}

}  // namespace assure
