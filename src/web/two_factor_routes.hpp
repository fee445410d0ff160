#pragma once
// Two-factor sign-in's account pages: setting up an authenticator app, recovery codes, turning
// it off, and an administrator's reset (docs/decisions/0031-two-factor.md).
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

inline constexpr std::string_view kTwoFactorPath = "/account/two-factor";
// The set-up page and its forms: what an account that must set up a second factor may reach.
inline bool is_two_factor_setup(std::string_view path) {
    return path == kTwoFactorPath || (path.starts_with(kTwoFactorPath) && path.size() > kTwoFactorPath.size() &&
                                      path[kTwoFactorPath.size()] == '/');
}

void add_two_factor_routes(std::vector<Route>& routes, Services& services);

}  // namespace assure::web
