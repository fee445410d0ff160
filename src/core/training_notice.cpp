#include "core/training_notice.hpp"

namespace assure {

Date last_day_to_cancel(Date session_on, const WorkingCalendar& calendar, int notice) {
    return calendar.subtract_working_days(session_on, notice);
}

bool may_cancel_own_place(Date session_on, Date today, const WorkingCalendar& calendar, int notice) {
    return today <= last_day_to_cancel(session_on, calendar, notice);
}

Date reminder_from(Date session_on, const WorkingCalendar& calendar, int notice) {
    return calendar.subtract_working_days(session_on, notice);
}

bool reminder_due(Date session_on, Date today, const WorkingCalendar& calendar, int notice) {
    return today >= reminder_from(session_on, calendar, notice) && today < session_on;
}

}  // namespace assure
