#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kUserFields =
    "u.id, u.partnership_id, u.person_id, u.email, p.name, u.password_hash, u.role, u.active, "
    "u.failed_logins, u.locked_until, u.version, u.must_change_password";
constexpr const char* kUserFrom = " FROM users u JOIN people p ON p.id = u.person_id ";
const std::string kUserColumns = std::string("SELECT ") + kUserFields + kUserFrom;

User read_user(const Statement& q) {
    User u;
    u.id = UserId{q.int64(0)};
    u.partnership = PartnershipId{q.int64(1)};
    u.person = PersonId{q.int64(2)};
    u.email = q.text(3);
    u.display_name = q.text(4);
    u.password_hash = q.text(5);
    u.role = strict_enum(parse_role, q.text(6), "users", "role");
    u.active = q.int64(7) != 0;
    u.lock = LoginLock{q.integer(8), q.int64(9)};
    u.version = q.integer(10);
    u.must_change_password = q.int64(11) != 0;
    return u;
}

}  // namespace

std::optional<User> SqlUsers::find(UserId id) {
    auto& q = db_.cached(std::string(kUserColumns) + "WHERE u.id = ?");
    q.bind(1, id.value);
    if (!q.step()) return std::nullopt;
    return read_user(q);
}

std::optional<User> SqlUsers::find_by_email(const std::string& email) {
    auto& q = db_.cached(std::string(kUserColumns) + "WHERE u.email = ?");
    q.bind(1, email);
    if (!q.step()) return std::nullopt;
    return read_user(q);
}

std::vector<User> SqlUsers::list(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kUserColumns) + "WHERE u.partnership_id = ? ORDER BY lower(p.name), u.id");
    q.bind(1, partnership.value);
    std::vector<User> out;
    while (q.step()) out.push_back(read_user(q));
    return out;
}

Page<User> SqlUsers::query(const UserQuery& query) {
    // A partnership's accounts are found by users_by_partnership, then ordered by their people's
    // names; the cursor is (lower(name), id) as in the directory.
    auto& q = db_.cached(std::string("SELECT ") + kUserFields + ", lower(p.name)" + kUserFrom +
                         "WHERE u.partnership_id = ?1 AND (lower(p.name), u.id) > (?2, ?3) "
                         "ORDER BY lower(p.name), u.id LIMIT ?4");
    const NameKey after = name_key(query.page);
    q.bind(1, query.partnership.value).bind(2, after.name).bind(3, after.id).bind(4, query.page.limit + 1);
    return name_page<User>(q, query.page.limit, 12, read_user);
}

UserId SqlUsers::insert(const User& u) {
    auto& q = db_.cached(
        "INSERT INTO users(partnership_id, person_id, email, password_hash, role, active, must_change_password) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, u.partnership.value)
        .bind(2, u.person.value)
        .bind(3, u.email)
        .bind(4, u.password_hash)
        .bind(5, role_key(u.role))
        .bind(6, u.active)
        .bind(7, u.must_change_password)
        .run();
    return UserId{db_.last_insert_id()};
}

bool SqlUsers::update(const User& u) {
    auto& q = db_.cached(
        "UPDATE users SET person_id = ?, password_hash = ?, role = ?, active = ?, must_change_password = ?, "
        "version = version + 1 WHERE id = ? AND version = ?");
    q.bind(1, u.person.value)
        .bind(2, u.password_hash)
        .bind(3, role_key(u.role))
        .bind(4, u.active)
        .bind(5, u.must_change_password)
        .bind(6, u.id.value)
        .bind(7, u.version)
        .run();
    return db_.changes() == 1;
}

void SqlUsers::set_lock(UserId id, const LoginLock& lock) {
    auto& q = db_.cached("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?");
    q.bind(1, lock.failed_logins).bind(2, lock.locked_until).bind(3, id.value).run();
}

void SqlSessions::insert(const Session& s) {
    auto& q = db_.cached(
        "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, s.token_hash).bind(2, s.user.value).bind(3, s.csrf_token).bind(4, s.created_at).bind(5, s.last_seen_at);
    q.run();
}

std::optional<Session> SqlSessions::find(const std::string& token_hash) {
    auto& q = db_.cached(
        "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return Session{q.text(0), UserId{q.int64(1)}, q.text(2), q.int64(3), q.int64(4)};
}

void SqlSessions::touch(const std::string& token_hash, Instant at) {
    auto& q = db_.cached("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
    q.bind(1, at).bind(2, token_hash).run();
}

void SqlSessions::remove(const std::string& token_hash) {
    auto& q = db_.cached("DELETE FROM sessions WHERE token_hash = ?");
    q.bind(1, token_hash).run();
}

void SqlSessions::remove_for_user(UserId user) {
    auto& q = db_.cached("DELETE FROM sessions WHERE user_id = ?");
    q.bind(1, user.value).run();
}

}  // namespace assure::sql
