#pragma once
// The children in need census's records over sql::Connection (app/ports/dataset_cin.hpp).
#include "app/ports/dataset_cin.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlDatasetCin final : public DatasetCinRepo {
public:
    explicit SqlDatasetCin(Connection& db) : db_(db) {}
    CinCensus census(PartnershipId partnership, int year) override;
    std::vector<CinReferral> referrals(PartnershipId partnership, int year) override;
    void replace_census(PartnershipId partnership, int year, DatasetImportId by, const CinCensus& census) override;
    std::optional<CinRules> rules(PartnershipId partnership) override;
    void put_rules(PartnershipId partnership, const CinRules& rules) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
