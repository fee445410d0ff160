#pragma once
// Use cases of the agencies' quarterly returns to the multi-agency dataset. The business unit
// asks for a quarter's returns, sets when they fall due and follows up those outstanding and
// late; each agency's lead (or the business unit) fills in the agency's figures by form or
// CSV file, all checked before any is saved; a figure corrected keeps the one before and the
// reason. An agency lead sees and changes only their own agency's returns.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/dataset.hpp"
#include "app/paging.hpp"
#include "app/ports/dataset.hpp"
#include "core/dataset_returns.hpp"

namespace assure {

std::optional<DatasetReturnListState> parse_dataset_return_list_state(std::string_view key);  // all, outstanding, late, returned
std::string_view dataset_return_list_state_key(DatasetReturnListState s);

struct DatasetReturnLine {
    DatasetReturn ret;
    DatasetReturnStatus status = DatasetReturnStatus::due;
};

struct DatasetReturnsOverview {
    Page<DatasetReturnLine> lines;  // by due date
    DatasetReturnCounts counts;     // over the actor's returns of the period (every period if none)
    int due_working_days = kDefaultReturnDueWorkingDays;
    bool may_manage = false;  // ask for returns, set the due date: the business unit
    std::vector<DatasetPeriod> quarters;  // that returns can be asked for: those ended, newest first
};

// The returns the actor may see: every agency's for the business unit, the agency's own for its
// lead; filtered by state and quarter ("" every quarter), a page at a time.
DatasetReturnsOverview list_dataset_returns(Services& s, const Actor& actor, DatasetReturnListState state, const std::string& period,
                                     const PageRequest& page);

// Asks every active agency that is the source of an agency-return indicator for its return for
// the quarter, due the partnership's working days after its end. Agencies already asked are
// left as they are. Answers how many were asked now. Invalid for a period that is not an ended
// quarter.
int ask_for_returns(Services& s, const Actor& actor, const std::string& period);

// The business unit sets when a quarter's returns fall due: 0 to 60 working days after it ends.
// Returns already asked for keep their due date.
void set_return_due_working_days(Services& s, const Actor& actor, const std::string& days);

struct DatasetReturnView {
    DatasetReturn ret;
    DatasetReturnStatus status = DatasetReturnStatus::due;
    std::vector<IndicatorDefinition> asked;
    std::vector<IndicatorValue> figures;  // one per asked indicator (no value until returned)
    Page<FigureCorrection> corrections;   // newest first
    bool may_submit = false;
    // The asked codes that the records imported for the period count (the children in need
    // census, the SSDA903 extracts): the scorecard shows the records' figure, not the returned one.
    std::set<std::string> counted_from_records;
};

DatasetReturnView read_dataset_return(Services& s, const Actor& actor, DatasetReturnId id, const PageRequest& corrections_page = {});

// The form's figures: every figure the return asks for, checked as typed. A figure already
// returned that changes needs `reason`. Invalid with a field error per figure, nothing saved;
// stale if the return changed since `expected_version`. Nothing changed: the return as it was.
DatasetReturn submit_return_figures(Services& s, const Actor& actor, DatasetReturnId id, int expected_version,
                                    const std::vector<FigureInput>& figures, const std::string& reason);

// A CSV file of the return's figures (code, period, value or numerator and denominator): every
// row checked (a code this return does not ask for, a bad number, another period), and nothing
// saved if any is refused. The report says what was read, refused and saved.
ImportReport upload_return_figures(Services& s, const Actor& actor, DatasetReturnId id, int expected_version,
                                   const std::string& file_name, std::string_view csv, const std::string& reason);

}  // namespace assure
