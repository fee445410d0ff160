#pragma once
// RFC 9457 problem documents for the JSON API.
#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "web/routes.hpp"

namespace assure::web {

int status_for(FailureCode code);
void problem(Ctx& ctx, int status, const std::string& title, const std::string& detail = {},
             const FieldErrors& errors = {});
void problem(Ctx& ctx, const Failure& failure);
void json(Ctx& ctx, int status, const nlohmann::json& body);
// Parses the request body as a JSON object; answers 415/400 and returns nullopt if it is not one.
std::optional<nlohmann::json> json_body(Ctx& ctx);

}  // namespace assure::web
