#pragma once
// What the registers' pages and API share: the filters read from a query string, choices made
// from core's enums, the API's JSON shapes (web's own, apart from rows and the audit trail),
// and the generic list, figures, form and record templates (templates/registers/).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/registers.hpp"
#include "web/html.hpp"
#include "web/views.hpp"

namespace assure::web::registers_web {

using J = nlohmann::json;

// The query parameters every register's list reads (those it does not offer stay empty).
RegisterFilter filter_from(const Ctx& ctx);
// The filters set, as "year=2016-17&sector=education", for links that keep them.
std::string filter_query(const Ctx& ctx);
// The year a figures page or API asks for: ?year=, or the financial year of today.
FinancialYear asked_year(Services& s, const Ctx& ctx);
// The last twenty financial years, newest first.
std::vector<Option> year_options(Services& s);

template <class E, class Key, class Label>
std::vector<Option> options_of(const std::vector<E>& values, Key key, Label label) {
    std::vector<Option> out;
    for (const E v : values) out.push_back({std::string(key(v)), std::string(label(v))});
    return out;
}

inline std::string words(const std::optional<Date>& d) { return d ? date_in_words(*d) : std::string("Not recorded"); }

// A table for the figures template: a caption, headings, and rows whose first cell is a heading.
Data table(const std::string& caption, const std::vector<std::string>& headings,
           const std::vector<std::vector<std::string>>& rows);
// A summary-list row for the record template.
Data summary_row(const std::string& label, const std::string& value);

// Each register's pages, and the API of all three (registers.cpp adds them with the index).
void add_lado_pages(std::vector<Route>& routes, Services& s);
void add_death_pages(std::vector<Route>& routes, Services& s);
void add_finance_pages(std::vector<Route>& routes, Services& s);
void add_registers_api(std::vector<Route>& routes, Services& s);
void add_risk_pages(std::vector<Route>& routes, Services& s);
void add_escalation_pages(std::vector<Route>& routes, Services& s);
void add_risks_api(std::vector<Route>& routes, Services& s);
// Voice of children and independent scrutiny: one page file and one API file for both registers.
void add_voice_pages(std::vector<Route>& routes, Services& s);
void add_voice_api(std::vector<Route>& routes, Services& s);
// The child death panel shared by partnerships: the administrator's page and the API.
void add_death_panel_routes(std::vector<Route>& routes, Services& s);

J lado_json(const LadoReferral& r);
J lado_figures_json(const LadoFigures& f);
J death_json(const ChildDeath& d);
J death_figures_json(const ChildDeathFigures& f);
// The partnership's own figures, with the panel's combined ones beside them when it sits on one.
J death_figures_with_panel_json(const ChildDeathFigures& own, const std::optional<PanelFigures>& panel);
J death_panel_json(const std::optional<DeathPanelShown>& panel);
J activity_figures_json(const ActivityFigures& f);
J finance_json(const FinanceEntry& e);
J finance_figures_json(const FinanceFigures& f);

}  // namespace assure::web::registers_web
