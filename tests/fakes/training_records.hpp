#pragma once
// A course and one session of it written straight through the store's training repository, for
// the tests of what is kept beside sessions (reminders, places not used, quotas) on every layer.
#include <string>

#include "app/ports.hpp"

namespace assure::testing {

// A session of a course of its own (titles are once a partnership), at the Kirkby Suite from
// 09:30 to 16:00, with `capacity` places and no bookings.
inline TrainingSessionId store_session(Transaction& tx, PartnershipId partnership, const std::string& course_title, Date on,
                                       int capacity = 20) {
    Course c;
    c.partnership = partnership;
    c.title = course_title;
    c.duration_minutes = 390;
    TrainingSession t;
    t.partnership = partnership;
    t.course = tx.training().insert_course(c);
    t.on = on;
    t.starts_at = "09:30";
    t.ends_at = "16:00";
    t.venue = "Kirkby Suite";
    t.capacity = capacity;
    return tx.training().insert_session(t);
}

}  // namespace assure::testing
