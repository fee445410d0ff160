#pragma once
// Training places not used, followed up with their agency (issue 16 item 3): /training/no-shows,
// /training/charges and their API.
#include <nlohmann/json.hpp>

#include <vector>

#include "web/routes.hpp"
#include "web/views.hpp"

namespace assure::web::training_web {

void add_no_show_pages(std::vector<Route>& routes, Services& s);

}  // namespace assure::web::training_web
