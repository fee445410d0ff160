#pragma once
// Pieces the governance pages share: choices for forms and the wording of rates and tags.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/governance.hpp"
#include "web/html.hpp"
#include "web/views.hpp"

namespace assure::web {

inline constexpr const char* kDateExample = "For example, 23 11 2026";

std::vector<Option> people_options(Services& s, const Actor& actor);
std::string rate_text(const std::optional<double>& rate);  // "67%" or "No meetings"
// The member's figures as a row: rate, held, attended, apologies, absent, deputy flags.
void set_rate(Data& row, const MemberRate& r);

// GET /api/v1/actions: meeting and improvement actions in one list, paged (actions_api.cpp).
nlohmann::json action_list_body(Services& s, const Ctx& ctx);

void add_group_routes(std::vector<Route>& routes, Services& s);
void add_meeting_routes(std::vector<Route>& routes, Services& s);
void add_governance_report_routes(std::vector<Route>& routes, Services& s);
void add_governance_api_routes(std::vector<Route>& routes, Services& s);

}  // namespace assure::web
