// Training's rules: what a course, a session and a booking must be, whether a booking takes a
// place or waits, how many of those waiting a freed place promotes, and the year's figures
// (totals and rates worked out from counts, never typed).
#include "core/training.hpp"
#include "core/training_breakdown.hpp"

#include <algorithm>

#include "core/names.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr Names<CourseLevel, 3> kLevels{{{
    {CourseLevel::single_agency, {"single_agency", "Single-agency"}},
    {CourseLevel::multi_agency_core, {"multi_agency_core", "Multi-agency core"}},
    {CourseLevel::specialist, {"specialist", "Specialist"}},
}}};
constexpr Names<BookingStatus, 3> kStatuses{{{
    {BookingStatus::booked, {"booked", "Booked"}},
    {BookingStatus::waiting, {"waiting", "On the waiting list"}},
    {BookingStatus::cancelled, {"cancelled", "Cancelled"}},
}}};
constexpr Names<Attendance, 3> kAttendance{{{
    {Attendance::attended, {"attended", "Attended"}},
    {Attendance::no_show, {"no_show", "Did not attend"}},
    {Attendance::cancelled_late, {"cancelled_late", "Cancelled late"}},
}}};

constexpr int kMaxCapacity = 2000;  // a conference hall; more is a typing slip

void required_text(FieldErrors& e, const std::string& field, const std::string& value, std::size_t max, const std::string& what) {
    if (trim(value).empty()) e.push_back({field, "Enter " + what});
    else if (char_count(value) > max) e.push_back({field, "Keep " + what + " to " + std::to_string(max) + " characters or fewer"});
}

std::vector<TrainingFigureLine> ranked(const std::vector<TrainingCountLine>& lines) {
    std::vector<TrainingFigureLine> out;
    for (const auto& l : lines) out.push_back(figure_line(l));
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.delegates != b.delegates) return a.delegates > b.delegates;
        return a.name < b.name;
    });
    return out;
}

}  // namespace

TrainingFigureLine figure_line(const TrainingCountLine& l) {
    TrainingFigureLine f;
    f.name = l.name;
    f.delegates = l.counts.attended;
    f.no_shows = l.counts.no_show;
    f.cancelled_late = l.counts.cancelled_late;
    f.recorded = l.counts.attended + l.counts.no_show + l.counts.cancelled_late;
    f.attendance_percent = percent(f.delegates, f.recorded);
    f.no_show_percent = percent(f.no_shows, f.recorded);
    return f;
}

FieldErrors validate_course(const Course& c) {
    FieldErrors e;
    required_text(e, "title", c.title, 200, "the course's title");
    required_text(e, "outcomes", c.outcomes, 4000, "the learning outcomes");
    required_text(e, "audience", c.audience, 500, "who the course is for");
    if (c.duration_minutes < 15 || c.duration_minutes > 5 * 24 * 60) {
        e.push_back({"duration_minutes", "Enter the course's length in minutes, from 15 to 7200"});
    }
    for (std::size_t i = 0; i < c.priorities.size(); ++i) {
        if (std::find(c.priorities.begin(), c.priorities.begin() + static_cast<std::ptrdiff_t>(i), c.priorities[i]) !=
            c.priorities.begin() + static_cast<std::ptrdiff_t>(i)) {
            e.push_back({"priorities", "Select each priority once"});
            break;
        }
    }
    return e;
}

std::optional<int> clock_minutes(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (const int i : {0, 1, 3, 4}) {
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    }
    const int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

int session_minutes(const TrainingSession& s) {
    const auto a = clock_minutes(s.starts_at), b = clock_minutes(s.ends_at);
    return a && b && *b > *a ? *b - *a : 0;
}

FieldErrors validate_session(const TrainingSession& s, int booked) {
    FieldErrors e;
    if (!s.course.valid()) e.push_back({"course_id", "Select the course"});
    const auto start = clock_minutes(s.starts_at), end = clock_minutes(s.ends_at);
    if (!start) e.push_back({"starts_at", "Enter the start time like 09:30"});
    if (!end) e.push_back({"ends_at", "Enter the end time like 12:30"});
    else if (start && *end <= *start) e.push_back({"ends_at", "The end time must be after the start time"});
    const std::string venue = trim(s.venue), link = trim(s.online_link);
    if (venue.empty() && link.empty()) e.push_back({"venue", "Enter the venue, or an online link for a session held online"});
    if (char_count(venue) > 300) e.push_back({"venue", "Keep the venue to 300 characters or fewer"});
    if (!link.empty() && (link.rfind("https://", 0) != 0 || link.size() <= 8 || link.find(' ') != std::string::npos)) {
        e.push_back({"online_link", "Enter the online link starting https://"});
    }
    if (s.capacity < 1 || s.capacity > kMaxCapacity) {
        e.push_back({"capacity", "Enter the number of places, from 1 to " + std::to_string(kMaxCapacity)});
    } else if (s.capacity < booked) {
        e.push_back({"capacity", std::string(booked == 1 ? "There is already " : "There are already ") +
                                     count_of(booked, "place", "places") + " booked: enter " + std::to_string(booked) +
                                     " or more, or cancel bookings first"});
    }
    required_text(e, "trainer", s.trainer, 200, "the trainer's name");
    return e;
}

FieldErrors validate_booking(const Booking& b) {
    FieldErrors e;
    required_text(e, "name", b.name, 200, "the name of the person attending");
    if (trim(b.email).empty()) e.push_back({"email", "Enter the email address of the person attending"});
    else if (!looks_like_email(b.email) || b.email.size() > 254) e.push_back({"email", "Enter an email address like name@example.org"});
    return e;
}

BookingDecision decide_booking(const TrainingSession& s, Date today, bool already) {
    BookingDecision d;
    if (s.on < today) {
        d.refusal.push_back({"session", "This session took place on " + date_in_words(s.on) + ": book a session still to come"});
    } else if (already) {
        d.refusal.push_back({"email", "This email address already has a place on this session or is on its waiting list"});
    } else {
        d.status = s.booked < s.capacity ? BookingStatus::booked : BookingStatus::waiting;
    }
    return d;
}

int places_to_promote(int capacity, int booked, int waiting) {
    if (booked >= capacity || waiting <= 0) return 0;
    return std::min(capacity - booked, waiting);
}

bool register_open(const TrainingSession& s, Date today) { return s.on <= today; }

TrainingFigures training_figures(FinancialYear year, const TrainingCounts& counts) {
    TrainingFigures f;
    f.year = year;
    f.sessions = counts.sessions;
    f.by_course = ranked(counts.by_course);
    f.by_agency = ranked(counts.by_agency);
    TrainingCountLine all{"All courses", {}};
    for (const auto& l : counts.by_course) {
        all.counts.attended += l.counts.attended;
        all.counts.no_show += l.counts.no_show;
        all.counts.cancelled_late += l.counts.cancelled_late;
        all.counts.unrecorded += l.counts.unrecorded;
    }
    f.total = figure_line(all);
    return f;
}

#define ASSURE_TRAINING_NAMES(Enum, lower, table)                                                  \
    std::string_view lower##_key(Enum v) { return table.key(v); }                                  \
    std::string_view lower##_label(Enum v) { return table.label(v); }                              \
    std::optional<Enum> parse_##lower(std::string_view key) { return table.parse(key); }           \
    std::vector<Enum> all_##lower##s() { return table.values(); }
ASSURE_TRAINING_NAMES(CourseLevel, course_level, kLevels)
ASSURE_TRAINING_NAMES(BookingStatus, booking_status, kStatuses)
ASSURE_TRAINING_NAMES(Attendance, attendance, kAttendance)
#undef ASSURE_TRAINING_NAMES

}  // namespace assure
