#pragma once
// The demo partnership, drawn from the published arrangements of a real partnership.
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace assure::cli {

struct DemoAccount {
    std::string role;
    std::string email;
    std::string name;
    std::string password;
};

// Loads data/demo/knowsley.json (compiled in) into an empty store. An empty `password` gives
// every account its own random password.
std::vector<DemoAccount> load_demo(Services& services, const std::string& password);

// The demo's reviews: seed 001's three published reviews, a reflective review and two live
// cases placed relative to today (one inside its rapid-review window, one overdue).
void load_demo_reviews(Services& services, const std::map<std::string, AgencyId>& agencies,
                       const std::string& business_unit_email);

}  // namespace assure::cli
