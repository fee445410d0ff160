#include "core/access.hpp"
#include "core/role_table.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace assure {
namespace {

struct RoleInfo {
    Role role;
    std::string_view key;
    std::string_view label;
};

constexpr std::array<RoleInfo, 8> kRoles{{
    {Role::administrator, "administrator", "Administrator"},
    {Role::business_unit, "business_unit", "Business unit"},
    {Role::partner_lead, "partner_lead", "Statutory partner lead"},
    {Role::member, "member", "Group member"},
    {Role::agency_lead, "agency_lead", "Agency safeguarding lead"},
    {Role::scrutineer, "scrutineer", "Independent scrutineer"},
    {Role::read_only, "read_only", "Read only"},
    {Role::commissioned_reviewer, "commissioned_reviewer", "Commissioned reviewer"},
}};

}  // namespace

const std::vector<Role>& all_roles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        for (const auto& info : kRoles) out.push_back(info.role);
        return out;
    }();
    return roles;
}

std::string_view role_key(Role role) {
    for (const auto& info : kRoles) {
        if (info.role == role) return info.key;
    }
    return "unknown";
}

std::string_view role_label(Role role) {
    for (const auto& info : kRoles) {
        if (info.role == role) return info.label;
    }
    return "Unknown";
}

std::optional<Role> parse_role(std::string_view key) {
    for (const auto& info : kRoles) {
        if (info.key == key) return info.role;
    }
    return std::nullopt;
}

bool role_is_assignable(Role role) { return role != Role::commissioned_reviewer; }

// Both read the one table of role × area × action (core/role_table.cpp).
std::string_view permission_key(Permission p) { return permission_row(p).key; }

bool role_allows(Role role, Permission permission) { return (permission_row(permission).roles & role_bit(role)) != 0; }

}  // namespace assure
