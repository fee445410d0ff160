// Signing in and out, the health check, the accessibility statement, and user accounts.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "app/access.hpp"
#include "app/governance.hpp"
#include "app/health.hpp"
#include "app/partnership.hpp"
#include "app/two_factor.hpp"
#include "core/date_words.hpp"
#include "crypto/bounded_hasher.hpp"
#include "crypto/sodium.hpp"
#include "web/areas.hpp"
#include "web/home.hpp"
#include "web/html.hpp"
#include "web/security.hpp"
#include "web/sign_in.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

void show_login(Ctx& ctx, const std::string& email, const FieldErrors& errors, int status, const std::string& next) {
    use_login_csrf(ctx);
    Data data;
    data.set("next", safe_next(next));
    data.set("signed_out", flag(ctx.query("signed_out") == "1"));
    data.set("timed_out", flag(ctx.query("timed_out") == "1"));
    data.set("email_html", text_input(Field{"email", "Email address", email, error_for(errors, "email"), {}, "email",
                                            "email", {}, false}));
    data.set("password_html", text_input(Field{"password", "Password", "", error_for(errors, "password"), {},
                                               "current-password", "password", {}, false}));
    page(ctx, "access/login", data, PageOptions{"Sign in", "", errors, status});
}

}  // namespace

// Where to go after signing in: a path on this site only, judged on what a browser would make
// of it. It must start with one "/" and hold no backslash, space or control character anywhere:
// browsers drop tabs and newlines and read a backslash as "/", so "/\t/evil.example" would become
// "//evil.example", another site.
std::string safe_next(const std::string& next) {
    if (next.empty() || next[0] != '/' || (next.size() > 1 && next[1] == '/')) return "/";
    for (const char c : next) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '\\') return "/";
    }
    return next;
}

void use_login_csrf(Ctx& ctx) {
    std::string csrf = cookie_value(ctx.req, kLoginCsrfCookie);
    if (csrf.size() < 20) {
        csrf = crypto::SodiumTokens{}.random_token();
        ctx.res.set_header("Set-Cookie", session_cookie(kLoginCsrfCookie, csrf, ctx.secure, 3600));
    }
    ctx.csrf_token = csrf;
}

void add_access_routes(std::vector<Route>& routes, Services& services) {
    // /healthz: the server can do its work, writes included (a read-only database or a full
    // disk is unhealthy). /readyz: the database answers reads, for a load balancer that should
    // keep sending reads to a server whose writes fail. The cause goes to the log, not the body.
    routes.push_back({"GET", "/healthz", Permission::public_access, Surface::page,
                      [&services](Ctx& ctx) {
                          if (const auto h = check_writes(services); !h.ok) {
                              spdlog::error("/healthz: the database cannot be written: {}", h.cause);
                              ctx.res.status = 503;
                              ctx.res.set_content("unhealthy: the database cannot be written (the server log says why)\n",
                                                  "text/plain");
                              return;
                          }
                          ctx.res.set_content("ok\n", "text/plain");
                      },
                      "/healthz", false});
    routes.push_back({"GET", "/readyz", Permission::public_access, Surface::page,
                      [&services](Ctx& ctx) {
                          if (const auto h = check_reads(services); !h.ok) {
                              spdlog::error("/readyz: the database cannot be read: {}", h.cause);
                              ctx.res.status = 503;
                              ctx.res.set_content("not ready: the database does not answer (the server log says why)\n",
                                                  "text/plain");
                              return;
                          }
                          ctx.res.set_content("ready\n", "text/plain");
                      },
                      "/readyz", false});

    routes.push_back({"GET", "/login", Permission::public_access, Surface::page,
                      [](Ctx& ctx) {
                          if (ctx.actor) {
                              ctx.res.status = 303;
                              ctx.res.set_header("Location", "/");
                              return;
                          }
                          show_login(ctx, "", {}, 200, ctx.query("next"));
                      },
                      "/login", false});


    routes.push_back({"POST", "/logout", Permission::signed_in, Surface::page,
                      [&services](Ctx& ctx) {
                          sign_out(services, cookie_value(ctx.req, kSessionCookie));
                          ctx.res.set_header("Set-Cookie", session_cookie(kSessionCookie, "", ctx.secure, 0));
                          ctx.res.status = 303;
                          ctx.res.set_header("Location", "/login?signed_out=1");
                      },
                      "/logout"});

    routes.push_back({"GET", "/accessibility", Permission::public_access, Surface::page,
                      [](Ctx& ctx) { page(ctx, "access/accessibility", Data{}, PageOptions{"Accessibility statement"}); },
                      "/accessibility"});

    add_home_route(routes, services);
    add_user_routes(routes, services);
    add_role_grant_routes(routes, services);
}

// The address a sign-in comes from: the connection's, or behind a trusted proxy the last address
// it added to X-Forwarded-For (earlier ones are whatever the client sent, so not believed).
std::string client_address(const Ctx& ctx, bool trust_proxy) {
    if (trust_proxy) {
        const std::string forwarded = ctx.req.get_header_value("X-Forwarded-For");
        if (!forwarded.empty()) {
            const auto comma = forwarded.rfind(',');
            std::string last = forwarded.substr(comma == std::string::npos ? 0 : comma + 1);
            last.erase(0, last.find_first_not_of(' '));
            last.erase(last.find_last_not_of(' ') + 1);
            if (!last.empty()) return last;
        }
    }
    return ctx.req.remote_addr;
}

std::string minutes_in_words(int seconds) {
    const int minutes = std::max(1, (seconds + 59) / 60);
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

std::optional<std::string> throttled(Ctx& ctx, SignInThrottle& throttle, const std::string& address, Instant now) {
    const auto verdict = throttle.check(address, now);
    if (verdict == SignInVerdict::allowed) return std::nullopt;
    const int wait = throttle.retry_after(address, now);
    spdlog::warn("sign-in refused before checking the password or code: {} ({})", address,
                 verdict == SignInVerdict::address_limited ? "too many failures from this address" : "too many failures from everyone");
    ctx.res.set_header("Retry-After", std::to_string(std::max(1, wait)));
    return verdict == SignInVerdict::address_limited
               ? "There have been too many wrong sign-ins from your network. Try again in " + minutes_in_words(wait) + "."
               : "There have been too many wrong sign-ins to Assure in the last minute. Try again in " + minutes_in_words(wait) + ".";
}

void add_sign_in_route(std::vector<Route>& routes, Services& services, SignInThrottle& throttle, bool trust_proxy) {
    routes.push_back({"POST", "/login", Permission::public_access, Surface::page,
                      [&services, &throttle, trust_proxy](Ctx& ctx) {
                          const std::string email = ctx.form("email");
                          const std::string address = client_address(ctx, trust_proxy);
                          const Instant now = services.clock.now();
                          if (const auto message = throttled(ctx, throttle, address, now)) {
                              show_login(ctx, email, {{"email", *message}}, 429, ctx.form("next"));
                              return;
                          }
                          try {
                              const SignInStep step = begin_sign_in(services, email, ctx.form("password"));
                              ctx.res.status = 303;
                              if (step.signed_in) {
                                  ctx.res.set_header("Set-Cookie", session_cookie(kSessionCookie, step.signed_in->session_token,
                                                                                  ctx.secure, -1));
                                  ctx.res.set_header("Location", safe_next(ctx.form("next")));
                                  return;
                              }
                              // The password was right; the account asks for a code too. The cookie
                              // outlives the half-signed-in state by nothing: both end together.
                              ctx.res.set_header("Set-Cookie", session_cookie(kSignInStepCookie, step.challenge_token, ctx.secure,
                                                                              two_factor_policy().challenge_seconds));
                              ctx.res.set_header("Location", std::string(kSignInCodePath) + "?next=" +
                                                                 url_encode(safe_next(ctx.form("next"))));
                          } catch (const Failure& f) {
                              if (f.code() == FailureCode::unauthenticated) throttle.failed(address, now);
                              if (f.code() == FailureCode::unavailable && f.detail() == crypto::kHashQueueFull) {
                                  ctx.res.set_header("Retry-After", "5");
                                  show_login(ctx, email, {{"email", f.what()}}, 503, ctx.form("next"));
                                  return;
                              }
                              if (f.code() != FailureCode::invalid && f.code() != FailureCode::unauthenticated) throw;
                              show_login(ctx, email, f.fields(), f.code() == FailureCode::invalid ? 422 : 401, ctx.form("next"));
                          }
                      },
                      "/login"});
}

}  // namespace assure::web
