// Two-factor sign-in under the account area: set up an authenticator app (the secret as a QR
// code and as text, confirmed with a code before it is turned on), the recovery codes shown
// once, turning it off; and an administrator's page to reset another account's.
#include "app/access.hpp"
#include "app/two_factor.hpp"
#include "core/date_words.hpp"
#include "crypto/one_time_codes.hpp"
#include "web/html.hpp"
#include "web/qr_svg.hpp"
#include "web/two_factor_routes.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

const OneTimeCodes& one_time_codes() {
    static const crypto::OathCodes codes;
    return codes;
}

// The secret in groups of four, as apps that take it typed show it.
std::string grouped_secret(const std::string& secret) {
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += ' ';
        out += secret[i];
    }
    return out;
}

std::string when(Instant at) { return date_in_words(london_date(at)); }

void status_page(Services& s, Ctx& ctx, const FieldErrors& errors, int status) {
    const TwoFactorStatus st = two_factor_status(s, ctx.who());
    Data data;
    data.set("enabled", flag(st.enabled));
    data.set("turned_off", flag(ctx.query("off") == "1"));
    data.set("required", flag(st.required));
    if (st.enabled) {
        data.set("enabled_on", when(st.enabled_at));
        data.set("codes_left", std::to_string(st.recovery_codes_left));
        data.set("password_html", text_input(Field{"password", "Your password", "", error_for(errors, "password"), {},
                                                   "current-password", "password", {}, false}));
        page(ctx, "access/two_factor", data, PageOptions{"Two-factor sign-in", "", errors, status});
        return;
    }
    if (const auto pending = pending_two_factor(s, one_time_codes(), ctx.who())) {
        data.set("pending", flag(true));
        data.set("qr_html", qr_svg(pending->otpauth_uri, "QR code for setting up Assure in an authenticator app"));
        data.set("secret", grouped_secret(pending->secret_base32));
        data.set("code_html", text_input(Field{"code", "Code from your authenticator app", "", error_for(errors, "code"),
                                               "The 6-digit code the app shows for Assure", "one-time-code", "text",
                                               "govuk-input--width-10", false}));
    }
    page(ctx, "access/two_factor", data, PageOptions{"Two-factor sign-in", "", errors, status});
}

void admin_page(Services& s, Ctx& ctx, UserId id) {
    const User u = get_user(s, ctx.who(), id);
    const TwoFactorStatus st = two_factor_status_of(s, ctx.who(), id);
    Data data;
    data.set("id", u.id.str());
    data.set("name", u.display_name);
    data.set("email", u.email);
    data.set("enabled", flag(st.enabled));
    data.set("pending", flag(st.pending));
    data.set("reset", flag(ctx.query("reset") == "1"));
    if (st.enabled) data.set("enabled_on", when(st.enabled_at));
    page(ctx, "access/user_two_factor", data, PageOptions{u.display_name + "'s two-factor sign-in", "users"});
}

}  // namespace

void add_two_factor_routes(std::vector<Route>& routes, Services& s) {
    const std::string base(kTwoFactorPath);
    // Not kept by the page cache: a pending secret is shown on it.
    routes.push_back({"GET", base, Permission::signed_in, Surface::page, [&s](Ctx& ctx) { status_page(s, ctx, {}, 200); }, base,
                      false});
    routes.push_back({"POST", base + "/start", Permission::signed_in, Surface::page,
                      [&s, base](Ctx& ctx) {
                          (void)start_two_factor(s, one_time_codes(), ctx.who());
                          redirect(ctx, base);
                      },
                      base + "/start"});
    routes.push_back({"POST", base + "/confirm", Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) {
                          std::vector<std::string> codes;
                          try {
                              codes = confirm_two_factor(s, one_time_codes(), ctx.who(), ctx.form("code"));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              return status_page(s, ctx, f.fields(), 422);
                          }
                          // Shown this once: the page is answered to the POST, never stored.
                          Data list{Data::type::list};
                          for (const auto& c : codes) list.push_back(Data(c));
                          Data data;
                          data.set("codes", list);
                          page(ctx, "access/two_factor_codes", data, PageOptions{"Two-factor sign-in is on"});
                      },
                      base + "/confirm"});
    routes.push_back({"POST", base + "/disable", Permission::signed_in, Surface::page,
                      [&s, base](Ctx& ctx) {
                          try {
                              disable_two_factor(s, ctx.who(), ctx.form("password"));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              return status_page(s, ctx, f.fields(), 422);
                          }
                          redirect(ctx, base + "?off=1");
                      },
                      base + "/disable"});

    routes.push_back({"GET", R"(/users/(\d+)/two-factor)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) { admin_page(s, ctx, UserId{ctx.path_id()}); }, "/users/1/two-factor"});
    routes.push_back({"POST", R"(/users/(\d+)/two-factor/reset)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const UserId id{ctx.path_id()};
                          reset_two_factor(s, ctx.who(), id);
                          redirect(ctx, "/users/" + id.str() + "/two-factor?reset=1");
                      },
                      "/users/1/two-factor/reset"});
}

}  // namespace assure::web
