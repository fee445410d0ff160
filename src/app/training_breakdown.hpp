#pragma once
// The year's training by sector, by quarter and by trainer (issue 16 items 5 and 6): what the
// figures page and the API show beside the delegates by course and agency.
#include "app/context.hpp"
#include "core/training_breakdown.hpp"

namespace assure {

struct TrainingYearDetail {
    TrainingBreakdown breakdown;
    TrainingPool pool;
};
// Counts only: no delegate is named. Read in one transaction.
TrainingYearDetail training_year_detail(Services& s, const Actor& actor, FinancialYear year);

}  // namespace assure
