#include "store/sql/training_rows.hpp"

#include <nlohmann/json.hpp>

#include "store/sql/strict.hpp"

namespace assure::sql::training_rows {
namespace {

constexpr const char* kCourses = "training_courses";
constexpr const char* kSessions = "training_sessions";
constexpr const char* kBookings = "training_bookings";

std::vector<std::string> strict_priorities(const std::string& stored) {
    const auto j = nlohmann::json::parse(stored, nullptr, false);
    if (!j.is_array()) unknown_value(kCourses, "priorities_json", stored);
    std::vector<std::string> out;
    for (const auto& p : j) {
        if (!p.is_string()) unknown_value(kCourses, "priorities_json", stored);
        out.push_back(p.get<std::string>());
    }
    return out;
}

}  // namespace

const char* const kCourseColumns =
    "SELECT id, partnership_id, title, level, outcomes, audience, duration_minutes, priorities_json, created_at, version "
    "FROM training_courses ";

Course read_course(const Statement& q) {
    Course c;
    c.id = CourseId{q.int64(0)};
    c.partnership = PartnershipId{q.int64(1)};
    c.title = q.text(2);
    c.level = strict_enum(kCourses, "level", q.text(3), parse_course_level);
    c.outcomes = q.text(4);
    c.audience = q.text(5);
    c.duration_minutes = q.integer(6);
    c.priorities = strict_priorities(q.text(7));
    c.created_at = q.int64(8);
    c.version = q.integer(9);
    return c;
}

int bind_course(Statement& q, const Course& c) {
    q.bind(1, c.title).bind(2, course_level_key(c.level)).bind(3, c.outcomes).bind(4, c.audience).bind(5, c.duration_minutes);
    q.bind(6, nlohmann::json(c.priorities).dump());
    return 7;
}

// The counts are subqueries on training_bookings_by_session: one statement however many rows.
const char* const kSessionColumns =
    "SELECT s.id, s.partnership_id, s.course_id, s.on_date, s.starts_at, s.ends_at, s.venue, s.online_link, s.capacity, "
    "s.trainer, s.created_at, s.version, c.title, "
    "(SELECT count(*) FROM training_bookings b WHERE b.session_id = s.id AND b.status = 'booked'), "
    "(SELECT count(*) FROM training_bookings b WHERE b.session_id = s.id AND b.status = 'waiting') "
    "FROM training_sessions s JOIN training_courses c ON c.id = s.course_id ";

TrainingSession read_session(const Statement& q) {
    TrainingSession s;
    s.id = TrainingSessionId{q.int64(0)};
    s.partnership = PartnershipId{q.int64(1)};
    s.course = CourseId{q.int64(2)};
    s.on = strict_date(q, 3, kSessions, "on_date");
    s.starts_at = q.text(4);
    s.ends_at = q.text(5);
    if (!clock_minutes(s.starts_at)) unknown_value(kSessions, "starts_at", s.starts_at);
    if (!clock_minutes(s.ends_at)) unknown_value(kSessions, "ends_at", s.ends_at);
    s.venue = q.text(6);
    s.online_link = q.text(7);
    s.capacity = q.integer(8);
    s.trainer = q.text(9);
    s.created_at = q.int64(10);
    s.version = q.integer(11);
    s.course_title = q.text(12);
    s.booked = q.integer(13);
    s.waiting = q.integer(14);
    return s;
}

int bind_session(Statement& q, const TrainingSession& s) {
    q.bind(1, s.course.value).bind(2, s.on.iso()).bind(3, s.starts_at).bind(4, s.ends_at).bind(5, s.venue).bind(6, s.online_link);
    q.bind(7, s.capacity).bind(8, s.trainer);
    return 9;
}

const char* const kBookingColumns =
    "SELECT b.id, b.partnership_id, b.session_id, b.name, b.email, b.agency_id, b.status, b.attendance, b.booked_at, "
    "b.cancelled_at, CASE WHEN b.status = 'waiting' THEN (SELECT count(*) FROM training_bookings w "
    "WHERE w.session_id = b.session_id AND w.status = 'waiting' AND w.id <= b.id) ELSE 0 END "
    "FROM training_bookings b ";

Booking read_booking(const Statement& q) {
    Booking b;
    b.id = BookingId{q.int64(0)};
    b.partnership = PartnershipId{q.int64(1)};
    b.session = TrainingSessionId{q.int64(2)};
    b.name = q.text(3);
    b.email = q.text(4);
    if (!q.is_null(5)) b.agency = AgencyId{q.int64(5)};
    b.status = strict_enum(kBookings, "status", q.text(6), parse_booking_status);
    if (!q.is_null(7)) b.attendance = strict_enum(kBookings, "attendance", q.text(7), parse_attendance);
    b.booked_at = q.int64(8);
    if (!q.is_null(9)) b.cancelled_at = q.int64(9);
    b.position = q.integer(10);
    return b;
}

}  // namespace assure::sql::training_rows
