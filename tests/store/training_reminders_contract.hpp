#pragma once
// The store contract for training session reminders (issue 16): a booking's reminder is recorded
// once; a second attempt, from this server or another, is refused without error.
#include "app/ports/training_reminders.hpp"
#include "fakes/training_records.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingRemindersContract : public StoreContract<Factory> {
protected:
    BookingId booking(const char* email) {
        BookingId id;
        this->store->write([&](Transaction& tx) {
            Booking b;
            b.partnership = this->partnership;
            b.session = store_session(tx, this->partnership, std::string("Course for ") + email, Date{2026, 12, 8});
            b.name = "Delegate";
            b.email = email;
            id = tx.training().insert_booking(b);
        });
        return id;
    }
    bool mark(BookingId b, Instant at) {
        bool done = false;
        this->store->write([&](Transaction& tx) { done = dynamic_cast<SessionReminderTransaction&>(tx).session_reminders().mark_reminded(this->partnership, b, at); });
        return done;
    }
};

TYPED_TEST_SUITE_P(TrainingRemindersContract);

TYPED_TEST_P(TrainingRemindersContract, ABookingIsRemindedOnce) {
    const BookingId sam = this->booking("sam@example.org"), jo = this->booking("jo@example.org");
    EXPECT_TRUE(this->mark(sam, 1000));
    EXPECT_FALSE(this->mark(sam, 2000)) << "once";
    EXPECT_TRUE(this->mark(jo, 2000)) << "another booking's is its own";
}

REGISTER_TYPED_TEST_SUITE_P(TrainingRemindersContract, ABookingIsRemindedOnce);

}  // namespace assure::testing
