#pragma once
// Two-factor sign-in's account pages: setting up an authenticator app, recovery codes, turning
// it off, and an administrator's reset (docs/decisions/0031-two-factor.md).
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

inline constexpr std::string_view kTwoFactorPath = "/account/two-factor";

void add_two_factor_routes(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
