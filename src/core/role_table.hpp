#pragma once
// The one table of what each role may do: for every permission, the area of the partnership's
// business it opens, the action, the limits decided per record, and the roles granted it.
// role_allows() reads it (access.hpp); `assure roles` prints it, and the README's table is that
// print, checked by a test; the route walk refuses every role what its row does not grant.
#include <span>
#include <string>
#include <string_view>

#include "core/access.hpp"

namespace assure {

struct PermissionRow {
    Permission permission;
    std::string_view key;     // "view_reviews", as routes, logs and tests name it
    std::string_view area;    // "Reviews"
    std::string_view action;  // "read serious incidents and reviews"
    std::string_view limit;   // what is decided per record, or "" when the grant is whole
    unsigned roles = 0;       // a bit per Role: role_bit()
};

constexpr unsigned role_bit(Role role) { return 1u << static_cast<unsigned>(role); }

std::span<const PermissionRow> permission_rows();
const PermissionRow& permission_row(Permission permission);

// The table as Markdown: an area and action per row, a column per role ("yes" or "no"), and
// the per-record limits, as the README shows it.
std::string role_table_markdown();

}  // namespace assure
