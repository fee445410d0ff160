#pragma once
// Cancelling a place on a training session (issue 16 item 2): a person may give up their own
// place up to a set notice before the session, so that the place can still go to someone
// waiting; after that only the training team can cancel it, and the register records a late
// cancellation (seed 000: no-shows and late cancellations may be charged to the agency).
#include "core/calendar.hpp"
#include "core/date.hpp"

namespace assure {

// Working days' notice a person gives to cancel their own place. Leaving a waiting list needs none.
inline constexpr int kCancellationNoticeWorkingDays = 2;

// The last day a person may cancel their own place on a session held on `session_on`: the working
// day `notice` working days before it.
Date last_day_to_cancel(Date session_on, const WorkingCalendar& calendar, int notice = kCancellationNoticeWorkingDays);

// Whether a person may still cancel their own place on `today`.
bool may_cancel_own_place(Date session_on, Date today, const WorkingCalendar& calendar, int notice = kCancellationNoticeWorkingDays);

// A reminder goes to each delegate with a place `notice` working days before their session
// (issue 16: "reminders two days before"), and any day after that until the session, should
// the day itself be missed; never for a session already held.
inline constexpr int kReminderWorkingDays = 2;
Date reminder_from(Date session_on, const WorkingCalendar& calendar, int notice = kReminderWorkingDays);
bool reminder_due(Date session_on, Date today, const WorkingCalendar& calendar, int notice = kReminderWorkingDays);

}  // namespace assure
