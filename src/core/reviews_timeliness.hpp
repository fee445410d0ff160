#pragma once
// How far a partnership meets the two statutory clocks of a serious incident, year by year:
// the Panel notified within 5 working days, the rapid review completed within 15 (DOMAIN.md §3;
// seeds 000 and 002 ask the scrutineer to look at both). The rule is here; a store counts
// what it says from the dates standing_of keeps beside each case (core/reviews.hpp).
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace assure {

// A clock's outcome on `today`: met on or before its due date, met after it, missed and still
// not met, or still running; or none, for a clock that never ran (no due date and not met: a
// rapid review before Working Together 2018), which no count includes.
enum class ClockOutcome { in_time, late, overdue, running, none };
ClockOutcome clock_outcome(std::optional<Date> due, std::optional<Date> done, Date today);

struct ClockCounts {
    int in_time = 0;
    int late = 0;
    int overdue = 0;
    int running = 0;
    void add(ClockOutcome o);
    // Those whose outcome is known: met in time, met late, or already missed.
    [[nodiscard]] int decided() const { return in_time + late + overdue; }
    // The share met in time of those whose outcome is known; none when there are none.
    [[nodiscard]] std::optional<double> share_in_time() const;
    bool operator==(const ClockCounts&) const = default;
};

// One financial year (April to March) of cases, by the day the local authority became aware.
struct TimelinessYear {
    int year = 0;  // the year it starts in: 2025 for 2025/26
    ClockCounts notification;
    ClockCounts rapid_review;
    bool operator==(const TimelinessYear&) const = default;
};

// The financial year a case is counted in.
int timeliness_year_of(Date became_aware_on);
std::string timeliness_year_label(int year);  // "2025/26"

}  // namespace assure
