#pragma once
// Agencies' assurance statements, over sql::Connection (app/ports/agency_statements.hpp).
#include "app/ports/agency_statements.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlAgencyStatements final : public AgencyStatementRepo {
public:
    explicit SqlAgencyStatements(Connection& db) : db_(db) {}
    std::vector<AgencyStatement> statements(PartnershipId partnership, FinancialYear year) override;
    std::optional<AgencyStatement> find(PartnershipId partnership, FinancialYear year, AgencyId agency) override;
    bool save(const AgencyStatement& s, int expected_version) override;
    std::vector<StatementNote> notes(PartnershipId partnership, FinancialYear year, AgencyId agency) override;
    void add_note(PartnershipId partnership, FinancialYear year, AgencyId agency, const StatementNote& note) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
