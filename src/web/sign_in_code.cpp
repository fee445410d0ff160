// The sign-in's second step: after a correct password, an account with a second factor is asked
// for the code its authenticator app shows, or a recovery code. Until then it holds only the
// half-signed-in cookie, which no other page or the API accepts (docs/decisions/0031-two-factor.md).
#include <spdlog/spdlog.h>

#include "app/two_factor.hpp"
#include "crypto/one_time_codes.hpp"
#include "web/html.hpp"
#include "web/security.hpp"
#include "web/sign_in.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

void code_form(Ctx& ctx, const FieldErrors& errors, int status) {
    use_login_csrf(ctx);
    Data data;
    data.set("next", safe_next(ctx.has_query("next") ? ctx.query("next") : ctx.form("next")));
    data.set("code_html", text_input(Field{"code", "Code from your authenticator app", "", error_for(errors, "code"),
                                           "The 6-digit code the app shows for Assure, or one of your recovery codes",
                                           "one-time-code", "text", "govuk-input--width-10", false}));
    page(ctx, "access/login_code", data, PageOptions{"Enter the code from your authenticator app", "", errors, status});
}

// Back to the password: the half-signed-in state ended (timed out, too many wrong codes, the
// account locked), so its cookie goes too.
void start_again(Ctx& ctx) {
    ctx.res.set_header("Set-Cookie", session_cookie(kSignInStepCookie, "", ctx.secure, 0));
    redirect(ctx, "/login?timed_out=1");
}

const OneTimeCodes& one_time_codes() {
    static const crypto::OathCodes codes;
    return codes;
}

}  // namespace

void add_sign_in_code_routes(std::vector<Route>& routes, Services& services, SignInThrottle& throttle, bool trust_proxy) {
    routes.push_back({"GET", kSignInCodePath, Permission::public_access, Surface::page,
                      [&services](Ctx& ctx) {
                          if (ctx.actor) return redirect(ctx, "/");
                          if (!challenge_open(services, cookie_value(ctx.req, kSignInStepCookie))) return start_again(ctx);
                          code_form(ctx, {}, 200);
                      },
                      kSignInCodePath, false});
    routes.push_back({"POST", kSignInCodePath, Permission::public_access, Surface::page,
                      [&services, &throttle, trust_proxy](Ctx& ctx) {
                          const std::string token = cookie_value(ctx.req, kSignInStepCookie);
                          const std::string address = client_address(ctx, trust_proxy);
                          const Instant now = services.clock.now();
                          if (const auto message = throttled(ctx, throttle, address, now)) {
                              code_form(ctx, {{"code", *message}}, 429);
                              return;
                          }
                          try {
                              const SignedIn signed_in = finish_sign_in(services, one_time_codes(), token, ctx.form("code"));
                              ctx.res.set_header("Set-Cookie", session_cookie(kSessionCookie, signed_in.session_token, ctx.secure, -1));
                              ctx.res.set_header("Set-Cookie", session_cookie(kSignInStepCookie, "", ctx.secure, 0));
                              redirect(ctx, safe_next(ctx.form("next")));
                          } catch (const Failure& f) {
                              if (f.code() == FailureCode::unauthenticated) throttle.failed(address, now);
                              if (f.code() == FailureCode::not_found) return start_again(ctx);
                              if (f.code() != FailureCode::invalid && f.code() != FailureCode::unauthenticated) throw;
                              if (f.code() == FailureCode::unauthenticated && !challenge_open(services, token)) return start_again(ctx);
                              code_form(ctx, f.fields(), f.code() == FailureCode::invalid ? 422 : 401);
                          }
                      },
                      kSignInCodePath});
}

}  // namespace assure::web
