#pragma once
// How a partnership's rule set is kept: one JSON document per area in partnership_rules.
// Strict both ways: a key missing or a value of the wrong type is an error naming the column.
#include <string>
#include <string_view>

#include "core/settings.hpp"

namespace assure::sql::settings_rows {

std::string governance_json(const GovernanceRules& rules);
GovernanceRules governance_from(std::string_view stored);
std::string learning_json(const LearningRules& rules);
LearningRules learning_from(std::string_view stored);
std::string registers_json(const RegisterRules& rules);
RegisterRules registers_from(std::string_view stored);
std::string sign_in_json(const SignInRules& rules);
SignInRules sign_in_from(std::string_view stored);

}  // namespace assure::sql::settings_rows
