#pragma once
// Port: the reminders sent before training sessions, one a booking (issue 16). A side interface
// of the SQL store's transaction, so that the widely included Transaction is unchanged.
#include "core/training.hpp"

namespace assure {

struct SessionReminderRepo {
    virtual ~SessionReminderRepo() = default;
    // Records the booking's reminder as sent at `at`; false when it was sent already.
    virtual bool mark_reminded(PartnershipId partnership, BookingId booking, Instant at) = 0;
};

struct SessionReminderTransaction {
    virtual ~SessionReminderTransaction() = default;
    virtual SessionReminderRepo& session_reminders() = 0;
};

}  // namespace assure
