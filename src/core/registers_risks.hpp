#pragma once
// Two more of the partnership's registers on the registers pattern (decision 0013): the risk
// register (what could stop the partnership keeping children safe, scored likelihood × impact
// before and after its controls, owned by a person of the partnership and escalated to the
// partners when it must be) and escalations and professional disagreements (a practitioner's
// challenge moving through four stages until it is resolved or withdrawn). Scores, bands,
// stage deadlines and lateness are worked out here, from values, and stored for SQL to count.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/registers.hpp"

namespace assure {

using RiskId = Id<struct RiskTag>;
using EscalationId = Id<struct EscalationTag>;

// ---- risks --------------------------------------------------------------------------------

enum class RiskStatus { open, closed };
enum class RiskBand { low, medium, high, very_high };
// Which score a list, filter or heat map reads: as the risk stands without its controls, or with them.
enum class RiskBasis { before, after };

constexpr int kRiskScale = 5;         // likelihood and impact are each 1 to 5
constexpr std::size_t kMaxRiskActions = 10;

struct Risk {
    RiskId id;
    PartnershipId partnership;
    std::string title;
    std::string description;
    std::string cause;
    std::string effect;
    PersonId owner;                   // a person of the partnership's directory
    int likelihood_before = 0, impact_before = 0;
    int likelihood_after = 0, impact_after = 0;  // with the controls in place
    std::string controls;
    std::vector<ImprovementId> actions;  // action-plan actions that reduce it, in id order
    Date raised_on;
    Date review_on;
    RiskStatus status = RiskStatus::open;
    std::optional<Date> closed_on;
    std::optional<Date> escalated_on;    // escalated to the safeguarding partners
    // The code of the partnership's dataset indicator it was raised from (risk_indicators.hpp),
    // if it was raised from one: the catalogue's key, kept whatever the indicator now shows.
    std::optional<std::string> indicator;
    Instant created_at = 0;
    int version = 1;
};

int score_before(const Risk& r);
int score_after(const Risk& r);
RiskBand band_of(int score, const RegisterRules& rules);
// The scores from and to which a band runs under the rules (for filtering stored scores).
std::pair<int, int> band_scores(RiskBand band, const RegisterRules& rules);
// Open, and its review date has passed (today in England).
bool review_overdue(const Risk& r, Date today);
FieldErrors validate_risk(const Risk& r, Date today);

// Counts of open risks in each cell of the 5×5 grid, as the store counts them.
using RiskGrid = std::map<std::pair<int, int>, int>;  // (likelihood, impact) -> risks
struct HeatCell {
    int likelihood = 0, impact = 0, score = 0, risks = 0;
    RiskBand band = RiskBand::low;
};
// Rows from impact 5 (top) to 1, each with likelihood 1 to 5, as the matrix is drawn.
std::vector<std::vector<HeatCell>> heat_map(const RiskGrid& grid, const RegisterRules& rules);

// What the store counts for a financial year.
struct RiskCounts {
    int raised = 0;            // raised in the year
    int closed = 0;            // closed in the year
    int escalated = 0;         // escalated to the partners in the year
    int open_at_year_end = 0;  // raised by 31 March and not closed by it
    std::map<int, int> open_by_score_before, open_by_score_after;  // of those open at the year's end
};
struct RiskFigures {
    FinancialYear year;
    RiskCounts counts;
    std::vector<std::pair<RiskBand, int>> by_band_before, by_band_after;  // every band, low first
};
RiskFigures risk_figures(FinancialYear year, const RiskCounts& counts, const RegisterRules& rules);

// ---- escalations and professional disagreements ---------------------------------------------

constexpr int kEscalationStages = 4;  // 1 practitioners, 2 managers, 3 senior managers, 4 the partnership
enum class EscalationOutcome { open, resolved, withdrawn };

struct Escalation {
    EscalationId id;
    PartnershipId partnership;
    std::string reference;               // the partnership's reference: never a practitioner's or child's name
    AgencyId raised_by;                  // the agency of the practitioner who raised it
    std::string raised_by_role;          // "Social worker", "Health visitor"
    std::vector<AgencyId> agencies;      // the other agencies in the disagreement, in id order
    std::string concern;                 // what the disagreement is about
    // The day each stage was reached; stage 1 is the day it was raised. Stages are reached in order.
    std::array<std::optional<Date>, kEscalationStages> stage_on;
    EscalationOutcome outcome = EscalationOutcome::open;
    std::optional<Date> closed_on;       // resolved or withdrawn
    std::string learning;
    // Derived on write from the rules of the day (a change of timescales applies to stages
    // reached after it): the last working day of each stage reached, and whether it ran past it.
    std::array<std::optional<Date>, kEscalationStages> stage_due;
    std::array<std::optional<bool>, kEscalationStages> stage_late;  // none while the stage is current
    Instant created_at = 0;
    int version = 1;
};

int stage_of(const Escalation& e);  // the highest stage reached, 1 to 4
int stage_working_days(int stage, const RegisterRules& rules);
// Fills stage_due and stage_late from the stage dates, the outcome and the rules.
void derive_timescales(Escalation& e, const RegisterRules& rules, const WorkingCalendar& calendar);
// Open, and its current stage's last working day has passed.
bool escalation_overdue(const Escalation& e, Date today);
FieldErrors validate_escalation(const Escalation& e, Date today);

struct EscalationCounts {
    int raised = 0;                                  // raised (stage 1) in the year
    std::array<int, kEscalationStages> reached{};    // stage reached in the year
    std::array<int, kEscalationStages> resolved{};   // resolved at that stage in the year
    std::array<int, kEscalationStages> late{};       // of stages reached in the year, ran past their days
    std::array<int, kEscalationStages> ended{};      // of stages reached in the year, ended (moved on or closed)
    int withdrawn = 0;                               // withdrawn in the year
    int open_at_year_end = 0;
    std::map<AgencyId, int> raised_by_agency;        // raised in the year, by the raising agency
    std::map<AgencyId, int> involving_agency;        // raised in the year, by each agency involved
};
struct StageFigure {
    int stage = 1;
    int reached = 0, resolved = 0, ended = 0, late = 0;
    std::optional<int> on_time_percent;  // of those ended
};
struct AgencyLine {
    AgencyId agency;
    std::string name;
    int raised = 0, involved = 0;
};
struct EscalationFigures {
    FinancialYear year;
    EscalationCounts counts;
    int resolved = 0;                    // at any stage
    std::vector<StageFigure> stages;     // 1 to 4
    std::vector<AgencyLine> agencies;    // most raised first, then by name
};
EscalationFigures escalation_figures(FinancialYear year, const EscalationCounts& counts,
                                     const std::map<AgencyId, std::string>& agency_names);
std::string_view stage_label(int stage);  // "Stage 2: managers"

#define ASSURE_REGISTER_NAMES(Enum, lower)                   \
    std::string_view lower##_key(Enum v);                    \
    std::string_view lower##_label(Enum v);                  \
    std::optional<Enum> parse_##lower(std::string_view key); \
    std::vector<Enum> all_##lower##s();
ASSURE_REGISTER_NAMES(RiskStatus, risk_status)
ASSURE_REGISTER_NAMES(RiskBand, risk_band)
ASSURE_REGISTER_NAMES(RiskBasis, risk_basis)
ASSURE_REGISTER_NAMES(EscalationOutcome, escalation_outcome)
#undef ASSURE_REGISTER_NAMES

}  // namespace assure
