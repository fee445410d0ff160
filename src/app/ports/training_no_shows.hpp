#pragma once
// Port: training no-shows told to their agency, and what the partnership charges (issue 16 item
// 3). A side interface of the SQL store's transaction, so that the widely included Transaction
// is unchanged.
#include <map>
#include <string>
#include <vector>

#include "core/training_no_shows.hpp"

namespace assure {

struct NoShowRepo {
    virtual ~NoShowRepo() = default;
    // The partnership's charges; version 0 and no charge when never set.
    virtual TrainingCharges charges(PartnershipId partnership) = 0;
    // Replaces the charges whose version is `expected_version` (0 for the first); false when stale.
    virtual bool save_charges(PartnershipId partnership, const TrainingCharges& charges, int expected_version) = 0;
    // Bookings marked no_show or cancelled_late on sessions held from `from` to `to`, with their
    // agency's name, course and day, and when their agency was told.
    virtual std::vector<NoShow> no_shows(PartnershipId partnership, Date from, Date to) = 0;
    // The email addresses of each agency's leads: active agency_lead accounts whose person works
    // for the agency, in the order the accounts were made.
    virtual std::map<AgencyId, std::vector<std::string>> agency_lead_emails(PartnershipId partnership) = 0;
    // Records that the booking's agency was told, with the charge told; false when it was already.
    virtual bool mark_told(PartnershipId partnership, BookingId booking, Instant at, std::int64_t charged_pence) = 0;
};

struct NoShowTransaction {
    virtual ~NoShowTransaction() = default;
    virtual NoShowRepo& training_no_shows() = 0;
};

}  // namespace assure
