// Two-factor sign-in: sealed secrets, hashed recovery codes and the half-signed-in state. The
// checks that must not race (a time step or a recovery code used once) are conditional updates,
// so two requests with the same code cannot both succeed, on this server or another.
#include "store/sql/two_factor.hpp"

namespace assure::sql {
namespace {

constexpr const char* kSecretColumns =
    "SELECT user_id, sealed_secret, key_id, enabled, last_step, created_at, enabled_at FROM user_two_factor ";

TwoFactorSecret read_secret(const Statement& q) {
    TwoFactorSecret s;
    s.user = UserId{q.int64(0)};
    s.sealed_secret = q.text(1);
    s.key_id = q.text(2);
    s.enabled = q.int64(3) != 0;
    s.last_step = q.int64(4);
    s.created_at = q.int64(5);
    s.enabled_at = q.int64(6);
    return s;
}

}  // namespace

std::optional<TwoFactorSecret> SqlTwoFactor::find(UserId user) {
    auto& q = db_.cached(std::string(kSecretColumns) + "WHERE user_id = ?");
    q.bind(1, user.value);
    if (!q.step()) return std::nullopt;
    return read_secret(q);
}

bool SqlTwoFactor::put_pending(const TwoFactorSecret& s) {
    if (const auto existing = find(s.user); existing && existing->enabled) return false;
    auto& drop = db_.cached("DELETE FROM user_two_factor WHERE user_id = ? AND enabled = 0");
    drop.bind(1, s.user.value).run();
    auto& q = db_.cached(
        "INSERT INTO user_two_factor(user_id, sealed_secret, key_id, enabled, last_step, created_at, enabled_at) "
        "VALUES (?, ?, ?, 0, 0, ?, 0)");
    q.bind(1, s.user.value).bind(2, s.sealed_secret).bind(3, s.key_id).bind(4, s.created_at).run();
    return true;
}

bool SqlTwoFactor::enable(UserId user, std::int64_t step, Instant at) {
    auto& q = db_.cached("UPDATE user_two_factor SET enabled = 1, last_step = ?, enabled_at = ? WHERE user_id = ? AND enabled = 0");
    q.bind(1, step).bind(2, at).bind(3, user.value).run();
    return db_.changes() == 1;
}

bool SqlTwoFactor::advance_step(UserId user, std::int64_t step) {
    auto& q = db_.cached("UPDATE user_two_factor SET last_step = ? WHERE user_id = ? AND enabled = 1 AND last_step < ?");
    q.bind(1, step).bind(2, user.value).bind(3, step).run();
    return db_.changes() == 1;
}

bool SqlTwoFactor::remove(UserId user) {
    auto& codes = db_.cached("DELETE FROM user_recovery_codes WHERE user_id = ?");
    codes.bind(1, user.value).run();
    auto& q = db_.cached("DELETE FROM user_two_factor WHERE user_id = ?");
    q.bind(1, user.value).run();
    return db_.changes() == 1;
}

void SqlTwoFactor::add_recovery_code(const RecoveryCode& c) {
    auto& q = db_.cached("INSERT INTO user_recovery_codes(user_id, lookup, code_hash, used_at) VALUES (?, ?, ?, 0)");
    q.bind(1, c.user.value).bind(2, c.lookup).bind(3, c.code_hash).run();
}

std::vector<RecoveryCode> SqlTwoFactor::unused_recovery_codes(UserId user, const std::string& lookup) {
    auto& q = db_.cached(
        "SELECT id, user_id, lookup, code_hash, used_at FROM user_recovery_codes "
        "WHERE user_id = ? AND lookup = ? AND used_at = 0 ORDER BY id");
    q.bind(1, user.value).bind(2, lookup);
    std::vector<RecoveryCode> out;
    while (q.step()) out.push_back({q.int64(0), UserId{q.int64(1)}, q.text(2), q.text(3), q.int64(4)});
    return out;
}

int SqlTwoFactor::count_unused_recovery_codes(UserId user) {
    auto& q = db_.cached("SELECT COUNT(*) FROM user_recovery_codes WHERE user_id = ? AND used_at = 0");
    q.bind(1, user.value);
    q.step();
    return static_cast<int>(q.int64(0));
}

bool SqlTwoFactor::use_recovery_code(std::int64_t id, Instant at) {
    auto& q = db_.cached("UPDATE user_recovery_codes SET used_at = ? WHERE id = ? AND used_at = 0");
    q.bind(1, at).bind(2, id).run();
    return db_.changes() == 1;
}

void SqlTwoFactor::insert_challenge(const SignInChallenge& c) {
    auto& q = db_.cached("INSERT INTO sign_in_challenges(token_hash, user_id, created_at, failures) VALUES (?, ?, ?, 0)");
    q.bind(1, c.token_hash).bind(2, c.user.value).bind(3, c.created_at).run();
}

std::optional<SignInChallenge> SqlTwoFactor::find_challenge(const std::string& token_hash) {
    auto& q = db_.cached("SELECT token_hash, user_id, created_at, failures FROM sign_in_challenges WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return SignInChallenge{q.text(0), UserId{q.int64(1)}, q.int64(2), static_cast<int>(q.int64(3))};
}

void SqlTwoFactor::count_challenge_failure(const std::string& token_hash) {
    auto& q = db_.cached("UPDATE sign_in_challenges SET failures = failures + 1 WHERE token_hash = ?");
    q.bind(1, token_hash).run();
}

void SqlTwoFactor::remove_challenge(const std::string& token_hash) {
    auto& q = db_.cached("DELETE FROM sign_in_challenges WHERE token_hash = ?");
    q.bind(1, token_hash).run();
}

void SqlTwoFactor::remove_challenges(UserId user, Instant before) {
    auto& q = db_.cached("DELETE FROM sign_in_challenges WHERE user_id = ? OR created_at < ?");
    q.bind(1, user.value).bind(2, before).run();
}

std::vector<TwoFactorSecret> SqlTwoFactor::all_secrets() {
    auto& q = db_.cached(std::string(kSecretColumns) + "ORDER BY user_id");
    std::vector<TwoFactorSecret> out;
    while (q.step()) out.push_back(read_secret(q));
    return out;
}

void SqlTwoFactor::reseal(UserId user, const std::string& sealed_secret, const std::string& key_id) {
    auto& q = db_.cached("UPDATE user_two_factor SET sealed_secret = ?, key_id = ? WHERE user_id = ?");
    q.bind(1, sealed_secret).bind(2, key_id).bind(3, user.value).run();
}

}  // namespace assure::sql
