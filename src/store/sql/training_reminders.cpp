#include "store/sql/training_reminders.hpp"

namespace assure::sql {

bool SqlSessionReminders::mark_reminded(PartnershipId partnership, BookingId booking, Instant at) {
    db_.cached("INSERT INTO training_reminders(booking_id, partnership_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .bind(1, booking.value)
        .bind(2, partnership.value)
        .bind(3, at)
        .run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
