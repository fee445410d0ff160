// Role approvals' pages (docs/decisions/0029-role-approvals.md): the partner lead's list of
// roles waiting for approval, and the page to approve or refuse one.
#include "app/access.hpp"
#include "app/role_grants.hpp"
#include "core/date_words.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

std::string when(Instant at) { return date_in_words(london_date(at)); }

Data grant_row(const RoleRequest& r) {
    const RoleGrant& g = r.grant;
    Data row;
    row.set("id", g.id.str());
    row.set("account", r.account_name);
    row.set("email", r.account_email);
    row.set("role", std::string(role_label(g.role)));
    row.set("role_before", std::string(role_label(g.role_before)));
    row.set("asked_by", name_in_label(g.asked_by_label));
    row.set("asked_on", when(g.asked_at));
    row.set("status", std::string(grant_status_label(g.status)));
    row.set("approved", flag(g.status == GrantStatus::approved));
    row.set("decided_by", name_in_label(g.decided_by_label));
    row.set("decided_on", g.decided_at > 0 ? when(g.decided_at) : std::string());
    row.set("reason", g.reason);
    return row;
}

void decision_form(Ctx& ctx, const RoleRequest& r, const std::string& choice, const std::string& reason,
                   const FieldErrors& errors, int status) {
    const RoleGrant& g = r.grant;
    const std::string& name = r.account_name;
    Data data = grant_row(r);
    const auto why_not = why_may_not_decide(g, ctx.who().user, ctx.who().role);
    data.set("may_decide", flag(!why_not));
    data.set("why_not", why_not.value_or(""));
    data.set("decision_html", radios(Field{"decision", "Your decision", choice, error_for(errors, "decision")},
                                     {{"approve", "Approve", "The role takes effect at once"},
                                      {"refuse", "Refuse", "The account keeps the " + std::string(role_label(g.role_before)) + " role"}}));
    data.set("reason_html", textarea(Field{"reason", "Reason", reason, error_for(errors, "reason"),
                                           "Needed to refuse. The administrator who asked and " + name + " are told it."},
                                     3));
    page(ctx, "access/role_grant", data,
         PageOptions{"Approve a role for " + name, "approvals", errors, status});
}

}  // namespace

void add_role_grant_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/users/approvals", Permission::approve_roles, Surface::page,
                      [&s](Ctx& ctx) {
                          const RoleRequests found = list_role_requests(s, ctx.who());
                          Data waiting{Data::type::list};
                          for (const auto& g : found.waiting) waiting.push_back(grant_row(g));
                          Data decided{Data::type::list};
                          for (const auto& g : found.decided) decided.push_back(grant_row(g));
                          Data data;
                          data.set("waiting", waiting);
                          data.set("any_waiting", flag(!found.waiting.empty()));
                          data.set("decided", decided);
                          data.set("any_decided", flag(!found.decided.empty()));
                          data.set("was_approved", flag(ctx.query("decided") == "approved"));
                          data.set("was_refused", flag(ctx.query("decided") == "refused"));
                          page(ctx, "access/role_grants", data, PageOptions{"Role approvals", "approvals"});
                      },
                      "/users/approvals"});
    routes.push_back({"GET", R"(/users/approvals/(\d+))", Permission::approve_roles, Surface::page,
                      [&s](Ctx& ctx) {
                          decision_form(ctx, get_role_request(s, ctx.who(), RoleGrantId{ctx.path_id()}), "", "", {}, 200);
                      },
                      "/users/approvals/1"});
    routes.push_back({"POST", R"(/users/approvals/(\d+))", Permission::approve_roles, Surface::page,
                      [&s](Ctx& ctx) {
                          const RoleGrantId id{ctx.path_id()};
                          const std::string choice = ctx.form("decision");
                          const std::string reason = ctx.form("reason");
                          try {
                              if (choice != "approve" && choice != "refuse") {
                                  throw Failure::invalid({{"decision", "Select whether you approve or refuse this role"}});
                              }
                              decide_role_request(s, ctx.who(), id, choice == "approve", reason);
                              redirect(ctx, choice == "approve" ? "/users/approvals?decided=approved" : "/users/approvals?decided=refused");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              decision_form(ctx, get_role_request(s, ctx.who(), id), choice, reason, f.fields(), 422);
                          }
                      },
                      "/users/approvals/1"});
}

}  // namespace assure::web
