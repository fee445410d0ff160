// The registers' JSON API: /api/v1/lado-referrals, /api/v1/child-deaths and /api/v1/finance,
// each a list paged by limit and cursor ({"items", "next"}), its year's figures at
// /figures?year=2016-17, one record by id, and POST (PUT with the version read, 409 when stale).
// Errors are problem+json with a field per mistake (the dispatcher maps Failure).
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/registers_views.hpp"

namespace assure::web::registers_web {
namespace {

std::vector<std::string> text_list(Body& b, const char* name) {
    std::vector<std::string> out;
    if (!b.j.contains(name) || b.j[name].is_null()) return out;
    if (!b.j[name].is_array()) {
        b.errors.push_back({name, std::string(name) + " must be a list of keys"});
        return out;
    }
    for (const auto& v : b.j[name]) {
        if (!v.is_string()) {
            b.errors.push_back({name, std::string(name) + " must be a list of keys"});
            return {};
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

// A yes/no sent as true or false, read as the text a form would send.
std::string yes_no(Body& b, const char* name) {
    if (!b.j.contains(name) || b.j[name].is_null()) return "";
    if (!b.j[name].is_boolean()) {
        b.errors.push_back({name, std::string(name) + " must be true or false"});
        return "";
    }
    return b.j[name].get<bool>() ? "yes" : "no";
}

// Amounts travel as whole pence, as the figures do; the use case reads pounds.
std::string pence_as_pounds(Body& b, const char* name) {
    if (!b.j.contains(name) || b.j[name].is_null()) return "";
    if (!b.j[name].is_number_integer()) {
        b.errors.push_back({name, std::string(name) + " must be a whole number of pence"});
        return "";
    }
    const auto v = b.j[name].get<std::int64_t>();
    if (v <= 0) return "0";
    return std::to_string(v / 100) + "." + (v % 100 < 10 ? "0" : "") + std::to_string(v % 100);
}

LadoInput lado_input(Body& b) {
    LadoInput in;
    in.adult_reference = b.text("adult_reference");
    in.referred_on = b.text("referred_on");
    in.source = b.text("source");
    in.sector = b.text("sector");
    in.role = b.text("role");
    in.limbs = text_list(b, "limbs");
    in.initial_considered_on = b.text("initial_considered_on");
    in.initial_outcome = b.text("initial_outcome");
    in.strategy_meeting_on = b.text("strategy_meeting_on");
    in.outcome = b.text("outcome");
    in.outcome_on = b.text("outcome_on");
    in.training_needs = b.flag("training_needs");
    in.dbs_referred_on = b.text("dbs_referred_on");
    in.regulator_referred_on = b.text("regulator_referred_on");
    in.notes = b.text("notes");
    return in;
}

ChildDeathInput death_input(Body& b) {
    ChildDeathInput in;
    in.reference = b.text("reference");
    in.died_on = b.text("died_on");
    in.sex = b.text("sex");
    in.age_band = b.text("age_band");
    in.expected = yes_no(b, "expected");
    in.status = b.text("status");
    in.category = b.text("category");
    in.modifiable = yes_no(b, "modifiable");
    in.reviewed_on = b.text("reviewed_on");
    return in;
}

FinanceInput finance_input(Body& b) {
    FinanceInput in;
    in.year = b.text("year");
    in.kind = b.text("kind");
    in.basis = b.text("basis");
    in.contributor = b.text("contributor");
    in.heading = b.text("heading");
    in.amount = pence_as_pounds(b, "amount_pence");
    if (in.amount.empty() && b.errors.empty()) b.errors.push_back({"amount_pence", "Enter amount_pence, a whole number of pence"});
    in.on = b.text("on");
    in.description = b.text("description");
    in.reason = b.text("reason");
    return in;
}

template <class T, class ToJson>
void list_json(Ctx& ctx, const Page<T>& page, ToJson to_json) {
    J items = J::array();
    for (const auto& item : page.items) items.push_back(to_json(item));
    json(ctx, 200, list_body(items, page.next));
}

int version_of(Body& b) { return b.integer("version", "Send the version you read, a whole number"); }

}  // namespace

void add_registers_api(std::vector<Route>& routes, Services& s) {
    // ---- LADO
    routes.push_back({"GET", "/api/v1/lado-referrals", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { list_json(ctx, list_lado_referrals(s, ctx.who(), filter_from(ctx), page_request(ctx)), lado_json); },
                      "/api/v1/lado-referrals"});
    routes.push_back({"GET", "/api/v1/lado-referrals/figures", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, lado_figures_json(lado_year_figures(s, ctx.who(), asked_year(s, ctx)))); },
                      "/api/v1/lado-referrals/figures"});
    routes.push_back({"POST", "/api/v1/lado-referrals", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const LadoInput in = lado_input(b);
                              b.check();
                              json(ctx, 201, lado_json(record_lado_referral(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/lado-referrals"});
    routes.push_back({"GET", R"(/api/v1/lado-referrals/(\d+))", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, lado_json(read_lado_referral(s, ctx.who(), LadoReferralId{ctx.path_id()}))); },
                      "/api/v1/lado-referrals/1"});
    routes.push_back({"PUT", R"(/api/v1/lado-referrals/(\d+))", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const LadoInput in = lado_input(b);
                              const int version = version_of(b);
                              b.check();
                              json(ctx, 200, lado_json(update_lado_referral(s, ctx.who(), LadoReferralId{ctx.path_id()}, version, in)));
                          });
                      },
                      "/api/v1/lado-referrals/1"});
    // ---- child deaths
    routes.push_back({"GET", "/api/v1/child-deaths", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { list_json(ctx, list_child_deaths(s, ctx.who(), filter_from(ctx), page_request(ctx)), death_json); },
                      "/api/v1/child-deaths"});
    routes.push_back({"GET", "/api/v1/child-deaths/figures", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          const FinancialYear year = asked_year(s, ctx);
                          json(ctx, 200, death_figures_with_panel_json(child_death_year_figures(s, ctx.who(), year), panel_death_figures(s, ctx.who(), year)));
                      },
                      "/api/v1/child-deaths/figures"});
    routes.push_back({"POST", "/api/v1/child-deaths", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ChildDeathInput in = death_input(b);
                              b.check();
                              json(ctx, 201, death_json(record_child_death(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/child-deaths"});
    routes.push_back({"GET", R"(/api/v1/child-deaths/(\d+))", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, death_json(read_child_death(s, ctx.who(), ChildDeathId{ctx.path_id()}))); },
                      "/api/v1/child-deaths/1"});
    routes.push_back({"PUT", R"(/api/v1/child-deaths/(\d+))", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ChildDeathInput in = death_input(b);
                              const int version = version_of(b);
                              b.check();
                              json(ctx, 200, death_json(update_child_death(s, ctx.who(), ChildDeathId{ctx.path_id()}, version, in)));
                          });
                      },
                      "/api/v1/child-deaths/1"});
    // ---- money
    routes.push_back({"GET", "/api/v1/finance", Permission::view_finance, Surface::api,
                      [&s](Ctx& ctx) { list_json(ctx, list_finance_entries(s, ctx.who(), filter_from(ctx), page_request(ctx)), finance_json); },
                      "/api/v1/finance"});
    routes.push_back({"GET", "/api/v1/finance/figures", Permission::view_finance, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, finance_figures_json(finance_year_figures(s, ctx.who(), asked_year(s, ctx)))); },
                      "/api/v1/finance/figures"});
    routes.push_back({"POST", "/api/v1/finance", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const FinanceInput in = finance_input(b);
                              b.check();
                              json(ctx, 201, finance_json(record_finance_entry(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/finance"});
    routes.push_back({"GET", R"(/api/v1/finance/(\d+))", Permission::view_finance, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, finance_json(read_finance_entry(s, ctx.who(), FinanceEntryId{ctx.path_id()}))); },
                      "/api/v1/finance/1"});
}

}  // namespace assure::web::registers_web
