#pragma once
// The API's JSON shape of governance records. It is web's: the store keeps its own rows and the
// audit trail its own records, so changing a table changes neither the API nor the trail.
#include <nlohmann/json.hpp>

#include "core/governance.hpp"

namespace assure::web {

nlohmann::json to_json(const Group& g);
nlohmann::json to_json(const Membership& m);
nlohmann::json to_json(const Meeting& m);
nlohmann::json to_json(const ActionItem& a);
nlohmann::json to_json(const Interest& i);

}  // namespace assure::web
