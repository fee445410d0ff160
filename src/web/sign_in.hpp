#pragma once
// The sign-in form's POST: the account lockout (app/access) and, before it, the limits on failed
// sign-ins per network address and in total (core/sign_in_limits).
#include <vector>

#include "app/context.hpp"
#include "core/sign_in_limits.hpp"
#include "web/routes.hpp"

namespace assure::web {

// `trust_proxy`: the address is the last one a trusted proxy added to X-Forwarded-For.
void add_sign_in_route(std::vector<Route>& routes, Services& services, SignInThrottle& throttle, bool trust_proxy);

}  // namespace assure::web
