#include "core/reviews_timeliness.hpp"

#include "core/dataset.hpp"

namespace assure {

ClockOutcome clock_outcome(std::optional<Date> due, std::optional<Date> done, Date today) {
    if (done) return !due || *done <= *due ? ClockOutcome::in_time : ClockOutcome::late;
    if (!due) return ClockOutcome::none;
    return today > *due ? ClockOutcome::overdue : ClockOutcome::running;
}

void ClockCounts::add(ClockOutcome o) {
    switch (o) {
        case ClockOutcome::in_time: ++in_time; break;
        case ClockOutcome::late: ++late; break;
        case ClockOutcome::overdue: ++overdue; break;
        case ClockOutcome::running: ++running; break;
        case ClockOutcome::none: break;
    }
}

std::optional<double> ClockCounts::share_in_time() const {
    if (decided() == 0) return std::nullopt;
    return static_cast<double>(in_time) / decided();
}

int timeliness_year_of(Date became_aware_on) { return DatasetPeriod::year_of(became_aware_on).year; }

std::string timeliness_year_label(int year) { return DatasetPeriod{year, 0}.label(); }

}  // namespace assure
