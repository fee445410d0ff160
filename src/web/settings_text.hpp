#pragma once
// How the settings forms write lists as text: one item a line. The annual cycle as
// "September: Annual report published"; audit standards as "code | title | prompt".
#include <string>
#include <vector>

#include "core/settings.hpp"
#include "web/routes.hpp"

namespace assure::web {

std::vector<std::string> cycle_lines(const std::vector<CycleMilestone>& cycle);
std::string cycle_text(const std::vector<CycleMilestone>& cycle);
std::vector<std::string> standard_lines(const std::vector<AuditStandard>& standards);
std::string standards_text(const std::vector<AuditStandard>& standards);
std::string lines_text(const std::vector<std::string>& lines);

// What a section's form asks to change. Throws Failure (invalid) naming the field and line
// when a line is not in the form the hint gives.
SettingsChange change_from_form(const Ctx& ctx, SettingsSection section);

}  // namespace assure::web
