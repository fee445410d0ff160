#pragma once
// Pieces the learning pages share: choices for forms, an action as a table row, the action form.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/learning.hpp"
#include "web/html.hpp"
#include "web/views.hpp"

namespace assure::web {

std::vector<Option> agency_options(Services& s, const Actor& actor);
std::vector<Option> priority_options(Services& s, const Ctx& ctx);
std::vector<Option> group_options(Services& s, const Actor& actor);
// One action as the action plan, the golden thread and a source's page show it.
Data improvement_row(const ImprovementLine& line);
// The fields of the "raise an action" form, filled from the request when it was posted.
Data improvement_form(Services& s, Ctx& ctx, const FieldErrors& errors, const std::string& action_url,
                      const std::string& default_priority, const std::vector<AgencyId>& suggested_agencies);
ImprovementInput improvement_input(const Ctx& ctx);
// Counts of the actions `within` selects (open, overdue, without a recent update, completed
// without evidence of impact) and the flagged ones listed, for the home page and a group's
// page; sets nothing unless the actor may view learning.
void add_improvement_summary(Services& s, const Actor& actor, const ImprovementFilter& within, Data& data);

// Improvement actions for GET /api/v1/actions, filtered by the query (state, overdue, stale,
// agency_id, priority) and, for the combined list's `status`, by open or overdue.
nlohmann::json improvement_items(Services& s, const Ctx& ctx, bool open_only, bool overdue_only);

void add_learning_routes(std::vector<Route>& routes, Services& s);
void add_improvement_routes(std::vector<Route>& routes, Services& s);
void add_audit_cycle_routes(std::vector<Route>& routes, Services& s);
void add_school_routes(std::vector<Route>& routes, Services& s);  // web/schools.cpp
void add_case_audit_routes(std::vector<Route>& routes, Services& s);  // web/case_audits.cpp
// For a cycle that is a round of school audits: its questions, its results by phase and the
// button that invites settings added since, into the cycle page's data (web/schools.cpp).
void add_school_round(Services& s, Ctx& ctx, const AuditCycle& cycle, bool open_today, Data& data);
void add_learning_api_routes(std::vector<Route>& routes, Services& s);

}  // namespace assure::web
