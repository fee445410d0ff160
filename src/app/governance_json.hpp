#pragma once
// JSON for governance records, shared by the API, the audit trail and the SQLite store.
#include <nlohmann/json.hpp>

#include "core/governance.hpp"

namespace assure {

nlohmann::json to_json(const Group& g);
Group group_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Membership& m);
Membership membership_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Meeting& m);
Meeting meeting_from_json(const nlohmann::json& j);
nlohmann::json to_json(const ActionItem& a);
ActionItem action_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Interest& i);

}  // namespace assure
