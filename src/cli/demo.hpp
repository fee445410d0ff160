#pragma once
// The demo partnership, drawn from the published arrangements of a real partnership.
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

}  // namespace assure::cli
