#pragma once
// Use cases of the review group a partnership draws its case panels from, and of the reviewers
// it commissions from outside with an account of their own (issue 20 item 4; decision 0041).
#include <optional>
#include <string>
#include <vector>

#include "app/access.hpp"
#include "app/reviews.hpp"
#include "core/review_panels.hpp"

namespace assure {

// ---- the review group ----------------------------------------------------------------------

struct ReviewGroupSetting {
    std::optional<Group> group;  // none until the partnership names it
    std::vector<Group> choices;  // the partnership's groups active today
};
ReviewGroupSetting read_review_group(Services& s, const Actor& actor);
// "" clears it. Refused unless a group of the partnership active today; audited as
// partnership.review_group with the group before and after.
ReviewGroupSetting set_review_group(Services& s, const Actor& actor, const std::string& group_id);

// Who may be added to a case's panel: the review group's current members with their declared
// interests, or, while no group is named, every account that may sit on panels.
struct PanelChoice {
    std::optional<Group> group;
    std::vector<PanelCandidate> members;  // the group's members, the chair first
    std::vector<User> accounts;           // only while no group is named
};
PanelChoice panel_choice(Services& s, const Actor& actor, CaseId id);

// ---- the commissioned reviewer ---------------------------------------------------------------

// In one transaction: a person in the directory (independent of any agency) and an account of
// the commissioned reviewer's role for them, the "reviewer commissioned" step naming that account,
// and the email with a link to set a password (kInvitationDays). Refused, nothing saved, when the
// email is another account's, or the lifecycle refuses the step.
CaseView invite_reviewer(Services& s, const Actor& actor, CaseId id, int expected_version, const ReviewerInvitationInput& input,
                         const std::string& site);

struct ReviewerInvitationLine {
    AccountInvitation invitation;
    std::string reviewer_name;
    std::string email;
    InvitationState state = InvitationState::waiting;
    bool account_active = false;  // false once the review is published or another reviewer commissioned
};
// The case's invitations, newest first.
std::vector<ReviewerInvitationLine> reviewer_invitations(Services& s, const Actor& actor, CaseId id);

// A new link for the case's current reviewer whose account has no password yet; the old one stops.
void resend_reviewer_invitation(Services& s, const Actor& actor, CaseId id, const std::string& site);

// What the link's page shows before the password is set. An unknown, used or expired link, or
// one whose account has ended, is not_found, all alike.
struct OpenedInvitation {
    std::string reviewer_name;
    std::string email;
    std::string partnership_name;
    std::string case_reference;
    Date expires_on;
};
OpenedInvitation open_invitation(Services& s, const std::string& token);

// Sets the password (under the policy, typed twice), uses the link up and signs the reviewer in.
SignedIn accept_invitation(Services& s, const std::string& token, const std::string& password, const std::string& confirm);

}  // namespace assure
