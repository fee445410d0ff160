#pragma once
// Use case: booking several people on a session at once (issue 16 item 2).
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "core/training.hpp"

namespace assure {

struct GroupBooking {
    std::vector<Booking> bookings;  // in the order typed
    int booked = 0;
    int waiting = 0;
};

// In one write transaction with the session locked: every line is checked first (as typed, and
// not already booked on the session), and if any is wrong nothing is saved and each is named;
// then each person in turn takes a free place or joins the waiting list, is told by email, and
// has an audit row. `agency_id`: the agency they all work for, "" for none.
GroupBooking book_group(Services& s, const Actor& actor, TrainingSessionId session, const std::string& people,
                        const std::string& agency_id);
// The same for people given one by one, as name and email (the API).
GroupBooking book_group(Services& s, const Actor& actor, TrainingSessionId session,
                        const std::vector<std::pair<std::string, std::string>>& people, const std::string& agency_id);

}  // namespace assure
