#pragma once
// Agency quotas on a training session (issue 16 item 2): /training/sessions/{id}/quota and its API.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "web/routes.hpp"
#include "web/views.hpp"

namespace assure::web::training_web {

// "At most 4 for any one agency", or "No limit".
std::string quota_words(std::optional<int> quota);
void add_quota_pages(std::vector<Route>& routes, Services& s);

}  // namespace assure::web::training_web
