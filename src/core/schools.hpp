#pragma once
// The area's schools, colleges and early years settings (issue 20 item 3): a register imported
// from a spreadsheet (Get Information about Schools' columns or the template's), each setting an
// agency of the partnership carrying its URN, with its phase, its type and its designated
// safeguarding lead; which safeguarding duty it answers to, and so which questions its audit
// asks; who a round of school audits invites; and a round's results by phase.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/learning.hpp"

namespace assure {

inline constexpr std::size_t kMaxSchoolRows = 2000;  // a large county has about 700 schools

enum class SchoolPhase { early_years, nursery, primary, secondary, all_through, special, alternative_provision, college };

// The law a setting's safeguarding duty comes from, which decides the questions it is asked:
// section 175 of the Education Act 2002 (maintained schools, pupil referral units, further
// education and sixth form colleges), section 157 (independent schools, academies and free
// schools, which are independent schools in law) and the early years foundation stage's
// safeguarding and welfare requirements (nurseries, pre-schools and childminders on Ofsted's
// Early Years Register).
enum class SchoolDuty { section_175, section_157, early_years };

struct School {
    PartnershipId partnership;
    AgencyId agency;              // the setting as an agency of the partnership
    std::string urn;              // "104478", or Ofsted's "EY123456" for an early years setting
    std::string name;             // the agency's name
    SchoolPhase phase = SchoolPhase::primary;
    std::string establishment_type;  // as Get Information about Schools names it: "Community school"
    SchoolDuty duty = SchoolDuty::section_175;
    PersonId lead;                // the designated safeguarding lead; not valid() when none is known
    std::string lead_name = {};   // read with the register, for the page
    std::string lead_email = {};
    bool active = true;           // the agency's
    int version = 1;
};

std::string_view school_phase_key(SchoolPhase p);
std::string_view school_phase_label(SchoolPhase p);
std::optional<SchoolPhase> parse_school_phase_key(std::string_view key);
const std::vector<SchoolPhase>& all_school_phases();
std::string_view school_duty_key(SchoolDuty d);
std::string_view school_duty_label(SchoolDuty d);  // "Section 157 (independent schools and academies)"
std::optional<SchoolDuty> parse_school_duty(std::string_view key);

// The phase from a sheet's phase and type, in Get Information about Schools' words ("Primary",
// "Middle deemed secondary", "16 plus", "Not applicable" with "Pupil referral unit") or the
// template's ("Special", "Early years"); nullopt when neither says.
std::optional<SchoolPhase> phase_from(std::string_view phase, std::string_view type, std::string_view urn);
// The duty a setting answers to, from its phase and type (see SchoolDuty).
SchoolDuty duty_of(SchoolPhase phase, std::string_view type);

// A URN: six digits (the DfE's), or EY and six digits (Ofsted's early years register).
bool is_urn(std::string_view text);

// A round of school audits: an audit cycle of Section 175's kind asking one duty's questions,
// of the settings in the phases chosen (every phase when none is).
struct SchoolRound {
    AuditCycleId cycle;
    SchoolDuty duty = SchoolDuty::section_175;
    std::vector<SchoolPhase> phases = {};
};

// One row of the register as typed or read from a sheet, before it is trusted.
struct SchoolInput {
    std::string urn, name, phase, type, lead_name, lead_email;
    std::string status = {};  // a download's "Open", "Closed", "Open, but proposed to close"
};
// Checks one setting: a URN, a name, a phase the words say, a lead with an email or none. A
// setting whose status is "Closed" comes back not active.
std::optional<School> check_school(const SchoolInput& in, FieldErrors& errors, const std::string& prefix = {});

// An uploaded register, as CSV text with a heading row. Headings as Get Information about
// Schools exports them ("URN", "EstablishmentName", "TypeOfEstablishment (name)",
// "PhaseOfEducation (name)", "EstablishmentStatus (name)") or as the template has them ("URN", "Name", "Type", "Phase",
// "Designated safeguarding lead", "Lead's email"); other columns are ignored, as an export has
// many. All or none: each wrong row named by its row, a URN twice in the file refused.
std::vector<School> read_school_sheet(std::string_view csv, const std::string& field, FieldErrors& errors);
const std::vector<std::string>& school_sheet_headings();  // the template's, in order

// The questions each duty's audit asks by default: section 175's are the partnership's own
// (LearningRules::section_175); section 157's and the early years' are these.
std::vector<AuditStandard> default_section_157();
std::vector<AuditStandard> default_early_years();
std::vector<AuditStandard> standards_for(SchoolDuty duty, const LearningRules& rules);

// The active settings of the duty a round asks about, in the phases chosen (every phase when
// none is), not yet invited to it: who "invite the schools" adds.
std::vector<AgencyId> schools_to_invite(SchoolDuty duty, const std::vector<SchoolPhase>& phases, const std::vector<School>& register_,
                                        const std::vector<AgencyId>& already_invited);

// A round's results for the settings of one phase: how many were invited and submitted, how
// many submitted returns have a gap, and the results by standard over that phase's returns.
struct PhaseResult {
    SchoolPhase phase = SchoolPhase::primary;
    int invited = 0;
    int submitted = 0;
    int with_gaps = 0;
    std::vector<StandardResult> standards;
    // The share of invited settings that submitted; none when none was invited.
    [[nodiscard]] std::optional<double> completion() const {
        return invited > 0 ? std::optional<double>(static_cast<double>(submitted) / invited) : std::nullopt;
    }
};
// One line per phase with an invited setting, in the phases' order; returns of agencies that
// are not in the register are left out (they are not schools).
std::vector<PhaseResult> results_by_phase(const AuditCycle& cycle, const std::vector<AuditReturn>& returns,
                                          const std::vector<School>& register_);

}  // namespace assure
