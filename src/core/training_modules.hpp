#pragma once
// Online modules (issue 16 item 1; seed 001 Appendix A: "925 practitioners applied to access
// online training via the Virtual College, 701 practitioners successfully completed their online
// module"). The partnership buys modules from an e-learning provider; each practitioner who
// applies is an enrolment that may be started and completed. Assure keeps the modules and reads
// the provider's report of enrolments; the year's figures are counted here, not typed.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/registers.hpp"  // FinancialYear, percent

namespace assure {

using ModuleId = Id<struct ModuleTag>;
using EnrolmentId = Id<struct EnrolmentTag>;

struct OnlineModule {
    ModuleId id;
    PartnershipId partnership;
    std::string title;
    std::string provider;  // "Virtual College"; "" when the partnership's own
    std::string link;      // https, where a practitioner applies; "" when none
    bool active = true;    // an inactive module takes no new enrolments from a report
    int version = 0;
};
struct ModuleInput {
    std::string title, provider, link;
    bool active = true;
};
// A module as typed, or its field errors ("title", "provider", "link").
std::optional<OnlineModule> check_module(const ModuleInput& in, FieldErrors& errors);

// One practitioner on one module, as the provider reports it. A practitioner is their email.
struct ModuleEnrolment {
    EnrolmentId id;
    ModuleId module;
    std::string module_title;  // read with the row
    std::string name, email;   // email lower-cased
    std::string organisation;  // as the report names it
    AgencyId agency;           // the partnership's agency it names, when one does
    std::string agency_name;   // read with the row; the organisation when no agency matched
    Date applied_on;
    std::optional<Date> started_on, completed_on;
};
enum class ModuleStage { applied, started, completed };
ModuleStage stage_of(const ModuleEnrolment& e);
std::string_view module_stage_label(ModuleStage s);  // "Applied", "Started", "Completed"

// What the sheet is read against: the partnership's modules by lower-cased title, and its
// agencies by lower-cased name and organisation code.
struct EnrolmentSheetContext {
    std::map<std::string, ModuleId> modules;
    std::map<std::string, std::pair<AgencyId, std::string>> agencies;  // -> id and name
};
// The provider's report as CSV (an XLSX is turned into CSV first), one enrolment a row under a
// row of headings: Module, Name, Email, Organisation, Applied, Started, Completed (dates as
// 2016-04-05 or 05/04/2016; Started and Completed may be blank). Other columns are ignored.
// All or none: a wrong row names itself and the error is `field`'s.
std::vector<ModuleEnrolment> read_enrolment_sheet(std::string_view csv, const EnrolmentSheetContext& context, const std::string& field,
                                                  FieldErrors& errors);
const std::vector<std::string>& enrolment_sheet_headings();
inline constexpr std::size_t kMaxEnrolmentRows = 20000;

// The year's figures. An enrolment belongs to the year it was applied for in; started and
// completed count those of its applications that have been, whenever. Practitioners are counted
// once however many modules they applied for (distinct emails), and a practitioner completed
// when they completed at least one module of the year.
struct ModuleFigureLine {
    std::string name;
    ModuleId module;  // on a module's line only
    int applied = 0, started = 0, completed = 0;
    std::optional<int> completion_percent;  // completed of applied
};
struct ModuleFigures {
    FinancialYear year;
    int practitioners_applied = 0;
    int practitioners_completed = 0;
    std::vector<ModuleFigureLine> by_module;  // by title
    std::vector<ModuleFigureLine> by_agency;  // most applications first, then by name
    ModuleFigureLine total;                   // enrolments, named "All modules"
};
// `enrolments`: those applied for in `year`; `modules` lists every module, so that one nobody
// applied for shows as none rather than missing.
ModuleFigures module_figures(FinancialYear year, const std::vector<OnlineModule>& modules, const std::vector<ModuleEnrolment>& enrolments);
inline constexpr const char* kNoOrganisationGiven = "No organisation given";

}  // namespace assure
