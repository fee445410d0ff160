#pragma once
// Use cases of role approvals (docs/decisions/0029-role-approvals.md). An administrator's grant
// of a role that sees children's identities waits for a partner lead; add_user and update_user
// (app/access.hpp) ask through ask_for_role, and the partner lead decides here.
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "app/ports/role_grants.hpp"
#include "core/user.hpp"

namespace assure {

// Inside the caller's write transaction: records a waiting request for `role` on the account
// (withdrawing one already waiting), writes its audit row and tells each partner lead who may
// decide. The account's role is left as it is.
RoleGrant ask_for_role(Transaction& tx, const Actor& actor, Instant now, const User& account, Role role);
// Inside the caller's write transaction: withdraws the account's waiting request, if any, with
// an audit row. `why` says what withdrew it ("another role chosen", "account deactivated").
void withdraw_role_request(Transaction& tx, const Actor& actor, Instant now, UserId account, const char* why);
// The account's waiting request, read in the caller's transaction.
std::optional<RoleGrant> waiting_role_request(Transaction& tx, UserId account);

// A request with the account it is for, as the approver sees it.
struct RoleRequest {
    RoleGrant grant;
    std::string account_name;
    std::string account_email;
};
struct RoleRequests {
    std::vector<RoleRequest> waiting;  // oldest first
    std::vector<RoleRequest> decided;  // the latest decisions, newest first
};
// For the approvals page: partner leads (who decide) and administrators (who asked) see them.
RoleRequests list_role_requests(Services& s, const Actor& actor);
RoleRequest get_role_request(Services& s, const Actor& actor, RoleGrantId id);
// A partner lead's decision. Approving sets the account's role in the same transaction; both
// record an audit row and tell the administrator who asked and the account's owner. Throws
// Failure::forbidden naming why the actor may not decide, Failure::invalid for a refusal
// without a reason, Failure::stale if the request was decided or withdrawn meanwhile.
RoleGrant decide_role_request(Services& s, const Actor& actor, RoleGrantId id, bool approve, const std::string& reason);

}  // namespace assure
