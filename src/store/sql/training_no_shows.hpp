#pragma once
// Training no-shows and charges, over sql::Connection (app/ports/training_no_shows.hpp).
#include "app/ports/training_no_shows.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlNoShows final : public NoShowRepo {
public:
    explicit SqlNoShows(Connection& db) : db_(db) {}
    TrainingCharges charges(PartnershipId partnership) override;
    bool save_charges(PartnershipId partnership, const TrainingCharges& charges, int expected_version) override;
    std::vector<NoShow> no_shows(PartnershipId partnership, Date from, Date to) override;
    std::map<AgencyId, std::vector<std::string>> agency_lead_emails(PartnershipId partnership) override;
    bool mark_told(PartnershipId partnership, BookingId booking, Instant at, std::int64_t charged_pence) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
