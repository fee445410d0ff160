#include "core/access.hpp"

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

constexpr std::array<RoleInfo, 7> kRoles{{
    {Role::administrator, "administrator", "Administrator"},
    {Role::business_unit, "business_unit", "Business unit"},
    {Role::partner_lead, "partner_lead", "Statutory partner lead"},
    {Role::member, "member", "Group member"},
    {Role::agency_lead, "agency_lead", "Agency safeguarding lead"},
    {Role::scrutineer, "scrutineer", "Independent scrutineer"},
    {Role::read_only, "read_only", "Read only"},
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

std::string_view permission_key(Permission p) {
    switch (p) {
        case Permission::public_access: return "public";
        case Permission::signed_in: return "signed_in";
        case Permission::view_directory: return "view_directory";
        case Permission::edit_directory: return "edit_directory";
        case Permission::manage_users: return "manage_users";
        case Permission::view_audit: return "view_audit";
        case Permission::view_access_log: return "view_access_log";
        case Permission::view_reviews: return "view_reviews";
        case Permission::manage_reviews: return "manage_reviews";
        case Permission::view_governance: return "view_governance";
        case Permission::manage_governance: return "manage_governance";
        case Permission::view_learning: return "view_learning";
        case Permission::manage_learning: return "manage_learning";
        case Permission::edit_partnership: return "edit_partnership";
        case Permission::manage_partnerships: return "manage_partnerships";
        case Permission::view_finance: return "view_finance";
        case Permission::view_registers: return "view_registers";
        case Permission::manage_registers: return "manage_registers";
        case Permission::view_dataset: return "view_dataset";
        case Permission::manage_dataset: return "manage_dataset";
        case Permission::view_outbox: return "view_outbox";
        case Permission::view_training: return "view_training";
        case Permission::book_training: return "book_training";
        case Permission::manage_training: return "manage_training";
        case Permission::override_interest: return "override_interest";
        case Permission::view_risks: return "view_risks";
        case Permission::view_report: return "view_report";
        case Permission::manage_report: return "manage_report";
        case Permission::sign_off_report: return "sign_off_report";
        case Permission::view_voice: return "view_voice";
    }
    return "unknown";
}

bool role_allows(Role role, Permission permission) {
    switch (permission) {
        case Permission::public_access:
        case Permission::signed_in:
        case Permission::view_directory:
            return true;  // every role reads the partnership directory
        case Permission::edit_directory:
            return role == Role::administrator || role == Role::business_unit;
        case Permission::manage_users:
            return role == Role::administrator;
        case Permission::view_audit:
            return role == Role::administrator || role == Role::business_unit || role == Role::scrutineer;
        case Permission::view_access_log:
            // Those who oversee the partnership's people, not the business unit whose reads of
            // case records the log is there to account for.
            return role == Role::administrator || role == Role::scrutineer;
        case Permission::view_reviews:
            // Reaches the list of cases; which cases it shows is need-to-know (may_see_case).
            return role != Role::administrator;
        case Permission::manage_reviews:
            return role == Role::business_unit;
        case Permission::view_governance:
            return true;  // the partnership's machinery is open to everyone who works in it
        case Permission::manage_governance:
            return role == Role::business_unit;
        case Permission::view_learning:
            return true;  // which returns and actions an agency lead sees is decided per record
        case Permission::manage_learning:
            return role == Role::business_unit;
        case Permission::edit_partnership:
            // The business unit runs the partnership's business to the rules its partners set;
            // the administrator looks after the service.
            return role == Role::administrator || role == Role::business_unit;
        case Permission::manage_partnerships:
            // A server shared by neighbouring partnerships is looked after by their administrators.
            return role == Role::administrator;
        case Permission::view_finance:
            // What the partners pay in and what it buys is open to those who hold the partnership to account.
            return role == Role::business_unit || role == Role::partner_lead || role == Role::scrutineer;
        case Permission::view_registers:
            // Allegations against named workers' roles and children's deaths: the business unit
            // and the partners' leads only (need-to-know); every read is logged.
            return role == Role::business_unit || role == Role::partner_lead;
        case Permission::manage_registers:
            return role == Role::business_unit;
        case Permission::view_dataset:
            return true;  // aggregate figures: no page or export of the dataset shows a child
        case Permission::manage_dataset:
            return role == Role::business_unit;  // the business unit runs the dataset (DESIGN "Who uses it")
        case Permission::view_outbox:
            // Whom Assure wrote to and about which case: the business unit, whose reminders they are.
            return role == Role::business_unit;
        case Permission::view_training:
        case Permission::book_training:
            return true;  // the calendar is published; anyone who works in the partnership may book
        case Permission::manage_training:
            return role == Role::business_unit;  // the training officer sits in the business unit
        case Permission::override_interest:
            // A statutory partner's lead, when the business unit has no one else: the unit cannot
            // clear its own member, nor anyone who cannot see the case.
            return role == Role::partner_lead;
        case Permission::view_risks:
            // What could stop the partnership keeping children safe is for those who hold it to
            // account: the partners escalate to, and the scrutineer who checks they act on it.
            return role == Role::business_unit || role == Role::partner_lead || role == Role::scrutineer;
        case Permission::view_report:
            // The report is written to be published: every figure in it is a count, never a record.
            return true;
        case Permission::manage_report:
            return role == Role::business_unit;  // the business unit drafts the report for the partners
        case Permission::sign_off_report:
            // A statutory partner's lead, for their own organisation (the use case checks which).
            return role == Role::partner_lead;
        case Permission::view_voice:
            // What children told the partnership, what the scrutineer found, and how the partners
            // answered: for those who hold the partnership to account. No record names a child.
            return role == Role::business_unit || role == Role::partner_lead || role == Role::scrutineer;
    }
    return false;
}

}  // namespace assure
