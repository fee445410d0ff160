#pragma once
// Role approvals' rows over sql::Connection (see app/ports/role_grants.hpp).
#include "app/ports/role_grants.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlRoleGrants final : public RoleGrantRepo {
public:
    explicit SqlRoleGrants(Connection& db) : db_(db) {}
    RoleGrantId insert(const RoleGrant& grant) override;
    std::optional<RoleGrant> find(PartnershipId partnership, RoleGrantId id) override;
    std::optional<RoleGrant> waiting_for(UserId user) override;
    std::vector<RoleGrant> waiting(PartnershipId partnership) override;
    std::vector<RoleGrant> decided(PartnershipId partnership, int limit) override;
    bool decide(const RoleGrant& decided) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
