#pragma once
// Port: agencies' assurance statements for the yearly report (issue 18 item 3). A side interface
// of the SQL store's transaction, as chronologies and partners are, so that the widely included
// Transaction is unchanged.
#include <optional>
#include <vector>

#include "core/agency_statements.hpp"

namespace assure {

struct AgencyStatementRepo {
    virtual ~AgencyStatementRepo() = default;
    // Every statement saved for the year, by agency id.
    virtual std::vector<AgencyStatement> statements(PartnershipId partnership, FinancialYear year) = 0;
    virtual std::optional<AgencyStatement> find(PartnershipId partnership, FinancialYear year, AgencyId agency) = 0;
    // Stores `s` (its version one more than `expected_version`): a new row when `expected_version`
    // is 0. False when the row is not at `expected_version` (another change came first).
    virtual bool save(const AgencyStatement& s, int expected_version) = 0;
    // The statement's history, oldest first.
    virtual std::vector<StatementNote> notes(PartnershipId partnership, FinancialYear year, AgencyId agency) = 0;
    virtual void add_note(PartnershipId partnership, FinancialYear year, AgencyId agency, const StatementNote& note) = 0;
};

struct AgencyStatementTransaction {
    virtual ~AgencyStatementTransaction() = default;
    virtual AgencyStatementRepo& agency_statements() = 0;
};

}  // namespace assure
