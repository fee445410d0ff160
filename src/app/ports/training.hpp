#pragma once
// Ports: training. Lists take a query object and answer a keyset page in SQL; a session is read
// with its booked and waiting counts, counted in the same statement; the year's figures are
// counted with GROUP BY, never by loading bookings.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/training.hpp"

namespace assure {

// Order: lower(title), then id.
struct CourseQuery {
    PartnershipId partnership;
    std::string text;  // part of the title
    PageRequest page;
};

// Order: date, start time, then id (soonest first).
struct SessionQuery {
    PartnershipId partnership;
    std::optional<CourseId> course;
    std::optional<Date> from;  // on or after
    std::optional<Date> to;    // on or before
    bool open_only = false;    // with a place free
    PageRequest page;
};

// Order: id (the order bookings arrived in).
struct BookingQuery {
    PartnershipId partnership;
    TrainingSessionId session;
    std::optional<BookingStatus> status;
    PageRequest page;
};

struct TrainingRepo {
    virtual ~TrainingRepo() = default;

    virtual Page<Course> courses(const CourseQuery& query) = 0;
    virtual std::optional<Course> find_course(PartnershipId partnership, CourseId id) = 0;
    virtual bool course_title_taken(PartnershipId partnership, const std::string& title, CourseId except) = 0;
    virtual CourseId insert_course(const Course& c) = 0;
    // Writes only if the stored version still equals c.version; false when it does not.
    virtual bool update_course(const Course& c) = 0;

    virtual Page<TrainingSession> sessions(const SessionQuery& query) = 0;
    virtual std::optional<TrainingSession> find_session(PartnershipId partnership, TrainingSessionId id) = 0;
    // The same, locking the session's row until the transaction ends (called inside a write),
    // so that counting its bookings and adding one cannot interleave with another writer.
    virtual std::optional<TrainingSession> lock_session(PartnershipId partnership, TrainingSessionId id) = 0;
    virtual TrainingSessionId insert_session(const TrainingSession& s) = 0;
    virtual bool update_session(const TrainingSession& s) = 0;

    virtual Page<Booking> bookings(const BookingQuery& query) = 0;
    virtual std::optional<Booking> find_booking(PartnershipId partnership, BookingId id) = 0;
    // Whether this email (lower case) holds a booked or waiting booking for the session.
    virtual bool has_booking(TrainingSessionId session, const std::string& email) = 0;
    virtual BookingId insert_booking(const Booking& b) = 0;
    virtual void set_booking_status(BookingId id, BookingStatus status, std::optional<Instant> cancelled_at) = 0;
    // The first `n` of the session's waiting list, in the order they joined it.
    virtual std::vector<BookingId> first_waiting(TrainingSessionId session, int n) = 0;
    virtual void set_attendance(BookingId id, std::optional<Attendance> attendance) = 0;

    // Bookings that held a place on sessions dated from..to, by course and by agency.
    virtual TrainingCounts count_training(PartnershipId partnership, Date from, Date to) = 0;
};

}  // namespace assure
