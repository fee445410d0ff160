#pragma once
// Use case: the open cases whose next statutory date comes soonest, for the home page (issue 19
// item 1; docs/decisions/0026-search-and-my-work.md).
#include <vector>

#include "app/reviews.hpp"

namespace assure {

// The open cases the actor may see whose next statutory date comes soonest (so the overdue lead),
// at most `limit`. Pseudonyms only; logged as a list, as /reviews is.
std::vector<CaseView> cases_due_soonest(Services& s, const Actor& actor, int limit);

}  // namespace assure
