#pragma once
// The reminders sent before training sessions, over sql::Connection (app/ports/training_reminders.hpp).
#include "app/ports/training_reminders.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlSessionReminders final : public SessionReminderRepo {
public:
    explicit SqlSessionReminders(Connection& db) : db_(db) {}
    bool mark_reminded(PartnershipId partnership, BookingId booking, Instant at) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
