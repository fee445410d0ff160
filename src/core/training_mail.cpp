#include "core/training_mail.hpp"

#include "core/date_words.hpp"

namespace assure {
namespace {

std::string when_and_where(const TrainingSession& t) {
    std::string out = date_in_words(t.on) + ", " + t.starts_at + " to " + t.ends_at;
    if (!t.venue.empty()) out += ", at " + t.venue;
    if (!t.online_link.empty()) out += ", online: " + t.online_link;
    return out;
}

std::string greeting(const Booking& b) { return "Dear " + (b.name.empty() ? std::string("colleague") : b.name) + ",\n\n"; }

std::string signed_off(const std::string& partnership_name) { return "\n\n" + partnership_name + "\n"; }

const std::string kCancelFreely =
    "If you can no longer come, cancel your booking so that the place goes to the first person waiting.";

}  // namespace

MailText booking_mail_text(const std::string& partnership_name, const TrainingSession& t, const Booking& b) {
    if (b.status == BookingStatus::waiting) {
        return {"Waiting list: " + t.course_title + ", " + date_in_words(t.on),
                greeting(b) + "The session of " + t.course_title + " on " + when_and_where(t) +
                    " is full. You are number " + std::to_string(b.position) +
                    " on its waiting list. If a place comes free it goes to the first person waiting, and we will email you "
                    "if it is yours." +
                    signed_off(partnership_name)};
    }
    return {"Your place: " + t.course_title + ", " + date_in_words(t.on),
            greeting(b) + "You have a place on " + t.course_title + " on " + when_and_where(t) + ".\n\n" + kCancelFreely +
                signed_off(partnership_name)};
}

MailText promotion_mail_text(const std::string& partnership_name, const TrainingSession& t, const Booking& b) {
    return {"A place for you: " + t.course_title + ", " + date_in_words(t.on),
            greeting(b) + "A place came free on " + t.course_title + " on " + when_and_where(t) +
                ", and it is yours: you were first on the waiting list.\n\n" + kCancelFreely + signed_off(partnership_name)};
}

MailText reminder_mail_text(const std::string& partnership_name, const TrainingSession& t, const Booking& b) {
    return {"Reminder: " + t.course_title + ", " + date_in_words(t.on),
            greeting(b) + "A reminder that you have a place on " + t.course_title + " on " + when_and_where(t) +
                ".\n\nIf you can no longer come, tell the training team as soon as you can, so that the place goes to someone waiting." +
                signed_off(partnership_name)};
}

}  // namespace assure
