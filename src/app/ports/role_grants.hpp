#pragma once
// Port of role approvals (docs/decisions/0029-role-approvals.md): the requests for a role that
// sees children's identities, reached from a Transaction by RoleGrantTransaction (as two-factor
// sign-in's rows are, so the widely included Transaction is unchanged).
#include <optional>
#include <vector>

#include "core/role_grants.hpp"

namespace assure {

struct RoleGrantRepo {
    virtual ~RoleGrantRepo() = default;
    virtual RoleGrantId insert(const RoleGrant& grant) = 0;
    virtual std::optional<RoleGrant> find(PartnershipId partnership, RoleGrantId id) = 0;
    // The account's request still waiting, if any (there is at most one).
    virtual std::optional<RoleGrant> waiting_for(UserId user) = 0;
    // The partnership's requests still waiting, oldest first (a handful at most: each is one account).
    virtual std::vector<RoleGrant> waiting(PartnershipId partnership) = 0;
    // The partnership's decided requests, newest first, at most `limit`.
    virtual std::vector<RoleGrant> decided(PartnershipId partnership, int limit) = 0;
    // Records the decision only if the request is still waiting: false means another decided first.
    virtual bool decide(const RoleGrant& decided) = 0;
};

struct RoleGrantTransaction {
    virtual ~RoleGrantTransaction() = default;
    virtual RoleGrantRepo& role_grants() = 0;
};

}  // namespace assure
