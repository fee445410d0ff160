#include "app/access/sign_in_steps.hpp"
#include "app/two_factor.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

// A valid argon2id hash of a random password, verified when the email is unknown so that a
// wrong email costs the same time as a wrong password.
const std::string& decoy_hash(const PasswordHasher& hasher) {
    static const std::string hash = hasher.hash("decoy-password-that-nobody-has");
    return hash;
}

}  // namespace

namespace sign_in_steps {

Failure refused() { return Failure(FailureCode::unauthenticated, kSignInRefused, {{"email", kSignInRefused}}); }

bool may_still_sign_in(Transaction& tx, const User& user, Instant now) {
    const auto current = tx.users().find(user.id);
    if (current && current->active && !is_locked(current->lock, now)) return true;
    record_audit(tx, actor_for(user), now, "user.sign_in_refused", "user", user.id.str(), "", "");
    return false;
}

SignedIn start_session(Services& s, Transaction& tx, const User& user, Instant now, const std::string& after_json) {
    SignedIn result{s.tokens.random_token(), s.tokens.random_token(), user};
    tx.users().set_lock(user.id, LoginLock{});
    tx.sessions().insert(Session{s.tokens.digest(result.session_token), user.id, result.csrf_token, now, now});
    record_audit(tx, actor_for(user), now, "user.sign_in", "user", user.id.str(), "", after_json);
    return result;
}

void count_failure(Services& s, Transaction& tx, const User& user, Instant now, const std::string& after_json) {
    const auto current = tx.users().find(user.id);
    const LoginLock lock = current ? current->lock : user.lock;
    if (!is_locked(lock, now)) tx.users().set_lock(user.id, after_failed_login(lock, now, s.sessions));
    record_audit(tx, actor_for(user), now, "user.sign_in_refused", "user", user.id.str(), "", after_json);
}

TwoFactorRepo& two_factor_of(Transaction& tx) {
    auto* with = dynamic_cast<TwoFactorTransaction*>(&tx);
    if (with == nullptr) {
        throw Failure(FailureCode::unavailable, "Two-factor sign-in is not kept by this store", {}, "no TwoFactorTransaction");
    }
    return with->two_factor();
}

}  // namespace sign_in_steps

using namespace sign_in_steps;

SignInStep begin_sign_in(Services& s, const std::string& email_input, const std::string& password) {
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

    // The count is read again under the write lock, not taken from the read above: attempts that
    // arrive together, at this server or at another on the same database, each add one (a
    // stale count would let parallel guesses past the limit).
    if (!password_ok || !user->active || is_locked(user->lock, now)) {
        s.store.write([&](Transaction& tx) {
            if (!password_ok) {
                count_failure(s, tx, *user, now, "");
            } else {
                record_audit(tx, actor_for(*user), now, "user.sign_in_refused", "user", user->id.str(), "", "");
            }
        });
        throw refused();
    }

    SignInStep step;
    bool refused_meanwhile = false;  // locked or deactivated while the password was checked
    s.store.write([&](Transaction& tx) {
        if (!may_still_sign_in(tx, *user, now)) {
            refused_meanwhile = true;
            return;
        }
        const auto second = two_factor_of(tx).find(user->id);
        if (!second || !second->enabled) {
            step.signed_in = start_session(s, tx, *user, now, "");
            return;
        }
        // A correct password opens only the second step. The failed-login count is left as it
        // is: clearing it here would let someone who knows the password guess codes for ever.
        step.challenge_token = s.tokens.random_token();
        two_factor_of(tx).remove_challenges(user->id, now - two_factor_policy().challenge_seconds);
        two_factor_of(tx).insert_challenge(SignInChallenge{s.tokens.digest(step.challenge_token), user->id, now, 0});
        record_audit(tx, actor_for(*user), now, "user.sign_in_password", "user", user->id.str(), "",
                     R"({"second_factor":"asked"})");
    });
    if (refused_meanwhile) throw refused();
    return step;
}

SignedIn sign_in(Services& s, const std::string& email, const std::string& password) {
    SignInStep step = begin_sign_in(s, email, password);
    if (step.signed_in) return std::move(*step.signed_in);
    // A caller that cannot ask for the second step gets no session.
    throw Failure(FailureCode::unauthenticated, "This account signs in with a code from an authenticator app as well",
                  {{"email", "This account signs in with a code from an authenticator app as well"}});
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
