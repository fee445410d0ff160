#pragma once
// A review's multi-agency chronology (issue 18 item 2): /reviews/{id}/chronology, its forms and
// downloads, and /api/v1/incidents/{id}/chronology.
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

void add_chronology_routes(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
