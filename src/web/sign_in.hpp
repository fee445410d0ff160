#pragma once
// The sign-in form's POST: the account lockout (app/access) and, before it, the limits on failed
// sign-ins per network address and in total (core/sign_in_limits); and, for an account with a
// second factor, the step that asks for its code (docs/decisions/0031-two-factor.md).
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/sign_in_limits.hpp"
#include "web/routes.hpp"

namespace assure::web {

// The half-signed-in state's cookie: a correct password, a code still owed. It opens only the
// second step's page; every other page and the API see someone signed out.
inline constexpr const char* kSignInStepCookie = "assure_sign_in_step";
inline constexpr const char* kSignInCodePath = "/login/code";

// `trust_proxy`: the address is the last one a trusted proxy added to X-Forwarded-For.
void add_sign_in_route(std::vector<Route>& routes, Services& services, SignInThrottle& throttle, bool trust_proxy);
void add_sign_in_code_routes(std::vector<Route>& routes, Services& services, SignInThrottle& throttle, bool trust_proxy);

// Shared by both steps.
std::string safe_next(const std::string& next);
std::string client_address(const Ctx& ctx, bool trust_proxy);
std::string minutes_in_words(int seconds);
// The sign-in forms' double-submit CSRF value (set as a cookie when missing), put on the ctx.
void use_login_csrf(Ctx& ctx);
// Refused before any check when the address or everyone has failed too often: answers 429 and
// returns the message, or returns nothing when the attempt may go ahead.
std::optional<std::string> throttled(Ctx& ctx, SignInThrottle& throttle, const std::string& address, Instant now);

}  // namespace assure::web
