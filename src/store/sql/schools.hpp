#pragma once
// The schools register and rounds of school audits, over sql::Connection (app/ports/schools.hpp).
#include "app/ports/schools.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlSchools final : public SchoolRepo {
public:
    explicit SqlSchools(Connection& db) : db_(db) {}
    std::vector<School> list(PartnershipId partnership) override;
    std::optional<School> find(PartnershipId partnership, AgencyId agency) override;
    std::optional<School> find_by_urn(PartnershipId partnership, const std::string& urn) override;
    bool save(const School& s, int expected_version) override;
    void add_round(PartnershipId partnership, const SchoolRound& round) override;
    std::optional<SchoolRound> round(PartnershipId partnership, AuditCycleId cycle) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
