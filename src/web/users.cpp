// Pages for user accounts: administrators add, change and deactivate them.
#include <charconv>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "app/role_grants.hpp"
#include "core/date_words.hpp"
#include "core/role_grants.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

int form_version(const Ctx& ctx) {
    const std::string raw = ctx.form("version");
    int v = 0;
    const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    return (raw.empty() || r.ec != std::errc{} || r.ptr != raw.data() + raw.size()) ? -1 : v;
}

// The roles an administrator may give, and the account's own when commissioning made it.
std::vector<Option> role_options(const std::string& current) {
    std::vector<Option> out;
    for (const auto role : all_roles()) {
        if (!role_is_assignable(role) && role_key(role) != current) continue;
        out.push_back({std::string(role_key(role)), std::string(role_label(role)),
                       role_sees_identities(role) ? "Sees children's identities: waits for a partner lead's approval" : ""});
    }
    return out;
}

void user_form(Services& s, Ctx& ctx, const UserInput& in, const FieldErrors& errors, int status) {
    std::vector<Option> people;
    for (const auto& p : list_people(s, ctx.who(), {})) people.push_back({p.id.str(), p.name + " (" + p.email + ")"});
    Data data;
    data.set("person_html", select(Field{"person_id", "Person", in.person_id, error_for(errors, "person_id"),
                                         "Add the person to the directory first if they are not listed"},
                                   people, "Select a person"));
    data.set("role_html", radios(Field{"role", "Role", in.role, error_for(errors, "role")}, role_options(in.role)));
    data.set("password_html",
             text_input(Field{"password", "Temporary password", "", error_for(errors, "password"),
                              "At least 12 characters. Give it to the person securely; they can sign in with it.",
                              "new-password", "password", {}, false}));
    page(ctx, "access/user_form", data, PageOptions{"Add a user account", "users", errors, status});
}

// The account's role waiting for a partner lead's approval, if any.
std::optional<RoleGrant> waiting_for(Services& s, const Actor& who, UserId user) {
    for (auto& r : list_role_requests(s, who).waiting) {
        if (r.grant.user == user) return std::move(r.grant);
    }
    return std::nullopt;
}

void edit_form(Services& s, Ctx& ctx, const User& u, const UserInput& in, int version, const FieldErrors& errors, int status) {
    Data data;
    if (const auto waiting = waiting_for(s, ctx.who(), u.id)) {
        data.set("waiting_role", std::string(role_label(waiting->role)));
        data.set("current_role", std::string(role_label(u.role)));
        data.set("asked_on", date_in_words(london_date(waiting->asked_at)));
    }
    data.set("id", u.id.str());
    data.set("name", u.display_name);
    data.set("email", u.email);
    data.set("version", std::to_string(version));
    data.set("active", flag(u.active));
    data.set("role_html", radios(Field{"role", "Role", in.role, error_for(errors, "role")}, role_options(in.role)));
    data.set("password_html",
             text_input(Field{"password", "New password (optional)", "", error_for(errors, "password"),
                              "Leave blank to keep the current password. Setting one signs the person out everywhere.",
                              "new-password", "password", {}, false}));
    page(ctx, "access/user_edit", data, PageOptions{"Change " + u.display_name + "'s account", "users", errors, status});
}

}  // namespace

void add_user_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/users", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const PageRequest request = page_request(ctx);
                          const Page<User> found = list_users(s, ctx.who(), request);
                          const RoleRequests requests = list_role_requests(s, ctx.who());
                          Data rows{Data::type::list};
                          for (const auto& u : found.items) {
                              Data row;
                              row.set("id", u.id.str());
                              row.set("name", u.display_name);
                              row.set("email", u.email);
                              row.set("role", std::string(role_label(u.role)));
                              row.set("active", flag(u.active));
                              for (const auto& r : requests.waiting) {
                                  if (r.grant.user == u.id) row.set("waiting_role", std::string(role_label(r.grant.role)));
                              }
                              rows.push_back(row);
                          }
                          Data data;
                          data.set("users", rows);
                          data.set("pagination_html", pagination("/users", request, found.next));
                          data.set("saved", flag(ctx.query("saved") == "1"));
                          data.set("asked", flag(ctx.query("asked") == "1"));
                          page(ctx, "access/users", data, PageOptions{"User accounts", "users"});
                      },
                      "/users"});
    routes.push_back({"GET", "/users/new", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) { user_form(s, ctx, {}, {}, 200); }, "/users/new"});
    routes.push_back({"POST", "/users", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          UserInput in{ctx.form("person_id"), ctx.form("role"), ctx.form("password")};
                          try {
                              const User made = add_user(s, ctx.who(), in);
                              ctx.res.status = 303;
                              ctx.res.set_header("Location", waiting_for(s, ctx.who(), made.id) ? "/users?asked=1" : "/users?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              user_form(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/users"});
    routes.push_back({"GET", R"(/users/(\d+)/edit)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const User u = get_user(s, ctx.who(), UserId{ctx.path_id()});
                          // The form shows the role asked for while it waits: saving it unchanged keeps the request.
                          const auto waiting = waiting_for(s, ctx.who(), u.id);
                          edit_form(s, ctx, u, UserInput{{}, std::string(role_key(waiting ? waiting->role : u.role)), {}}, u.version, {}, 200);
                      },
                      "/users/1/edit"});
    routes.push_back({"POST", R"(/users/(\d+)/edit)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const UserId id{ctx.path_id()};
                          UserInput in{{}, ctx.form("role"), ctx.form("password")};
                          try {
                              const User saved = update_user(s, ctx.who(), id, form_version(ctx), in);
                              const auto waiting = waiting_for(s, ctx.who(), id);
                              ctx.res.status = 303;
                              ctx.res.set_header("Location", waiting && in.role == role_key(waiting->role) && saved.role != waiting->role
                                                                 ? "/users?asked=1" : "/users?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              const User u = get_user(s, ctx.who(), id);
                              edit_form(s, ctx, u, in, form_version(ctx), f.fields(), 422);
                          }
                      },
                      "/users/1/edit"});
    for (const bool active : {false, true}) {
        const std::string verb = active ? "reactivate" : "deactivate";
        routes.push_back({"POST", R"(/users/(\d+)/)" + verb, Permission::manage_users, Surface::page,
                          [&s, active](Ctx& ctx) {
                              const UserId id{ctx.path_id()};
                              try {
                                  set_user_active(s, ctx.who(), id, form_version(ctx), active);
                              } catch (const Failure& f) {
                                  if (f.code() != FailureCode::invalid) throw;
                                  const User u = get_user(s, ctx.who(), id);
                                  const auto waiting = waiting_for(s, ctx.who(), u.id);
                                  edit_form(s, ctx, u, UserInput{{}, std::string(role_key(waiting ? waiting->role : u.role)), {}},
                                            u.version, f.fields(), 422);
                                  return;
                              }
                              ctx.res.status = 303;
                              ctx.res.set_header("Location", "/users?saved=1");
                          },
                          "/users/1/" + verb});
    }
}

}  // namespace assure::web
