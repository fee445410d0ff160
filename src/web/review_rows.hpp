#pragma once
// How a case reads in a list, and a statutory clock's figures in words: shared by the reviews
// dashboard and the home page, so that both say the same thing the same way.
#include <string>

#include "app/reviews.hpp"
#include "web/views.hpp"

namespace assure::web {

// "Child W, Child X": the children as the case's records name them to everyone.
std::string pseudonyms(const Case& c);
// A case's row: reference, children, stage, its next statutory milestone, due date and the
// working days left or overdue, and any slippage beyond the six months of a practice review.
Data case_row(const CaseView& v, Date today);
// "7 of 9 (78%)": met in time of those whose outcome is known; "None due yet".
std::string in_time_text(const ClockCounts& c);
// "1 late, 1 overdue": what kept the share down; "" when nothing did.
std::string missed_text(const ClockCounts& c);

}  // namespace assure::web
