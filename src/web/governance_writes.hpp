#pragma once
// What the governance pages change, through the API too (issue 20 item 1): a group's settings,
// its terms of reference and the end of a membership; a meeting's agenda, its publication,
// decisions, minutes and whether it was held or cancelled; the register of interests.
#include <vector>

#include "app/governance.hpp"
#include "web/routes.hpp"

namespace assure::web {

// A group's settings as the edit form and the API's PATCH start from them.
GroupInput input_of(const Group& g);

void add_governance_write_api_routes(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
