#pragma once
// Use cases of training: courses and sessions set up by the business unit, bookings with a
// waiting list promoted in order when a place frees, the register on the day, the year's
// figures, and the public calendar. Every change writes an audit row of its own shape in the
// change's transaction.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/governance.hpp"  // FeedEvent, for the calendar feed
#include "core/training.hpp"

namespace assure {

// What a person typed, as text: each field is read by core's parsers and named in its error.
struct CourseInput {
    std::string title, level, outcomes, audience, duration_minutes;
    std::vector<std::string> priorities;  // the partnership's priorities, by name
};
struct SessionInput {
    std::string course_id, on, starts_at, ends_at, venue, online_link, capacity, trainer;
};
struct BookingInput {
    std::string name, email, agency_id;  // agency_id: "" for none
};
// One line of the register: a booking and its attendance key ("" to clear it).
struct AttendanceMark {
    std::string booking_id, attendance;
};
struct SessionFilter {
    std::string course_id;  // "" for every course
    bool upcoming = false;  // from today on
};

Course add_course(Services& s, const Actor& actor, const CourseInput& input);
Course update_course(Services& s, const Actor& actor, CourseId id, int expected_version, const CourseInput& input);
Page<Course> list_courses(Services& s, const Actor& actor, const std::string& text, const PageRequest& page);
Course read_course(Services& s, const Actor& actor, CourseId id);

TrainingSession add_session(Services& s, const Actor& actor, const SessionInput& input);
// A capacity below the places booked is a field error; a rise gives free places to those waiting, in order.
TrainingSession update_session(Services& s, const Actor& actor, TrainingSessionId id, int expected_version, const SessionInput& input);
Page<TrainingSession> list_sessions(Services& s, const Actor& actor, const SessionFilter& filter, const PageRequest& page);
TrainingSession read_session(Services& s, const Actor& actor, TrainingSessionId id);

// Counts the places taken and adds the booking in one write transaction, with the session's
// row locked: the booking is booked while a place is free and waiting after. Booking twice
// (the same email on the same session) is a conflict naming the email; a past session is a
// field error on "session".
Booking book_place(Services& s, const Actor& actor, TrainingSessionId session, const BookingInput& input);
// Cancels a booking (the business unit's, or one's own by email); a freed place goes to the
// first on the waiting list. Returns the cancelled booking.
Booking cancel_booking(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking);
// The session's bookings, in the order they arrived (names and emails: the business unit only).
Page<Booking> list_bookings(Services& s, const Actor& actor, TrainingSessionId session, const std::string& status,
                            const PageRequest& page);
// Records the register for bookings that hold a place; from the session's day, not before.
void take_register(Services& s, const Actor& actor, TrainingSessionId session, const std::vector<AttendanceMark>& marks);

TrainingFigures training_year_figures(Services& s, const Actor& actor, FinancialYear year);

// The public calendar (no sign-in): the partnership named by its slug, and its sessions from
// today with a place free. not_found for a slug that names no partnership.
struct PublicCalendar {
    Partnership partnership;
    Page<TrainingSession> sessions;
};
PublicCalendar public_calendar(Services& s, const std::string& slug, const PageRequest& page);
// The slug of the actor's partnership, which names its public calendar.
std::string public_calendar_slug(Services& s, const Actor& actor);
// The same sessions (up to 500) as calendar events, for the ICS feed.
std::vector<FeedEvent> public_calendar_events(Services& s, const std::string& slug);

// The records as written to the audit trail: their own shape, apart from rows and the API.
std::string course_audit_json(const Course& c);
std::string session_audit_json(const TrainingSession& t);
std::string booking_audit_json(const Booking& b);

}  // namespace assure
