#pragma once
// Who did something is frozen into records as the label "Name <email>" (app/context.hpp's
// Actor); histories show the person's name, and the email only where two people could be confused.
#include <string>
#include <string_view>

namespace assure {

// The name in a label; a label without an email ("system") is its own name.
std::string name_in_label(std::string_view label);
// The email in a label, or "" when it carries none.
std::string email_in_label(std::string_view label);

}  // namespace assure
