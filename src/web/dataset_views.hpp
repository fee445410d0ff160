#pragma once
// What the dataset's pages and API share.
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/dataset.hpp"
#include "web/routes.hpp"

namespace assure::web {

std::string_view unit_label(Unit u);  // "Per 10,000 children"
void add_dataset_api_routes(std::vector<Route>& routes, Services& s);

}  // namespace assure::web
