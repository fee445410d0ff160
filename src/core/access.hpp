#pragma once
// Roles and permissions. A route, a use case and a test all speak of Permission, never of
// a role directly, so that what a role may do is decided in one table (core/role_table.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assure {

// A commissioned reviewer is an outside author invited by email to one practice review: their
// account sees that review only and ends when it is published (docs/decisions/0041).
enum class Role { administrator, business_unit, partner_lead, member, agency_lead, scrutineer, read_only, commissioned_reviewer };

enum class Permission {
    public_access,        // no login needed (login page, health check, assets)
    signed_in,            // any signed-in user (home, sign out, own account)
    view_directory,       // agencies and people
    edit_directory,
    manage_users,         // user accounts and their roles
    view_audit,           // the trail of changes
    view_access_log,      // who was shown which case records (docs/decisions/0008)
    view_reviews,         // the case list, filtered to the cases the user may know of
    manage_reviews,       // notify incidents, record events, panels, conflicts, recommendations
    view_governance,      // groups, meetings, attendance, the action log, the forward plan
    manage_governance,    // set up groups, schedule meetings, record attendance, minutes and actions
    view_learning,        // learning sources, the action plan, audits (an agency lead: their own agency's)
    manage_learning,      // record learning, raise and sign off actions, run and moderate audits
    edit_partnership,     // the partnership's own settings: its profile and the rules it works to
    manage_partnerships,  // add another partnership to this server
    view_finance,         // the money register: budget, contributions, spending (not need-to-know)
    view_registers,       // LADO allegations and child deaths: need-to-know, every read logged
    manage_registers,     // record entries in the registers
    view_dataset,         // the scorecard: partnership-wide aggregate figures, never a child
    manage_dataset,       // import the dataset's extracts and returns
    view_outbox,          // the messages Assure sends, waiting, failing and sent (docs/decisions/0015)
    view_training,        // courses, sessions and the year's training figures
    book_training,        // book a place on a session (and cancel one's own)
    manage_training,      // set up courses and sessions, take registers, cancel any booking
    override_interest,    // let a business-unit member with a declared interest keep sight of a case
    view_risks,           // the risk register and its heat map (the business unit, partner leads, the scrutineer)
    view_report,          // the yearly report: aggregate figures the partners publish, and its written sections
    manage_report,        // write the yearly report's sections and record where it was sent
    sign_off_report,      // sign the yearly report off for one's own statutory partner
    view_voice,           // the voice and scrutiny registers: what children said, the scrutineer's work, the answers
    approve_roles,        // approve or refuse an administrator's grant of a role that sees children's identities
};

const std::vector<Role>& all_roles();
std::string_view role_key(Role role);          // "business_unit"
std::string_view role_label(Role role);        // "Business unit"
std::optional<Role> parse_role(std::string_view key);
// Whether an administrator may give an account this role: every role but the commissioned
// reviewer's, which only commissioning a review makes.
bool role_is_assignable(Role role);
std::string_view permission_key(Permission p);

bool role_allows(Role role, Permission permission);

}  // namespace assure
