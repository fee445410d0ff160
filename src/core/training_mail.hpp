#pragma once
// What a person booking training is told by email: their place or their number on the waiting
// list, and later the place that came free. Plain text, dates in words, no one else's details.
#include <string>

#include "core/mail.hpp"
#include "core/training.hpp"

namespace assure {

// A booking as made: a place (status booked) or a number on the waiting list (status waiting).
MailText booking_mail_text(const std::string& partnership_name, const TrainingSession& session, const Booking& booking);
// A place given from the waiting list when one came free.
MailText promotion_mail_text(const std::string& partnership_name, const TrainingSession& session, const Booking& booking);
// The reminder shortly before the session, to a delegate with a place.
MailText reminder_mail_text(const std::string& partnership_name, const TrainingSession& session, const Booking& booking);

}  // namespace assure
