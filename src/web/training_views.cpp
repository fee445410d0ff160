// Training's JSON shapes and words for a session, shared by its pages and API.
#include "web/training_views.hpp"

namespace assure::web::training_web {

J course_json(const Course& c) {
    return J{{"id", c.id.value},
             {"title", c.title},
             {"level", course_level_key(c.level)},
             {"outcomes", c.outcomes},
             {"audience", c.audience},
             {"duration_minutes", c.duration_minutes},
             {"priorities", c.priorities},
             {"version", c.version}};
}

J session_json(const TrainingSession& t) {
    return J{{"id", t.id.value},
             {"course_id", t.course.value},
             {"course_title", t.course_title},
             {"on", t.on.iso()},
             {"starts_at", t.starts_at},
             {"ends_at", t.ends_at},
             {"venue", t.venue},
             {"online_link", t.online_link},
             {"trainer", t.trainer},
             {"capacity", t.capacity},
             {"booked", t.booked},
             {"waiting", t.waiting},
             {"open_places", t.open_places()},
             {"version", t.version}};
}

J booking_json(const Booking& b) {
    J j{{"id", b.id.value},
        {"session_id", b.session.value},
        {"name", b.name},
        {"email", b.email},
        {"status", booking_status_key(b.status)},
        {"booked_at", iso_instant(b.booked_at)}};
    j["agency_id"] = b.agency ? J(b.agency->value) : J(nullptr);
    j["attendance"] = b.attendance ? J(attendance_key(*b.attendance)) : J(nullptr);
    j["position"] = b.status == BookingStatus::waiting ? J(b.position) : J(nullptr);
    j["cancelled_at"] = b.cancelled_at ? J(iso_instant(*b.cancelled_at)) : J(nullptr);
    return j;
}

namespace {

J line_json(const TrainingFigureLine& l) {
    return J{{"name", l.name},
             {"delegates", l.delegates},
             {"no_shows", l.no_shows},
             {"cancelled_late", l.cancelled_late},
             {"recorded", l.recorded},
             {"attendance_percent", l.attendance_percent ? J(*l.attendance_percent) : J(nullptr)},
             {"no_show_percent", l.no_show_percent ? J(*l.no_show_percent) : J(nullptr)}};
}

}  // namespace

J figures_json(const TrainingFigures& f) {
    J courses = J::array(), agencies = J::array();
    for (const auto& l : f.by_course) courses.push_back(line_json(l));
    for (const auto& l : f.by_agency) agencies.push_back(line_json(l));
    return J{{"year", f.year.key()}, {"sessions", f.sessions}, {"total", line_json(f.total)}, {"by_course", courses}, {"by_agency", agencies}};
}

J figures_json(const TrainingFigures& f, const TrainingYearDetail& detail) {
    J out = figures_json(f);
    J sectors = J::array(), quarters = J::array(), trainers = J::array(), pool_courses = J::array();
    for (const auto& l : detail.breakdown.by_sector) sectors.push_back(line_json(l));
    for (const auto& l : detail.breakdown.by_quarter) quarters.push_back(line_json(l));
    for (const auto& t : detail.pool.trainers) {
        trainers.push_back({{"name", t.name}, {"delivered", t.delivered}, {"planned", t.planned}, {"courses", t.courses}});
    }
    for (const auto& c : detail.pool.courses) {
        pool_courses.push_back({{"course", c.course}, {"trainers", c.trainers}, {"delivered", c.delivered}, {"planned", c.planned}});
    }
    out["by_sector"] = std::move(sectors);
    out["by_quarter"] = std::move(quarters);
    out["pool"] = {{"trainers", std::move(trainers)}, {"courses", std::move(pool_courses)}, {"one_trainer_or_none", detail.pool.thin}};
    return out;
}

std::string when_words(const TrainingSession& t) { return date_in_words(t.on) + ", " + t.starts_at + " to " + t.ends_at; }

std::string where_words(const TrainingSession& t) { return t.venue.empty() ? "Online" : t.venue; }

FinancialYear year_asked(Services& s, const std::string& typed, FieldErrors& errors) {
    if (typed.empty()) return FinancialYear::of(london_today(s));
    if (auto y = FinancialYear::parse(typed)) return *y;
    errors.push_back({"year", "Enter the financial year like 2016-17"});
    return FinancialYear::of(london_today(s));
}

FinancialYear year_or_refuse(Services& s, const std::string& typed) {
    FieldErrors errors;
    const FinancialYear year = year_asked(s, typed, errors);
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    return year;
}

std::string year_field(FinancialYear year, const FieldErrors& errors) {
    return text_input(Field{"year", "Financial year", year.key(), error_for(errors, "year"), "For example, 2016-17", "off", "text", "govuk-input--width-5", false});
}

std::string places_words(const TrainingSession& t) {
    if (t.open_places() > 0) return std::to_string(t.open_places()) + " of " + std::to_string(t.capacity) + " places free";
    return "Full: " + std::to_string(t.waiting) + " on the waiting list";
}

}  // namespace assure::web::training_web
