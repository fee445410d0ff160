#pragma once
// The agencies' quarterly returns to the multi-agency dataset: which indicators each agency
// returns, when a quarter's return falls due, whether it is late, how a form or a CSV file
// is checked figure by figure, and when a correction needs its reason. Pure rules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/dataset.hpp"
#include "core/dataset_records.hpp"
#include "core/failure.hpp"
#include "core/partnership.hpp"

namespace assure {

using DatasetReturnId = Id<struct DatasetReturnTag>;

// A quarter's return is due this many working days after the quarter ends, unless the
// partnership sets its own number (0 to 60).
constexpr int kDefaultReturnDueWorkingDays = 20;
constexpr int kMaxReturnDueWorkingDays = 60;
constexpr std::size_t kMaxCorrectionReasonLength = 1000;

Date return_due_on(const DatasetPeriod& quarter, int working_days, const WorkingCalendar& calendar);

// Whether a directory agency is the source agency the catalogue names: by name (case-blind),
// or by its statutory role where the catalogue names the local authority ("Local authority
// children's social care", "Local authority designated officer"), the police or health.
bool agency_is_source(const Agency& agency, std::string_view source_agency);
// The indicators an agency fills in each quarter: those it is the source of that come from an
// agency return and are not a rate made from another indicator, in scorecard order.
std::vector<IndicatorDefinition> return_indicators(const std::vector<IndicatorDefinition>& catalogue, const Agency& agency);
// Whether an indicator is asked for as a numerator and denominator (a percentage is always
// recomputed from its parts) rather than as one figure.
bool asks_for_parts(const IndicatorDefinition& d);

enum class DatasetReturnStatus { not_due, due, late, submitted, submitted_late };
std::string_view dataset_return_status_key(DatasetReturnStatus s);
std::string_view dataset_return_status_label(DatasetReturnStatus s);
// Late: not in by the end of the due day, or in after it; not due while the quarter runs.
// `today` is the date in England.
DatasetReturnStatus dataset_return_status(const DatasetPeriod& quarter, Date due_on, std::optional<Date> submitted_on, Date today);

// What the form sent for one indicator, as typed.
struct FigureInput {
    std::string code;
    std::string value;
    std::string numerator;
    std::string denominator;
};
std::string figure_field(std::string_view part, std::string_view code);  // "numerator-cp_started"

// Checks the form's figures for every indicator of the return; each problem names its field
// (figure_field). On success fills `out` with one figure per indicator for `period`.
FieldErrors check_return_form(const std::vector<IndicatorDefinition>& asked, const std::vector<FigureInput>& inputs,
                              const DatasetPeriod& period, std::vector<ReturnedValue>& out);

// Rows of a return's CSV file (read with read_indicator_values against the return's codes)
// that are for another period are refused; on a first return, an indicator the file leaves
// out is refused as the file's (line 0). Returns the refusals, in line order.
std::vector<Refusal> check_return_rows(const std::vector<ReturnedValue>& rows, const std::vector<IndicatorDefinition>& asked,
                                       const DatasetPeriod& period, bool first_return);

// Whether a returned figure differs from the one stored for its code and period.
bool figure_changed(const IndicatorValue& before, const ReturnedValue& after);
// A figure already returned that changes needs a reason; the reason is trimmed and bounded.
FieldErrors check_correction_reason(bool corrects, const std::string& reason);

}  // namespace assure
