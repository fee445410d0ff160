#pragma once
// Helpers shared by the dataset's use cases; not part of the app's interface.
#include <set>
#include <string>

#include "app/context.hpp"
#include "core/dataset.hpp"

namespace assure {

// A partnership works to the default catalogue and benchmarks until it changes them: the first
// import or change stores them as the partnership's own, audited, in the caller's transaction.
void adopt_catalogue_if_none(Transaction& tx, const Actor& actor, Instant at);

// The codes whose figure for the period comes from the records imported (app/dataset/scorecard.cpp).
std::set<std::string> codes_counted_from_records(Transaction& tx, const WorkingCalendar& calendar, PartnershipId partnership,
                                                 DatasetPeriod period);

}  // namespace assure
