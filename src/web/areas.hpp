#pragma once
// Each area contributes its routes to the table. One function per area, one file per area.
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

void add_access_routes(std::vector<Route>& routes, Services& services);
void add_user_routes(std::vector<Route>& routes, Services& services);
void add_role_grant_routes(std::vector<Route>& routes, Services& services);  // a partner lead approves a role
void add_partnership_routes(std::vector<Route>& routes, Services& services);
void add_audit_routes(std::vector<Route>& routes, Services& services);
void add_access_log_routes(std::vector<Route>& routes, Services& services);  // called by add_audit_routes
void add_api_routes(std::vector<Route>& routes, Services& services);
void add_calendar_routes(std::vector<Route>& routes, Services& services);
void add_reviews_routes(std::vector<Route>& routes, Services& services);
void add_reviews_api_routes(std::vector<Route>& routes, Services& services);
void add_governance_routes(std::vector<Route>& routes, Services& services);
void add_learning_area_routes(std::vector<Route>& routes, Services& services);
void add_settings_routes(std::vector<Route>& routes, Services& services);
void add_settings_api_routes(std::vector<Route>& routes, Services& services);
void add_registers_routes(std::vector<Route>& routes, Services& services);
void add_dataset_routes(std::vector<Route>& routes, Services& services);  // the scorecard, imports and their API
void add_mail_routes(std::vector<Route>& routes, Services& services);     // the outbox page and its API
void add_training_routes(std::vector<Route>& routes, Services& services);  // courses, sessions, bookings, the public calendar
void add_token_routes(std::vector<Route>& routes, Services& services);  // API tokens: one's own, and an account's
void add_report_routes(std::vector<Route>& routes, Services& services);  // the yearly report: pages and API
void add_agency_link_routes(std::vector<Route>& routes, Services& services);  // links with other partnerships' agencies
void add_password_routes(std::vector<Route>& routes, Services& services);     // a person changes their own password
void add_email_preference_routes(std::vector<Route>& routes, Services& services);  // a person chooses what mail they are sent
// Where a person signed in with a temporary password is sent from every other page.
inline constexpr std::string_view kChangePasswordPath = "/account/password";
// The OpenAPI document served at /api/v1/openapi.json (docs/openapi.json, compiled in).
std::string_view openapi_document();

}  // namespace assure::web
