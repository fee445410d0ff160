#pragma once
// Booking a place from the public training calendar, without an account (issue 16 item 2, issue
// 18 item 4): a practitioner gives their name, email and agency; the booking takes a place or
// joins the waiting list by the same rules as any other, and the confirmation goes to that email.
#include <string>
#include <utility>
#include <vector>

#include "app/training.hpp"

namespace assure {

struct PublicBookingForm {
    Partnership partnership;
    TrainingSession session;
    std::vector<std::pair<AgencyId, std::string>> agencies;  // the partnership's active agencies, by name
};
// Not found, all alike: an unknown partnership, another partnership's session, or one already held.
PublicBookingForm public_booking_form(Services& s, const std::string& slug, TrainingSessionId session);

// Audited as made by the public booking form, naming the person as they gave themselves.
Booking book_place_publicly(Services& s, const std::string& slug, TrainingSessionId session, const BookingInput& input);

}  // namespace assure
