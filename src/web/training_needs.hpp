#pragma once
// The training needs analysis (issue 16 item 5): /training/needs, an analysis's results by topic
// and agency, an agency's return, and the same through /api/v1/training-needs.
#include <vector>

#include "web/routes.hpp"

namespace assure::web::training_web {

void add_needs_pages(std::vector<Route>& routes, Services& s);

}  // namespace assure::web::training_web
