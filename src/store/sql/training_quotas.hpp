#pragma once
// Agency quotas on training sessions, over sql::Connection (app/ports/training_quotas.hpp).
#include "app/ports/training_quotas.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlQuotas final : public QuotaRepo {
public:
    explicit SqlQuotas(Connection& db) : db_(db) {}
    std::optional<int> quota(PartnershipId partnership, TrainingSessionId session) override;
    void set_quota(PartnershipId partnership, TrainingSessionId session, std::optional<int> per_agency) override;
    int agency_places(TrainingSessionId session, AgencyId agency) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
