#pragma once
// A case's panel drawn from the review group, and the reviewer commissioned from outside with an
// account of their own (issue 20 item 4; docs/decisions/0041). The partnership names the group
// whose members review its cases (seed 000: the Safeguarding Review and Learning Group); a
// case's panel is chosen from its current members, each shown with the interests they declared.
// A commissioned reviewer is invited by email to an account that sees their review only; the
// account ends when the review is published, or when another reviewer is commissioned.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/governance.hpp"
#include "core/mail.hpp"
#include "core/reviews.hpp"
#include "core/user.hpp"

namespace assure {

// ---- the panel --------------------------------------------------------------------------

// A member of the review group as the panel's choice shows them.
struct PanelCandidate {
    PersonId person;
    UserId user;                        // not valid(): the member has no account in Assure
    std::string name;
    MemberRole role_in_group = MemberRole::member;
    std::vector<Interest> interests;    // declared in the partnership's register of interests
    std::optional<Conflict> case_interest;  // declared in this case
    bool on_panel = false;
};

// The group's members on `today`, in the group's order (the chair first, then by name), each with
// their account (an active one of the partnership: not an administrator's or a reviewer's), the
// interests they declared and whether they sit on the case's panel already.
std::vector<PanelCandidate> panel_candidates_of(const std::vector<Membership>& memberships, const std::map<PersonId, std::string>& names,
                                                const std::vector<User>& users, const std::vector<Interest>& interests,
                                                const Case& c, Date today);

// Why a member may not be added to the case's panel, in words for the page; nothing when they may.
std::optional<std::string> why_not_on_panel(const PanelCandidate& candidate);

// Whether an account may sit on panels at all: active, and neither the service's administrator
// nor a commissioned reviewer (whose account is for one review).
bool may_sit_on_panels(const User& user);

// ---- the commissioned reviewer ------------------------------------------------------------

inline constexpr int kInvitationDays = 7;  // how long the emailed link works
inline constexpr const char* kInvitationPath = "/account/invitation/";  // the link, before its token

struct ReviewerInvitationInput {
    std::string reviewer_name;
    std::string email;
    std::string organisation;  // optional: "Independent safeguarding consultant"
    std::string on;            // the day the reviewer was commissioned
};

// The name, email and organisation as typed; refusals name the field ("reviewer_name", "email",
// "organisation"). The date is the lifecycle's to judge.
FieldErrors validate_reviewer_invitation(const ReviewerInvitationInput& in);

struct AccountInvitation {
    std::int64_t id = 0;
    PartnershipId partnership;
    UserId user;
    CaseId case_id;
    std::string token_digest;
    Instant sent_at = 0;
    Instant expires_at = 0;
    std::optional<Instant> accepted_at;
    UserId invited_by;
};

enum class InvitationState { waiting, accepted, expired };
InvitationState invitation_state(const AccountInvitation& invitation, Instant now);
std::string_view invitation_state_key(InvitationState s);  // "waiting"

// The email: who commissioned them, for which review (by its reference only: no child's
// pseudonym leaves the partnership's systems), the link, the day it stops working, and that the
// account sees this review only and ends when it is published.
MailText reviewer_invitation_text(const std::string& partnership_name, const std::string& reviewer_name,
                                  const std::string& case_reference, const std::string& link, Date expires_on);

// A message's text as the outbox shows it: an invitation's link is the key to an account, so
// its token is hidden ("/account/invitation/…"); only the reviewer's mailbox holds it.
std::string hide_invitation_links(std::string_view body);

// Whether recording this event ends the case's commissioned reviewers' accounts: publishing the
// review ends them all; commissioning another reviewer ends those of the others.
bool ends_reviewer_accounts(EventKind kind);

}  // namespace assure
