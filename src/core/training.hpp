#pragma once
// Training (issue 16; DOMAIN.md §6): the partnership's courses, their sessions, bookings with a
// waiting list, the register taken on the day, and the year's figures. Booked and waiting are
// counted by the store from bookings, and figures are turned into totals and rates here, so
// no figure is ever typed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/registers.hpp"  // FinancialYear, percent, date_in_words

namespace assure {

using CourseId = Id<struct CourseTag>;
using TrainingSessionId = Id<struct TrainingSessionTag>;  // not Session: that is a sign-in
using BookingId = Id<struct BookingTag>;

enum class CourseLevel { single_agency, multi_agency_core, specialist };
// booked holds a place; waiting is in the queue for one; cancelled holds neither.
enum class BookingStatus { booked, waiting, cancelled };
// The register on the day, for those who held a place.
enum class Attendance { attended, no_show, cancelled_late };

struct Course {
    CourseId id;
    PartnershipId partnership;
    std::string title;
    CourseLevel level = CourseLevel::multi_agency_core;
    std::string outcomes;   // the learning outcomes, one a line
    std::string audience;   // who it is for
    int duration_minutes = 0;
    std::vector<std::string> priorities;  // the partnership's priorities it answers (learning rules' names)
    Instant created_at = 0;
    int version = 1;
};
FieldErrors validate_course(const Course& c);

struct TrainingSession {
    TrainingSessionId id;
    PartnershipId partnership;
    CourseId course;
    Date on;
    std::string starts_at;    // "09:30", London clock
    std::string ends_at;      // "12:30", after starts_at on the same day
    std::string venue;        // a place, or ""
    std::string online_link;  // an https link, or ""; one of the two is needed
    int capacity = 0;
    std::string trainer;
    Instant created_at = 0;
    int version = 1;
    // Read with the session: its course's title, and counts the store makes from bookings.
    std::string course_title;
    int booked = 0;
    int waiting = 0;
    [[nodiscard]] int open_places() const { return capacity > booked ? capacity - booked : 0; }
};
// `booked`: places already taken; capacity may not fall below it.
FieldErrors validate_session(const TrainingSession& s, int booked);
// "09:30" -> minutes after midnight; nullopt for anything else.
std::optional<int> clock_minutes(std::string_view hhmm);
int session_minutes(const TrainingSession& s);

struct Booking {
    BookingId id;
    PartnershipId partnership;
    TrainingSessionId session;
    std::string name;
    std::string email;             // kept in lower case: one booking per email per session
    std::optional<AgencyId> agency;
    BookingStatus status = BookingStatus::booked;
    std::optional<Attendance> attendance;
    Instant booked_at = 0;
    std::optional<Instant> cancelled_at;
    int position = 0;              // place on the waiting list (1 is next), counted by the store; 0 otherwise
};
FieldErrors validate_booking(const Booking& b);

// Whether a new booking takes a place or joins the waiting list, or why it cannot be made.
// A full session is not an error: the booking waits. `already` is whether this email holds a
// booking (booked or waiting) for the session.
struct BookingDecision {
    std::optional<BookingStatus> status;  // booked or waiting; none when refused
    FieldErrors refusal;
};
BookingDecision decide_booking(const TrainingSession& s, Date today, bool already);
// How many of those waiting take the places that are free (after a cancellation or a rise in capacity).
int places_to_promote(int capacity, int booked, int waiting);
// The register can be taken from the session's day, not before.
bool register_open(const TrainingSession& s, Date today);

// ---- figures for the yearly report (seed 001 §10 and Appendix A) ---------------------------

// What the store counts for each course or agency: bookings that held a place, by the register.
struct AttendanceCounts {
    int attended = 0, no_show = 0, cancelled_late = 0, unrecorded = 0;
    bool operator==(const AttendanceCounts&) const = default;
};
struct TrainingCountLine {
    std::string name;  // the course's title, or the agency's name ("No agency given" for none)
    AttendanceCounts counts;
};
struct TrainingCounts {
    int sessions = 0;
    std::vector<TrainingCountLine> by_course;
    std::vector<TrainingCountLine> by_agency;
};

struct TrainingFigureLine {
    std::string name;
    int delegates = 0;                 // attended: a delegate is someone who came
    int no_shows = 0, cancelled_late = 0, recorded = 0;
    std::optional<int> attendance_percent;  // attended of those whose attendance is recorded
    std::optional<int> no_show_percent;
};
struct TrainingFigures {
    FinancialYear year;
    int sessions = 0;
    TrainingFigureLine total;
    std::vector<TrainingFigureLine> by_course;  // most delegates first, then by name
    std::vector<TrainingFigureLine> by_agency;
};
TrainingFigures training_figures(FinancialYear year, const TrainingCounts& counts);

// ---- keys and labels ------------------------------------------------------------------------

#define ASSURE_TRAINING_NAMES(Enum, lower)                       \
    std::string_view lower##_key(Enum v);                        \
    std::string_view lower##_label(Enum v);                      \
    std::optional<Enum> parse_##lower(std::string_view key);     \
    std::vector<Enum> all_##lower##s();
ASSURE_TRAINING_NAMES(CourseLevel, course_level)
ASSURE_TRAINING_NAMES(BookingStatus, booking_status)
ASSURE_TRAINING_NAMES(Attendance, attendance)
#undef ASSURE_TRAINING_NAMES

}  // namespace assure
