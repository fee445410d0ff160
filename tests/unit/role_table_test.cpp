// The one table of role × area × action (core/role_table.cpp): complete, and as the README says.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/role_table.hpp"

using namespace assure;

namespace {
// Every value of the enum, first to last: the table must not leave one out.
std::vector<Permission> every_permission() {
    std::vector<Permission> out;
    for (int i = 0; i <= static_cast<int>(Permission::approve_roles); ++i) out.push_back(static_cast<Permission>(i));
    return out;
}
}  // namespace

TEST(RoleTable, EveryPermissionHasOneRowWithItsOwnKeyAreaAndAction) {
    std::set<std::string_view> keys;
    for (const Permission p : every_permission()) {
        int rows = 0;
        for (const auto& row : permission_rows()) rows += row.permission == p ? 1 : 0;
        EXPECT_EQ(rows, 1) << static_cast<int>(p);
        const auto& row = permission_row(p);
        EXPECT_TRUE(keys.insert(row.key).second) << row.key;
        EXPECT_FALSE(row.area.empty()) << row.key;
        EXPECT_FALSE(row.action.empty()) << row.key;
        EXPECT_EQ(permission_key(p), row.key);
    }
    EXPECT_EQ(permission_rows().size(), every_permission().size());
}

TEST(RoleTable, RoleAllowsReadsTheTable) {
    for (const auto& row : permission_rows()) {
        for (const Role role : all_roles()) {
            EXPECT_EQ(role_allows(role, row.permission), (row.roles & role_bit(role)) != 0) << row.key << " " << role_key(role);
        }
    }
}

// Issue 14, item 14: the administrator and a read-only account read neither learning, the action
// plan nor any agency's Section 11 return; nor does the administrator see case records.
TEST(RoleTable, TheAdministratorAndReadOnlyDoNotReadLearning) {
    EXPECT_FALSE(role_allows(Role::administrator, Permission::view_learning));
    EXPECT_FALSE(role_allows(Role::read_only, Permission::view_learning));
    EXPECT_FALSE(role_allows(Role::administrator, Permission::view_reviews));
    EXPECT_FALSE(role_allows(Role::read_only, Permission::view_registers));
    for (const Role role : {Role::business_unit, Role::partner_lead, Role::member, Role::agency_lead, Role::scrutineer}) {
        EXPECT_TRUE(role_allows(role, Permission::view_learning)) << role_key(role);
    }
}

TEST(RoleTable, TheMarkdownHasARowPerPermissionAndAColumnPerRole) {
    const std::string md = role_table_markdown();
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < md.size();) {
        const std::size_t end = md.find('\n', at);
        lines.push_back(md.substr(at, end - at));
        at = end + 1;
    }
    // The heading, its rule, and every permission but public access (which no role needs).
    ASSERT_EQ(lines.size(), 2 + permission_rows().size() - 1);
    EXPECT_EQ(lines[0].rfind("| area | action | `administrator` | `business_unit` |", 0), 0u) << lines[0];
    for (const auto& line : lines) {
        // area, action, eight roles and the limits: twelve bars.
        EXPECT_EQ(std::count(line.begin(), line.end(), '|'), 12) << line;
    }
    const std::string learning = "| Learning | " + std::string(permission_row(Permission::view_learning).action) +
                                 " | no | yes | yes | yes | yes | yes | no | no |";
    EXPECT_NE(md.find(learning), std::string::npos) << md;
}
