// Training's repository: courses, sessions (read with their booked and waiting counts) and
// bookings. Lists are keyset pages in SQL; the year's figures are GROUP BY counts. Booking's
// check-then-insert runs in one write transaction, with the session's row locked where the
// engine locks rows (lock_session), so places are never over-given.
#include <algorithm>

#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"
#include "store/sql/text_search.hpp"
#include "store/sql/training_rows.hpp"

namespace assure::sql {
namespace {

using namespace training_rows;

int clamped(const PageRequest& page) { return std::clamp(page.limit, 1, PageRequest::max_limit); }

}  // namespace

// ---- courses -------------------------------------------------------------------------------

Page<Course> SqlTraining::courses(const CourseQuery& f) {
    const int limit = clamped(f.page);
    const NameKey after = name_key(f.page);
    // kCourseColumns with lower(title) after its ten columns, for the cursor.
    auto& q = db_.cached(std::string("SELECT id, partnership_id, title, level, outcomes, audience, duration_minutes, priorities_json, "
                                     "created_at, version, lower(title) FROM training_courses ") +
                         "WHERE partnership_id = ?1 AND (?2 = '' OR " + contains("title", "?2") + ") "
                         "AND (lower(title), id) > (?3, ?4) ORDER BY lower(title), id LIMIT ?5");
    q.bind(1, f.partnership.value).bind(2, like_literal(f.text)).bind(3, after.name).bind(4, after.id).bind(5, limit + 1);
    return name_page<Course>(q, limit, 10, read_course);
}

std::optional<Course> SqlTraining::find_course(PartnershipId partnership, CourseId id) {
    auto& q = db_.cached(std::string(kCourseColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_course(q);
}

bool SqlTraining::course_title_taken(PartnershipId partnership, const std::string& title, CourseId except) {
    auto& q = db_.cached("SELECT 1 FROM training_courses WHERE partnership_id = ? AND lower(title) = lower(?) AND id <> ?");
    q.bind(1, partnership.value).bind(2, title).bind(3, except.value);
    return q.step();
}

CourseId SqlTraining::insert_course(const Course& c) {
    auto& q = db_.cached(
        "INSERT INTO training_courses(title, level, outcomes, audience, duration_minutes, priorities_json, partnership_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const int next = bind_course(q, c);
    q.bind(next, c.partnership.value).bind(next + 1, c.created_at).run();
    return CourseId{db_.last_insert_id()};
}

bool SqlTraining::update_course(const Course& c) {
    auto& q = db_.cached(
        "UPDATE training_courses SET title = ?, level = ?, outcomes = ?, audience = ?, duration_minutes = ?, priorities_json = ?, "
        "version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_course(q, c);
    q.bind(next, c.id.value).bind(next + 1, c.partnership.value).bind(next + 2, c.version).run();
    return db_.changes() == 1;
}

// ---- sessions ------------------------------------------------------------------------------

Page<TrainingSession> SqlTraining::sessions(const SessionQuery& f) {
    const int limit = clamped(f.page);
    std::string after_date, after_start;
    std::int64_t after_id = 0;
    if (!f.page.after.empty()) {
        const auto parts = cursor_parts(f.page.after, 3);
        after_date = parts[0];
        after_start = parts[1];
        after_id = cursor_number(parts[2]);
    }
    auto& q = db_.cached(std::string(kSessionColumns) +
                         "WHERE s.partnership_id = ?1 AND (s.course_id = ?2 OR CAST(?2 AS BIGINT) = 0) "
                         "AND (?3 = '' OR s.on_date >= ?3) AND (?4 = '' OR s.on_date <= ?4) "
                         "AND (?5 = 0 OR s.capacity > (SELECT count(*) FROM training_bookings b "
                         "WHERE b.session_id = s.id AND b.status = 'booked')) "
                         "AND (s.on_date, s.starts_at, s.id) > (?6, ?7, ?8) "
                         "ORDER BY s.on_date, s.starts_at, s.id LIMIT ?9");
    q.bind(1, f.partnership.value)
        .bind(2, f.course ? f.course->value : 0)
        .bind(3, f.from ? f.from->iso() : std::string())
        .bind(4, f.to ? f.to->iso() : std::string())
        .bind(5, f.open_only ? 1 : 0)
        .bind(6, after_date)
        .bind(7, after_start)
        .bind(8, after_id)
        .bind(9, limit + 1);
    std::vector<TrainingSession> rows;
    while (q.step()) rows.push_back(read_session(q));
    return page_of(std::move(rows), limit, [](const TrainingSession& s) {
        return std::vector<std::string>{s.on.iso(), s.starts_at, s.id.str()};
    });
}

std::optional<TrainingSession> SqlTraining::find_session(PartnershipId partnership, TrainingSessionId id) {
    auto& q = db_.cached(std::string(kSessionColumns) + "WHERE s.partnership_id = ? AND s.id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_session(q);
}

std::optional<TrainingSession> SqlTraining::lock_session(PartnershipId partnership, TrainingSessionId id) {
    // The lock is taken on the session's own row first; the counts are then read under it.
    auto& lock = db_.cached(std::string("SELECT id FROM training_sessions WHERE partnership_id = ? AND id = ?") +
                            std::string(db_.lock_rows_clause()));
    lock.bind(1, partnership.value).bind(2, id.value);
    if (!lock.step()) return std::nullopt;
    lock.reset();
    return find_session(partnership, id);
}

TrainingSessionId SqlTraining::insert_session(const TrainingSession& s) {
    auto& q = db_.cached(
        "INSERT INTO training_sessions(course_id, on_date, starts_at, ends_at, venue, online_link, capacity, trainer, "
        "partnership_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const int next = bind_session(q, s);
    q.bind(next, s.partnership.value).bind(next + 1, s.created_at).run();
    return TrainingSessionId{db_.last_insert_id()};
}

bool SqlTraining::update_session(const TrainingSession& s) {
    auto& q = db_.cached(
        "UPDATE training_sessions SET course_id = ?, on_date = ?, starts_at = ?, ends_at = ?, venue = ?, online_link = ?, "
        "capacity = ?, trainer = ?, version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_session(q, s);
    q.bind(next, s.id.value).bind(next + 1, s.partnership.value).bind(next + 2, s.version).run();
    return db_.changes() == 1;
}

// ---- bookings ------------------------------------------------------------------------------

Page<Booking> SqlTraining::bookings(const BookingQuery& f) {
    const int limit = clamped(f.page);
    const std::int64_t after = f.page.after.empty() ? 0 : cursor_number(cursor_parts(f.page.after, 1)[0]);
    auto& q = db_.cached(std::string(kBookingColumns) +
                         "WHERE b.partnership_id = ?1 AND b.session_id = ?2 AND (?3 = '' OR b.status = ?3) AND b.id > ?4 "
                         "ORDER BY b.id LIMIT ?5");
    q.bind(1, f.partnership.value)
        .bind(2, f.session.value)
        .bind(3, f.status ? std::string(booking_status_key(*f.status)) : std::string())
        .bind(4, after)
        .bind(5, limit + 1);
    std::vector<Booking> rows;
    while (q.step()) rows.push_back(read_booking(q));
    return page_of(std::move(rows), limit, [](const Booking& b) { return std::vector<std::string>{b.id.str()}; });
}

std::optional<Booking> SqlTraining::find_booking(PartnershipId partnership, BookingId id) {
    auto& q = db_.cached(std::string(kBookingColumns) + "WHERE b.partnership_id = ? AND b.id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_booking(q);
}

bool SqlTraining::has_booking(TrainingSessionId session, const std::string& email) {
    auto& q = db_.cached("SELECT 1 FROM training_bookings WHERE session_id = ? AND email = ? AND status <> 'cancelled'");
    q.bind(1, session.value).bind(2, email);
    return q.step();
}

BookingId SqlTraining::insert_booking(const Booking& b) {
    auto& q = db_.cached(
        "INSERT INTO training_bookings(partnership_id, session_id, name, email, agency_id, status, attendance, booked_at, "
        "cancelled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, b.partnership.value).bind(2, b.session.value).bind(3, b.name).bind(4, b.email);
    if (b.agency) q.bind(5, b.agency->value);
    else q.bind_null(5);
    q.bind(6, booking_status_key(b.status));
    if (b.attendance) q.bind(7, attendance_key(*b.attendance));
    else q.bind_null(7);
    q.bind(8, b.booked_at);
    if (b.cancelled_at) q.bind(9, *b.cancelled_at);
    else q.bind_null(9);
    q.run();
    return BookingId{db_.last_insert_id()};
}

void SqlTraining::set_booking_status(BookingId id, BookingStatus status, std::optional<Instant> cancelled_at) {
    auto& q = db_.cached("UPDATE training_bookings SET status = ?, cancelled_at = ?, attendance = NULL WHERE id = ?");
    q.bind(1, booking_status_key(status));
    if (cancelled_at) q.bind(2, *cancelled_at);
    else q.bind_null(2);
    q.bind(3, id.value).run();
}

std::vector<BookingId> SqlTraining::first_waiting(TrainingSessionId session, int n) {
    auto& q = db_.cached("SELECT id FROM training_bookings WHERE session_id = ? AND status = 'waiting' ORDER BY id LIMIT ?");
    q.bind(1, session.value).bind(2, n);
    std::vector<BookingId> out;
    while (q.step()) out.push_back(BookingId{q.int64(0)});
    return out;
}

void SqlTraining::set_attendance(BookingId id, std::optional<Attendance> attendance) {
    auto& q = db_.cached("UPDATE training_bookings SET attendance = ? WHERE id = ?");
    if (attendance) q.bind(1, attendance_key(*attendance));
    else q.bind_null(1);
    q.bind(2, id.value).run();
}

// ---- figures -------------------------------------------------------------------------------

TrainingCounts SqlTraining::count_training(PartnershipId partnership, Date from, Date to) {
    TrainingCounts out;
    {
        auto& q = db_.cached("SELECT count(*) FROM training_sessions WHERE partnership_id = ? AND on_date >= ? AND on_date <= ?");
        q.bind(1, partnership.value).bind(2, from.iso()).bind(3, to.iso());
        q.step();
        out.sessions = q.integer(0);
    }
    const std::string counts =
        "count(CASE WHEN b.attendance = 'attended' THEN 1 END), count(CASE WHEN b.attendance = 'no_show' THEN 1 END), "
        "count(CASE WHEN b.attendance = 'cancelled_late' THEN 1 END), count(CASE WHEN b.attendance IS NULL THEN 1 END) ";
    // Bookings that held a place on a session of the period.
    const std::string places =
        "FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id ";
    const std::string where = "WHERE b.partnership_id = ?1 AND s.on_date >= ?2 AND s.on_date <= ?3 AND b.status = 'booked' ";
    const auto read_lines = [&](Statement& q, std::vector<TrainingCountLine>& lines) {
        q.bind(1, partnership.value).bind(2, from.iso()).bind(3, to.iso());
        while (q.step()) {
            TrainingCountLine l;
            l.name = q.is_null(0) ? std::string("No agency given") : q.text(0);
            l.counts = {q.integer(1), q.integer(2), q.integer(3), q.integer(4)};
            lines.push_back(std::move(l));
        }
    };
    read_lines(db_.cached("SELECT c.title, " + counts + places + "JOIN training_courses c ON c.id = s.course_id " + where +
                          "GROUP BY c.id, c.title ORDER BY c.title, c.id"),
               out.by_course);
    read_lines(db_.cached("SELECT a.name, " + counts + places + "LEFT JOIN agencies a ON a.id = b.agency_id " + where +
                          "GROUP BY a.id, a.name ORDER BY a.name, a.id"),
               out.by_agency);
    return out;
}

}  // namespace assure::sql
