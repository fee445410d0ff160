#pragma once
// The home page: what needs the signed-in person now, then the partnership at a glance.
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

void add_home_route(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
