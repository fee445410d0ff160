#pragma once
// Search and "My work" (issue 19; docs/decisions/0026-search-and-my-work.md): their pages and API.
// Declared apart from areas.hpp, which every area's routes include.
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

void add_search_routes(std::vector<Route>& routes, Services& services);   // the results page and its API
void add_my_work_routes(std::vector<Route>& routes, Services& services);  // what the person owes, page and API

}  // namespace assure::web
