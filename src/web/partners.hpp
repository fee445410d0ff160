#pragma once
// Lead and delegated safeguarding partners (issue 20 item 2): /partners, its forms, and the API.
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

void add_partner_routes(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
