#pragma once
// Online modules' pages and API (issue 16 item 1), and their year's figures as the training
// figures page, its API and the yearly report show them.
#include <nlohmann/json.hpp>

#include <vector>

#include "core/training_modules.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace assure::web::training_web {

// Adds the figures page's tables to `tables`: applications by module (with the total) and by agency.
void add_module_figure_tables(const ModuleFigures& f, Data& tables);
// "925 practitioners applied for an online module and 701 completed one."
std::string module_figures_sentence(const ModuleFigures& f);
nlohmann::json module_figures_json(const ModuleFigures& f);

void add_module_pages(std::vector<Route>& routes, Services& s);

}  // namespace assure::web::training_web
