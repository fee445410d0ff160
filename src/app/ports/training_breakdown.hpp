#pragma once
// Port: the year's training by sector, by quarter and by trainer (issue 16 items 5 and 6). A side
// interface of the SQL store's transaction, so that the widely included Transaction is unchanged.
#include <vector>

#include "core/training_breakdown.hpp"

namespace assure {

struct TrainingBreakdownRepo {
    virtual ~TrainingBreakdownRepo() = default;
    // Bookings that held a place on a session of the year, by their agency's sector and by the
    // quarter the session fell in, counted as count_training counts them by course and agency.
    virtual TrainingBreakdownCounts breakdown(PartnershipId partnership, FinancialYear year) = 0;
    // The year's sessions by trainer and course: those held by `today` and those still to come.
    virtual std::vector<TrainerCount> trainer_counts(PartnershipId partnership, FinancialYear year, Date today) = 0;
};

struct TrainingBreakdownTransaction {
    virtual ~TrainingBreakdownTransaction() = default;
    virtual TrainingBreakdownRepo& training_breakdown() = 0;
};

}  // namespace assure
