#pragma once
// The public training calendar's booking form (issue 16 item 2, issue 18 item 4): a practitioner
// without an account books a place, signed out, with the sign-in form's double-submit CSRF
// cookie; bookings from one network address are limited (core/sign_in_limits's counter).
#include <vector>

#include "core/sign_in_limits.hpp"
#include "web/routes.hpp"

namespace assure::web {

// `trust_proxy`: the address is the last one a trusted proxy added to X-Forwarded-For.
void add_public_booking_routes(std::vector<Route>& routes, Services& services, SignInThrottle& throttle, bool trust_proxy);

// Bookings one address may make in an hour, and everyone in a minute: a department booking its
// staff one by one stays well inside; a script filling sessions with made-up names does not.
inline constexpr SignInLimits kPublicBookingLimits{20, 3600, 120};

}  // namespace assure::web
