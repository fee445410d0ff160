// Role approvals: one row per request. Deciding is a conditional update (only while waiting), so
// two partner leads deciding at once cannot both succeed; the partial unique index keeps one
// request waiting per account.
#include "store/sql/role_grants.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTable = "role_grants";
constexpr const char* kColumns =
    "SELECT id, partnership_id, user_id, role, role_before, asked_by, asked_by_label, asked_at, status, decided_by, "
    "decided_by_label, decided_at, reason FROM role_grants ";

UserId optional_user(const Statement& q, int column) { return q.is_null(column) ? UserId{} : UserId{q.int64(column)}; }

RoleGrant read_grant(const Statement& q) {
    RoleGrant g;
    g.id = RoleGrantId{q.int64(0)};
    g.partnership = PartnershipId{q.int64(1)};
    g.user = UserId{q.int64(2)};
    g.role = strict_enum(kTable, "role", q.text(3), parse_role);
    g.role_before = strict_enum(kTable, "role_before", q.text(4), parse_role);
    g.asked_by = optional_user(q, 5);
    g.asked_by_label = q.text(6);
    g.asked_at = q.int64(7);
    g.status = strict_enum(kTable, "status", q.text(8), parse_grant_status);
    g.decided_by = optional_user(q, 9);
    g.decided_by_label = q.text(10);
    g.decided_at = q.int64(11);
    g.reason = q.text(12);
    return g;
}

Statement& bind_user(Statement& q, int index, UserId user) {
    return user.valid() ? q.bind(index, user.value) : q.bind_null(index);
}

std::optional<RoleGrant> first_of(Statement& q) {
    if (!q.step()) return std::nullopt;
    auto out = read_grant(q);
    q.reset();
    return out;
}

std::vector<RoleGrant> all_of(Statement& q) {
    std::vector<RoleGrant> out;
    while (q.step()) out.push_back(read_grant(q));
    return out;
}

}  // namespace

RoleGrantId SqlRoleGrants::insert(const RoleGrant& g) {
    auto& q = db_.cached(
        "INSERT INTO role_grants(partnership_id, user_id, role, role_before, asked_by, asked_by_label, asked_at, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting')");
    q.bind(1, g.partnership.value).bind(2, g.user.value).bind(3, role_key(g.role)).bind(4, role_key(g.role_before));
    bind_user(q, 5, g.asked_by).bind(6, g.asked_by_label).bind(7, g.asked_at).run();
    return RoleGrantId{db_.last_insert_id()};
}

std::optional<RoleGrant> SqlRoleGrants::find(PartnershipId partnership, RoleGrantId id) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    return first_of(q);
}

std::optional<RoleGrant> SqlRoleGrants::waiting_for(UserId user) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE user_id = ? AND status = 'waiting'");
    q.bind(1, user.value);
    return first_of(q);
}

std::vector<RoleGrant> SqlRoleGrants::waiting(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND status = 'waiting' ORDER BY asked_at, id");
    q.bind(1, partnership.value);
    return all_of(q);
}

std::vector<RoleGrant> SqlRoleGrants::decided(PartnershipId partnership, int limit) {
    auto& q = db_.cached(std::string(kColumns) +
                         "WHERE partnership_id = ? AND status <> 'waiting' ORDER BY decided_at DESC, id DESC LIMIT ?");
    q.bind(1, partnership.value).bind(2, static_cast<std::int64_t>(limit));
    return all_of(q);
}

bool SqlRoleGrants::decide(const RoleGrant& g) {
    auto& q = db_.cached(
        "UPDATE role_grants SET status = ?, decided_by = ?, decided_by_label = ?, decided_at = ?, reason = ? "
        "WHERE id = ? AND partnership_id = ? AND status = 'waiting'");
    q.bind(1, grant_status_key(g.status));
    bind_user(q, 2, g.decided_by).bind(3, g.decided_by_label).bind(4, g.decided_at).bind(5, g.reason);
    q.bind(6, g.id.value).bind(7, g.partnership.value).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
