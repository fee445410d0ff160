// A person changes their own password: the current one, then the new one twice. Someone signed
// in with a password an administrator set is sent here from every page until they do.
#include "app/access.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/security.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

Field password_field(const char* name, const char* label, const FieldErrors& errors, const char* autocomplete,
                     std::string hint = {}) {
    return Field{name, label, "", error_for(errors, name), std::move(hint), autocomplete, "password", {}, false};
}

void password_form(Ctx& ctx, const FieldErrors& errors, int status) {
    Data data;
    data.set("temporary", flag(ctx.must_change_password));
    data.set("changed", flag(ctx.query("changed") == "1"));
    data.set("current_html", text_input(password_field("current_password", ctx.must_change_password ? "The password you were given"
                                                                                                     : "Current password",
                                                       errors, "current-password")));
    data.set("new_html", text_input(password_field("new_password", "New password", errors, "new-password",
                                                   "At least 12 characters. Three random words are easy to remember "
                                                   "and hard to guess")));
    data.set("confirm_html", text_input(password_field("confirm_password", "New password again", errors, "new-password")));
    page(ctx, "access/password", data, PageOptions{"Change your password", "", errors, status});
}

}  // namespace

void add_password_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", std::string(kChangePasswordPath), Permission::signed_in, Surface::page,
                      [](Ctx& ctx) { password_form(ctx, {}, 200); }, std::string(kChangePasswordPath), false});
    routes.push_back({"POST", std::string(kChangePasswordPath), Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const SignedIn fresh = change_own_password(
                                  s, ctx.who(), {ctx.form("current_password"), ctx.form("new_password"), ctx.form("confirm_password")});
                              // Every session of the account ended; this browser carries on in a new one.
                              ctx.res.set_header("Set-Cookie", session_cookie(kSessionCookie, fresh.session_token, ctx.secure, -1));
                              redirect(ctx, std::string(kChangePasswordPath) + "?changed=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              password_form(ctx, f.fields(), 422);
                          }
                      },
                      std::string(kChangePasswordPath)});
    // The same change for a client with an API token: every browser session of the account ends;
    // its API tokens, this one included, stay (they are revoked on their own page). The change
    // starts a session for the browser that asked; a client of the API has none, so it is ended.
    routes.push_back({"POST", "/api/v1/account/password", Permission::signed_in, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              PasswordChange change{b.text("current_password"), b.text("new_password"), b.text("confirm_password")};
                              b.check();
                              sign_out(s, change_own_password(s, ctx.who(), change).session_token);
                              ctx.res.status = 204;
                          });
                      },
                      "/api/v1/account/password"});
}

}  // namespace assure::web
