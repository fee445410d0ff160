#pragma once
// Changing an indicator of the partnership's catalogue and its benchmarks: page and API.
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

void add_dataset_indicator_edit_routes(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
