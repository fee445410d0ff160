#include "core/role_table.hpp"

#include <array>
#include <stdexcept>

namespace assure {
namespace {

constexpr unsigned kAdministrator = role_bit(Role::administrator);
constexpr unsigned kBusinessUnit = role_bit(Role::business_unit);
constexpr unsigned kPartnerLead = role_bit(Role::partner_lead);
constexpr unsigned kMember = role_bit(Role::member);
constexpr unsigned kAgencyLead = role_bit(Role::agency_lead);
constexpr unsigned kScrutineer = role_bit(Role::scrutineer);
constexpr unsigned kReadOnly = role_bit(Role::read_only);
// An outside author's account: their review and their own account, nothing else.
constexpr unsigned kCommissionedReviewer = role_bit(Role::commissioned_reviewer);
constexpr unsigned kEveryone = kAdministrator | kBusinessUnit | kPartnerLead | kMember | kAgencyLead | kScrutineer | kReadOnly;
// Those who hold the partnership to account: the business unit that runs it, the partners'
// leads it answers to, and the scrutineer who checks that they act.
constexpr unsigned kAccountable = kBusinessUnit | kPartnerLead | kScrutineer;

using P = Permission;

// In the order of the Permission enum; the test of this table checks every permission has its row.
constexpr std::array kRows = std::to_array<PermissionRow>({
    {P::public_access, "public", "Public", "the sign-in page, the health check, the public site and its calendar", "",
     kEveryone | kCommissionedReviewer},
    {P::signed_in, "signed_in", "Account", "the home page, their own account, password, second factor, tokens and email preferences", "",
     kEveryone | kCommissionedReviewer},
    // A commissioned reviewer too: they meet the agencies' leads and practitioners.
    {P::view_directory, "view_directory", "Directory", "read agencies and people", "", kEveryone | kCommissionedReviewer},
    {P::edit_directory, "edit_directory", "Directory", "add and change agencies and people", "", kAdministrator | kBusinessUnit},
    {P::manage_users, "manage_users", "Users", "add accounts, set roles, reset passwords and second factors, revoke tokens", "",
     kAdministrator},
    {P::view_audit, "view_audit", "Audit", "read the trail of changes", "", kAdministrator | kBusinessUnit | kScrutineer},
    // Those who oversee the partnership's people, not the business unit whose reads of case
    // records the log is there to account for.
    {P::view_access_log, "view_access_log", "Audit", "read the access log of who was shown which case records",
     "case numbers only", kAdministrator | kScrutineer},
    // The administrator looks after the service, not its cases.
    {P::view_reviews, "view_reviews", "Reviews", "read serious incidents, rapid reviews and practice reviews",
     "need-to-know: the business unit and partner leads every case but those they declared an interest in, "
     "anyone else the cases whose panel they sit on or which they review; every read logged. A panel member adds their own "
     "agency's rows to the case's chronology and reads it anonymised",
     (kEveryone & ~kAdministrator) | kCommissionedReviewer},
    {P::manage_reviews, "manage_reviews", "Reviews", "notify incidents, record events, panels, interests and recommendations", "",
     kBusinessUnit},
    // A statutory partner's lead, when the business unit has no one else: the unit cannot clear
    // its own member, nor anyone who cannot see the case.
    {P::override_interest, "override_interest", "Reviews",
     "let a member of the business unit who declared an interest keep sight of a case", "named, with a reason, audited",
     kPartnerLead},
    // The partnership's machinery is open to everyone who works in it.
    {P::view_governance, "view_governance", "Governance", "read groups, meetings, attendance, decisions and the forward plan", "",
     kEveryone},
    {P::manage_governance, "manage_governance", "Governance", "set up groups, schedule meetings, record attendance, minutes and actions",
     "", kBusinessUnit},
    // Learning names agencies' practice and children's reviews: for those who work in the
    // partnership's business, not the service's administrator or a read-only account.
    {P::view_learning, "view_learning", "Learning",
     "read learning, the action plan and audits; update the actions they lead; fill in Section 11 and 175 returns",
     "a return is filled in by its agency's lead or the business unit; an agency lead sees only their own agency's "
     "returns and actions; an action is updated by its lead, its agency's lead or the business unit",
     kBusinessUnit | kPartnerLead | kMember | kAgencyLead | kScrutineer},
    {P::manage_learning, "manage_learning", "Learning", "record learning, raise and sign off actions, run and moderate audits", "",
     kBusinessUnit},
    // The business unit runs the partnership's business to the rules its partners set; the
    // administrator looks after the service.
    {P::edit_partnership, "edit_partnership", "Settings", "change the partnership's profile and the rules it works to", "",
     kAdministrator | kBusinessUnit},
    // A server shared by neighbouring partnerships is looked after by their administrators.
    {P::manage_partnerships, "manage_partnerships", "Partnerships", "add another partnership to the server", "", kAdministrator},
    {P::view_finance, "view_finance", "Money", "read the budget, contributions and spending", "", kAccountable},
    // Allegations against named workers' roles and children's deaths: need-to-know.
    {P::view_registers, "view_registers", "Registers", "read allegations against staff (LADO) and child deaths", "every read logged",
     kBusinessUnit | kPartnerLead},
    {P::manage_registers, "manage_registers", "Registers", "record entries in every register", "", kBusinessUnit},
    {P::view_risks, "view_risks", "Registers", "read the risk register, its heat map and escalations", "", kAccountable},
    // What children told the partnership, what the scrutineer found, and how the partners answered.
    {P::view_voice, "view_voice", "Registers", "read the voice of children and independent scrutiny", "", kAccountable},
    // Aggregate figures: no page or export of the dataset shows a child.
    {P::view_dataset, "view_dataset", "Dataset", "read the scorecard, its indicators and exceptions", "", kEveryone},
    {P::manage_dataset, "manage_dataset", "Dataset", "import extracts and returns, set targets", "", kBusinessUnit},
    // The calendar is published; anyone who works in the partnership may book.
    {P::view_training, "view_training", "Training", "read courses, sessions, online modules, training needs analyses and the year's figures",
     "an agency's safeguarding lead or partner lead fills in their agency's training needs return and reads its figures", kEveryone},
    {P::book_training, "book_training", "Training", "book a place on a session and cancel their own", "", kEveryone},
    // The training officer sits in the business unit.
    {P::manage_training, "manage_training", "Training",
     "set up courses, sessions and online modules, import the e-learning provider's report, take registers, cancel any booking, "
     "open training needs analyses and enter any agency's return", "", kBusinessUnit},
    // Whom Assure wrote to and about which case: the business unit, whose reminders they are.
    {P::view_outbox, "view_outbox", "Mail", "read the outbox of messages waiting, failing and sent", "", kBusinessUnit},
    // The report is written to be published: every figure in it is a count, never a record.
    {P::view_report, "view_report", "Yearly report", "read the yearly report",
     "an agency's safeguarding lead or partner lead writes and submits their agency's statement for it", kEveryone},
    {P::manage_report, "manage_report", "Yearly report", "write its sections, accept or return agencies' statements and record where it was sent", "", kBusinessUnit},
    {P::sign_off_report, "sign_off_report", "Yearly report", "sign it off", "for their own statutory partner", kPartnerLead},
    // A second person for what one administrator must not do alone (docs/decisions/0029).
    {P::approve_roles, "approve_roles", "Users",
     "approve or refuse a role that sees children's identities (business unit, partner lead)",
     "not a role they asked for, nor their own", kPartnerLead},
});

}  // namespace

std::span<const PermissionRow> permission_rows() { return kRows; }

const PermissionRow& permission_row(Permission permission) {
    for (const auto& row : kRows) {
        if (row.permission == permission) return row;
    }
    throw std::logic_error("a permission has no row in the role table");
}

std::string role_table_markdown() {
    std::string out = "| area | action |";
    std::string rule = "| --- | --- |";
    for (const Role role : all_roles()) {
        out += " `" + std::string(role_key(role)) + "` |";
        rule += " --- |";
    }
    out += " limits |\n" + rule + " --- |\n";
    for (const auto& row : kRows) {
        if (row.permission == Permission::public_access) continue;  // no role: anyone, signed in or not
        out += "| " + std::string(row.area) + " | " + std::string(row.action) + " |";
        for (const Role role : all_roles()) out += (row.roles & role_bit(role)) ? " yes |" : " no |";
        out += row.limit.empty() ? std::string(" |\n") : " " + std::string(row.limit) + " |\n";
    }
    return out;
}

}  // namespace assure
