#pragma once
// Granting a role that sees children's identities (docs/decisions/0029-role-approvals.md): an
// administrator asks, a partner lead who is neither the one asking nor the account's owner
// approves or refuses, and the role changes only on approval. Issue 14, item 5: without this an
// administrator could give an account they control sight of every case.
#include <optional>
#include <string>
#include <string_view>

#include "core/access.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/date_words.hpp"
#include "core/mail.hpp"

namespace assure {

using RoleGrantId = Id<struct RoleGrantTag>;

// Waiting until a partner lead decides; withdrawn when the administrator chooses another role
// before then (or the account is deactivated).
enum class GrantStatus { waiting, approved, refused, withdrawn };
std::string_view grant_status_key(GrantStatus s);    // "waiting"
std::string_view grant_status_label(GrantStatus s);  // "Waiting for approval"
std::optional<GrantStatus> parse_grant_status(std::string_view key);

struct RoleGrant {
    RoleGrantId id;
    PartnershipId partnership;
    UserId user;           // the account whose role would change
    Role role = Role::read_only;         // the role asked for
    Role role_before = Role::read_only;  // the account's role when it was asked (a new account: read_only)
    UserId asked_by;
    std::string asked_by_label;  // "Name <email>", as audit rows freeze it
    Instant asked_at = 0;
    GrantStatus status = GrantStatus::waiting;
    UserId decided_by;           // none while waiting, or when withdrawn by the system
    std::string decided_by_label;
    Instant decided_at = 0;
    std::string reason;          // the approver's words; required to refuse
};

// The roles that see children's identities: every case's identifiable details (but those they
// declared an interest in), the LADO and child death registers. A reviewer sees one case's by
// being its reviewer, which is the business unit's decision about that case, not a grant.
bool role_sees_identities(Role role);

// Whether a change of an account's role waits for a partner lead: a role that sees identities,
// other than the one the account has, set by a person. A role set by the system (the `assure`
// command on the server, which is how a partnership's first partner lead is made) does not wait.
bool grant_needs_approval(Role from, Role to, bool set_by_a_person);

// The role a new account has while its role waits: the least there is.
inline constexpr Role kRoleWhileWaiting = Role::read_only;

// Who may decide: a partner lead of the partnership who neither asked for the grant nor owns the
// account. Answers why not, in words for the page, or nothing when the decider may.
std::optional<std::string> why_may_not_decide(const RoleGrant& grant, UserId decider, Role decider_role);

// A refusal needs its reason (the administrator and the account's owner are told it); an
// approval's is optional. At most 1,000 characters. Field: "reason".
FieldErrors validate_decision(bool approve, const std::string& reason);
inline constexpr std::size_t kMaxDecisionReason = 1000;

// Both are told (issue 14, item 5): each partner lead who may decide, when a role is asked for;
// the administrator who asked and the account's owner, when it is decided. No link: the
// message says where to go once signed in, so a forwarded message opens nothing.
MailText role_grant_asked_text(const std::string& partnership_name, const std::string& account_name, const RoleGrant& grant);
MailText role_grant_decided_text(const std::string& partnership_name, const std::string& account_name, const RoleGrant& grant);

}  // namespace assure
