// The registers area: its index page, and each register's pages and API (registers_*.cpp).
#include "web/areas.hpp"
#include "web/registers_views.hpp"

namespace assure::web {
namespace {

void index_page(Ctx& ctx) {
    struct Entry {
        const char* href;
        const char* label;
        const char* hint;
        Permission permission;
    };
    const Entry entries[] = {
        {"/registers/lado", "LADO allegations", "Allegations against adults who work with children", Permission::view_registers},
        {"/registers/child-deaths", "Child deaths", "The child death overview panel's summary", Permission::view_registers},
        {"/registers/finance", "Money", "Budget, contributions, spending and the balance carried forward", Permission::view_finance},
        {"/registers/risks", "Risk register", "Risks to the partnership's work, scored before and with controls, and the heat map",
         Permission::view_risks},
        {"/registers/escalations", "Escalations", "Professional disagreements and how far each was escalated", Permission::view_registers},
        {"/registers/voice", "Voice of children and young people", "What children and young people said, and what the partnership did",
         Permission::view_voice},
        {"/registers/scrutiny", "Independent scrutiny", "The scrutineer's visits and reports, each recommendation and its response",
         Permission::view_voice},
    };
    Data list{Data::type::list};
    for (const auto& e : entries) {
        if (!ctx.who().can(e.permission)) continue;
        Data d;
        d.set("href", std::string(e.href));
        d.set("label", std::string(e.label));
        d.set("hint", std::string(e.hint));
        list.push_back(d);
    }
    Data data;
    data.set("registers", list);
    page(ctx, "registers/index", data, PageOptions{"Registers", "registers"});
}

}  // namespace

void add_registers_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/registers", Permission::view_finance, Surface::page, [](Ctx& ctx) { index_page(ctx); }, "/registers"});
    registers_web::add_lado_pages(routes, s);
    registers_web::add_death_pages(routes, s);
    registers_web::add_finance_pages(routes, s);
    registers_web::add_registers_api(routes, s);
    registers_web::add_risk_pages(routes, s);
    registers_web::add_escalation_pages(routes, s);
    registers_web::add_risks_api(routes, s);
    registers_web::add_voice_pages(routes, s);
    registers_web::add_voice_api(routes, s);
    registers_web::add_death_panel_routes(routes, s);
}

}  // namespace assure::web
