#pragma once
// Port: agency quotas on training sessions (issue 16 item 2). A side interface of the SQL
// store's transaction, so that the widely included Transaction is unchanged.
#include <optional>

#include "core/training.hpp"

namespace assure {

struct QuotaRepo {
    virtual ~QuotaRepo() = default;
    // The most places one agency may hold on the session; nullopt for no limit.
    virtual std::optional<int> quota(PartnershipId partnership, TrainingSessionId session) = 0;
    virtual void set_quota(PartnershipId partnership, TrainingSessionId session, std::optional<int> per_agency) = 0;
    // The agency's live bookings on the session, booked or waiting.
    virtual int agency_places(TrainingSessionId session, AgencyId agency) = 0;
};

struct QuotaTransaction {
    virtual ~QuotaTransaction() = default;
    virtual QuotaRepo& training_quotas() = 0;
};

}  // namespace assure
