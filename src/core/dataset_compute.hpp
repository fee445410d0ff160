#pragma once
// Indicators computed from a financial year's records, and every indicator's figure for a
// period assembled from those, the agencies' returns and the population.
#include <optional>
#include <vector>

#include "core/dataset.hpp"
#include "core/dataset_records.hpp"

namespace assure {

// One financial year's records: the year's SSDA903 header, episodes and missing episodes (of
// looked-after children and of all children: the same episode in both is counted once), and
// the mid-year population of children.
struct YearRecords {
    int year = 0;  // the financial year's first year (2016 for 2016/17)
    std::vector<ChildRecord> children;
    std::vector<EpisodeRecord> episodes;
    std::vector<MissingRecord> missing;
    std::optional<std::int64_t> population;
};

// The record-level indicators (cla, cla_rate, cla_started, cla_ceased, cla_three_placements,
// cla_long_term_stability, missing_children, missing_episodes, missing_cla_children,
// missing_cla_episodes, missing_three_in_90_days) for the year and each of its quarters, and
// missing_rhi_offered_72h when the missing records carry the days return interviews were
// offered. Linear in the records after one sort by child.
std::vector<IndicatorValue> compute_year(const YearRecords& records);
// 72 hours, with days only: offered on the day of return or within the three days after it.
inline constexpr int kReturnInterviewDays = 3;

// Every catalogue indicator's figure for `period`. `computed` are compute_year's figures;
// `returned` the agencies' figures (any periods). A year an agency did not return is made
// from its quarters by the indicator's rule: counts summed, a snapshot from the last
// quarter, a ratio from the summed numerators and denominators; distinct children cannot be
// made from quarters. A rate is recomputed from its count and the population. An indicator
// agencies return that the records also counted (return interviews, when the missing file
// carries their days; the census's indicators) takes the records' figure, and a ratio they had
// nothing to count in (0 of 0) stays without one rather than taking the return's.
std::vector<IndicatorValue> assemble(const std::vector<IndicatorDefinition>& catalogue, DatasetPeriod period,
                                     const std::vector<IndicatorValue>& computed, const std::vector<IndicatorValue>& returned,
                                     std::optional<std::int64_t> population);

}  // namespace assure
