#pragma once
// Use cases: online modules (issue 16 item 1). The business unit keeps the partnership's modules
// and imports the provider's report of who applied, started and completed; everyone who sees
// training reads the year's figures, by module and by agency (seed 001 Appendix A). Every change
// is audited in its transaction.
#include <string_view>

#include "app/context.hpp"
#include "app/paging.hpp"
#include "core/training_modules.hpp"

namespace assure {

struct ModuleList {
    std::vector<OnlineModule> modules;  // by title
    ModuleFigures figures;              // the year's
    bool may_manage = false;
};
ModuleList list_modules(Services& s, const Actor& actor, FinancialYear year);

// A title the partnership has already is refused (field "title").
OnlineModule add_module(Services& s, const Actor& actor, const ModuleInput& input);
// Stale when `expected_version` is not the module's; not found outside the actor's partnership.
OnlineModule update_module(Services& s, const Actor& actor, ModuleId id, const ModuleInput& input, int expected_version);

struct ModuleView {
    OnlineModule module;
    ModuleFigures figures;  // the year's, of this module only: its line and its agencies
    Page<ModuleEnrolment> enrolments;  // every year's, by name
    bool may_manage = false;
};
ModuleView read_module(Services& s, const Actor& actor, ModuleId id, FinancialYear year, const PageRequest& page);

struct EnrolmentImport {
    int added = 0, updated = 0, unchanged = 0;
};
// The provider's report (core/training_modules.hpp says its columns), all or none: a wrong row
// (field "file") saves nothing. A practitioner already enrolled on a module takes the report's
// dates. A module made inactive (no longer offered) keeps its enrolments and figures.
EnrolmentImport import_enrolments(Services& s, const Actor& actor, std::string_view csv);

}  // namespace assure
