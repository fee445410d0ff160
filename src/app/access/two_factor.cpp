// Two-factor sign-in's use cases (docs/decisions/0031-two-factor.md). The secret is sealed with
// the case key as children's details are; recovery codes are hashed as passwords are; audit rows
// say what happened and never carry a secret or a code.
#include <nlohmann/json.hpp>

#include "app/access/sign_in_steps.hpp"
#include "app/two_factor.hpp"

namespace assure {

using namespace sign_in_steps;

namespace {

const Sealer& sealer_of(Services& s) {
    if (s.sealer == nullptr) {
        throw Failure(FailureCode::unavailable,
                      "Two-factor sign-in needs the server's case key, which is not configured. Ask your administrator.");
    }
    return *s.sealer;
}

std::string issuer_of(Transaction& tx, PartnershipId partnership) {
    const auto p = tx.partnerships().find(partnership);
    return p ? "Assure (" + p->service_name() + ")" : "Assure";
}

Enrolment enrolment_for(const OneTimeCodes& codes, const std::string& secret, const std::string& issuer, const User& user) {
    const std::string text = codes.base32(secret);
    return {text, otpauth_uri(issuer, user.email, text, two_factor_policy())};
}

User user_of(Transaction& tx, UserId id) {
    auto user = tx.users().find(id);
    if (!user) throw Failure(FailureCode::not_found, "There is no such account");
    return *user;
}

Failure wrong_code(const std::string& message) { return Failure(FailureCode::unauthenticated, message, {{"code", message}}); }

constexpr const char* kEnterCode = "Enter the 6-digit code from your authenticator app";
constexpr const char* kWrongCode =
    "The code is not right. Enter the code your authenticator app shows now. After 5 wrong attempts the account is locked for 15 minutes.";
constexpr const char* kUsedCode = "That code has been used already. Wait for your authenticator app to show a new code, then enter it.";

}  // namespace

namespace {
// The partnership's setting, for a role that can see case records (core/two_factor's rule).
bool two_factor_required(Transaction& tx, PartnershipId partnership, Role role) {
    return role_sees_case_records(role) && rules_of(tx, partnership).sign_in.two_factor_required;
}
}  // namespace

TwoFactorStatus two_factor_status(Services& s, const Actor& actor) {
    TwoFactorStatus status;
    s.store.read([&](Transaction& tx) {
        status.required = two_factor_required(tx, actor.partnership, actor.role);
        const auto secret = two_factor_of(tx).find(actor.user);
        if (!secret) return;
        status.enabled = secret->enabled;
        status.pending = !secret->enabled;
        status.enabled_at = secret->enabled_at;
        if (secret->enabled) status.recovery_codes_left = two_factor_of(tx).count_unused_recovery_codes(actor.user);
    });
    return status;
}

bool must_enrol_two_factor(Transaction& tx, const User& user) {
    if (!two_factor_required(tx, user.partnership, user.role)) return false;  // no need to read the secret
    const auto secret = two_factor_of(tx).find(user.id);
    return must_enrol_two_factor(true, user.role, secret && secret->enabled);
}

TwoFactorStatus two_factor_status_of(Services& s, const Actor& admin, UserId user) {
    require(admin, Permission::manage_users);
    std::optional<User> found;
    s.store.read([&](Transaction& tx) { found = tx.users().find(user); });
    if (!found || found->partnership != admin.partnership) throw Failure(FailureCode::not_found, "There is no such account");
    return two_factor_status(s, actor_for(*found));
}

Enrolment start_two_factor(Services& s, const OneTimeCodes& codes, const Actor& actor) {
    const Sealer& sealer = sealer_of(s);
    const std::string secret = codes.new_secret();
    const Instant now = s.clock.now();
    Enrolment out;
    s.store.write([&](Transaction& tx) {
        const User user = user_of(tx, actor.user);
        const TwoFactorSecret pending{actor.user, sealer.seal(secret), sealer.key_id(), false, 0, now, 0};
        if (!two_factor_of(tx).put_pending(pending)) {
            throw Failure(FailureCode::conflict, "Two-factor sign-in is already on for your account. Turn it off first to use another app.");
        }
        record_audit(tx, actor, now, "user.two_factor_start", "user", actor.user.str(), "", R"({"two_factor":"pending"})");
        out = enrolment_for(codes, secret, issuer_of(tx, actor.partnership), user);
    });
    return out;
}

std::optional<Enrolment> pending_two_factor(Services& s, const OneTimeCodes& codes, const Actor& actor) {
    std::optional<Enrolment> out;
    s.store.read([&](Transaction& tx) {
        const auto secret = two_factor_of(tx).find(actor.user);
        if (!secret || secret->enabled) return;
        out = enrolment_for(codes, sealer_of(s).open(secret->sealed_secret), issuer_of(tx, actor.partnership), user_of(tx, actor.user));
    });
    return out;
}

std::vector<std::string> confirm_two_factor(Services& s, const OneTimeCodes& codes, const Actor& actor, const std::string& typed) {
    const TwoFactorPolicy& policy = two_factor_policy();
    const auto code = normalise_code(typed, policy);
    if (!code) throw Failure::invalid({{"code", typed.empty() ? kEnterCode : "Enter the code as 6 digits, for example 123456"}});
    const Sealer& sealer = sealer_of(s);
    std::optional<TwoFactorSecret> pending;
    s.store.read([&](Transaction& tx) { pending = two_factor_of(tx).find(actor.user); });
    if (!pending || pending->enabled) {
        throw Failure(FailureCode::conflict, "There is no set-up waiting for a code. Start again from your account's two-factor page.");
    }
    const Instant now = s.clock.now();
    const auto step = codes.matching_step(sealer.open(pending->sealed_secret), *code, now, policy.window_steps);
    if (!step || judge_code_step(*step, now, 0, policy) != CodeVerdict::accepted) {
        throw Failure::invalid({{"code", "The code is not right. Check the app shows Assure, then enter the code it shows now"}});
    }

    // Recovery codes: shown once, stored only as hashes. Hashing is slow, so it is done before
    // the write lock is taken.
    std::vector<std::string> shown;
    std::vector<RecoveryCode> stored;
    for (int i = 0; i < policy.recovery_codes; ++i) {
        std::string random;
        while (random.size() < kRecoveryCodeLength) random += s.tokens.random_token();
        const std::string normalised = recovery_code_from(random);
        shown.push_back(format_recovery_code(normalised));
        stored.push_back({0, actor.user, recovery_code_lookup(normalised), s.hasher.hash(normalised), 0});
    }
    s.store.write([&](Transaction& tx) {
        const auto current = two_factor_of(tx).find(actor.user);
        // Started again (another secret) or turned on meanwhile: this code was for an old secret.
        if (!current || current->sealed_secret != pending->sealed_secret || !two_factor_of(tx).enable(actor.user, *step, now)) {
            throw Failure(FailureCode::conflict, "The set-up changed while you were entering the code. Start again.");
        }
        for (const auto& c : stored) two_factor_of(tx).add_recovery_code(c);
        record_audit(tx, actor, now, "user.two_factor_enrol", "user", actor.user.str(), R"({"two_factor":"pending"})",
                     nlohmann::json{{"two_factor", "on"}, {"recovery_codes", stored.size()}}.dump());
    });
    return shown;
}

void disable_two_factor(Services& s, const Actor& actor, const std::string& password) {
    if (password.empty()) throw Failure::invalid({{"password", "Enter your password"}});
    std::optional<User> user;
    s.store.read([&](Transaction& tx) { user = tx.users().find(actor.user); });
    if (!user || !s.hasher.verify(user->password_hash, password)) {
        throw Failure::invalid({{"password", "The password is not right"}});
    }
    const Instant now = s.clock.now();
    s.store.write([&](Transaction& tx) {
        if (two_factor_required(tx, actor.partnership, actor.role)) {
            throw Failure(FailureCode::conflict,
                          "Your partnership requires two-factor sign-in of everyone who can see case records, so it cannot be "
                          "turned off. If you have lost your phone, ask an administrator to reset it.");
        }
        if (!two_factor_of(tx).remove(actor.user)) throw Failure(FailureCode::conflict, "Two-factor sign-in is not on for your account");
        record_audit(tx, actor, now, "user.two_factor_disable", "user", actor.user.str(), R"({"two_factor":"on"})",
                     R"({"two_factor":"off"})");
    });
}

void reset_two_factor(Services& s, const Actor& admin, UserId id) {
    require(admin, Permission::manage_users);
    const Instant now = s.clock.now();
    s.store.write([&](Transaction& tx) {
        const auto user = tx.users().find(id);
        if (!user || user->partnership != admin.partnership) throw Failure(FailureCode::not_found, "There is no such account");
        if (!two_factor_of(tx).remove(id)) throw Failure(FailureCode::conflict, user->display_name + " has no two-factor sign-in to reset");
        two_factor_of(tx).remove_challenges(id, now);
        record_audit(tx, admin, now, "user.two_factor_reset", "user", id.str(), R"({"two_factor":"on"})", R"({"two_factor":"off"})");
    });
}

bool challenge_open(Services& s, const std::string& challenge_token) {
    if (challenge_token.empty()) return false;
    std::optional<SignInChallenge> found;
    s.store.read([&](Transaction& tx) { found = two_factor_of(tx).find_challenge(s.tokens.digest(challenge_token)); });
    return found && challenge_live(found->created_at, s.clock.now(), two_factor_policy());
}

SignedIn finish_sign_in(Services& s, const OneTimeCodes& codes, const std::string& challenge_token, const std::string& typed) {
    const TwoFactorPolicy& policy = two_factor_policy();
    const Instant now = s.clock.now();
    const std::string digest = challenge_token.empty() ? std::string() : s.tokens.digest(challenge_token);
    std::optional<SignInChallenge> challenge;
    std::optional<User> user;
    std::optional<TwoFactorSecret> secret;
    if (!digest.empty()) {
        s.store.read([&](Transaction& tx) {
            challenge = two_factor_of(tx).find_challenge(digest);
            if (!challenge) return;
            user = tx.users().find(challenge->user);
            secret = two_factor_of(tx).find(challenge->user);
        });
    }
    if (!challenge || !user || !secret || !secret->enabled || !challenge_live(challenge->created_at, now, policy)) {
        if (challenge) s.store.write([&](Transaction& tx) { two_factor_of(tx).remove_challenge(digest); });
        throw Failure(FailureCode::not_found, kSignInAgain);
    }

    const auto code = normalise_code(typed, policy);
    const auto recovery = code ? std::nullopt : normalise_recovery_code(typed);
    if (!code && !recovery) {
        throw Failure::invalid({{"code", typed.empty() ? kEnterCode : "Enter the 6-digit code from your authenticator app, or a recovery code"}});
    }

    // What was checked outside the transaction (hashes are slow), to be claimed inside it.
    std::optional<std::int64_t> step;
    CodeVerdict verdict = CodeVerdict::outside_window;
    std::optional<RecoveryCode> matched_recovery;
    if (code) {
        step = codes.matching_step(sealer_of(s).open(secret->sealed_secret), *code, now, policy.window_steps);
        if (step) verdict = judge_code_step(*step, now, secret->last_step, policy);
    } else {
        std::vector<RecoveryCode> candidates;
        s.store.read([&](Transaction& tx) { candidates = two_factor_of(tx).unused_recovery_codes(user->id, recovery_code_lookup(*recovery)); });
        for (const auto& c : candidates) {
            if (s.hasher.verify(c.code_hash, *recovery)) {
                matched_recovery = c;
                break;
            }
        }
    }

    std::optional<SignedIn> result;
    bool ended = false;  // locked, deactivated or too many wrong codes: back to the password
    s.store.write([&](Transaction& tx) {
        if (!may_still_sign_in(tx, *user, now)) {
            two_factor_of(tx).remove_challenge(digest);
            ended = true;
            return;
        }
        if (code && verdict == CodeVerdict::accepted && two_factor_of(tx).advance_step(user->id, *step)) {
            two_factor_of(tx).remove_challenge(digest);
            result = start_session(s, tx, *user, now, R"({"second_factor":"authenticator app"})");
            return;
        }
        if (matched_recovery && two_factor_of(tx).use_recovery_code(matched_recovery->id, now)) {
            two_factor_of(tx).remove_challenge(digest);
            const int left = two_factor_of(tx).count_unused_recovery_codes(user->id);
            record_audit(tx, actor_for(*user), now, "user.two_factor_recovery_code_used", "user", user->id.str(), "",
                         nlohmann::json{{"recovery_codes_left", left}}.dump());
            result = start_session(s, tx, *user, now, R"({"second_factor":"recovery code"})");
            return;
        }
        // A code matched but its step was used (here, or by a request that won the race).
        const bool replayed = code && step && (verdict == CodeVerdict::replayed || verdict == CodeVerdict::accepted);
        count_failure(s, tx, *user, now,
                      replayed ? R"({"second_factor":"code already used"})"
                               : (code ? R"({"second_factor":"wrong code"})" : R"({"second_factor":"wrong recovery code"})"));
        two_factor_of(tx).count_challenge_failure(digest);
        if (challenge->failures + 1 >= policy.challenge_attempts) {
            two_factor_of(tx).remove_challenge(digest);
            ended = true;
        }
        verdict = replayed ? CodeVerdict::replayed : CodeVerdict::outside_window;
    });
    if (result) return std::move(*result);
    if (ended) throw refused();
    if (verdict == CodeVerdict::replayed) throw wrong_code(kUsedCode);
    throw wrong_code(code ? kWrongCode : "The recovery code is not right, or has been used. Each recovery code works once.");
}

int reseal_two_factor_secrets(Transaction& tx, const Sealer& current, const Sealer& next) {
    auto* with = dynamic_cast<TwoFactorTransaction*>(&tx);
    if (with == nullptr) return 0;
    int count = 0;
    for (const auto& secret : with->two_factor().all_secrets()) {
        with->two_factor().reseal(secret.user, next.seal(current.open(secret.sealed_secret)), next.key_id());
        ++count;
    }
    return count;
}

}  // namespace assure
