#pragma once
// What the dataset's pages and API share.
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/dataset.hpp"
#include "web/routes.hpp"

namespace assure::web {

std::string_view unit_label(Unit u);  // "Per 10,000 children"
std::string rag_tag(Rag r);           // the rating as a coloured GOV.UK tag (HTML)
void add_dataset_api_routes(std::vector<Route>& routes, Services& s);
// The agencies' returns: pages (dataset_returns.cpp) and API (dataset_returns_api.cpp).
void add_dataset_return_routes(std::vector<Route>& routes, Services& s);
void add_dataset_return_api_routes(std::vector<Route>& routes, Services& s);
// The exception report (dataset_exceptions.cpp).
void add_dataset_exception_routes(std::vector<Route>& routes, Services& s);
// The exception report's API (dataset_exceptions_api.cpp).
void add_dataset_exception_api_routes(std::vector<Route>& routes, Services& s);
// Importing a file from a page (dataset_upload.cpp).
void add_dataset_upload_routes(std::vector<Route>& routes, Services& s);
// The census's rules: a page and GET/PUT /api/v1/dataset/census-rules (dataset_cin_rules.cpp).
void add_dataset_cin_rules_routes(std::vector<Route>& routes, Services& s);
// One indicator's page, with the risks raised from it (dataset_indicator.cpp).
void add_dataset_indicator_routes(std::vector<Route>& routes, Services& s);

}  // namespace assure::web
