// The year's figures (counted by the store, made into totals and rates by core), the public
// calendar without sign-in and its feed, and the audit trail's shapes of training's records.
#include <nlohmann/json.hpp>

#include "app/training.hpp"
#include "app/training/internal.hpp"

namespace assure {

using namespace training_detail;

namespace {

constexpr int kFeedSessions = PageRequest::max_limit;

Partnership partnership_by_slug(Transaction& tx, const std::string& slug) {
    auto p = tx.partnerships().find_by_slug(slug);
    if (!p) throw Failure::not_found("partnership " + slug);
    return *p;
}

SessionQuery open_from_today(Services& s, PartnershipId partnership, const PageRequest& page) {
    SessionQuery q;
    q.partnership = partnership;
    q.from = london_today(s);
    q.open_only = true;
    q.page = page;
    return q;
}

}  // namespace

TrainingFigures training_year_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_training);
    TrainingCounts counts;
    s.store.read([&](Transaction& tx) { counts = tx.training().count_training(actor.partnership, year.first_day(), year.last_day()); });
    return training_figures(year, counts);
}

PublicCalendar public_calendar(Services& s, const std::string& slug, const PageRequest& page) {
    PublicCalendar out;
    s.store.read([&](Transaction& tx) {
        out.partnership = partnership_by_slug(tx, slug);
        out.sessions = tx.training().sessions(open_from_today(s, out.partnership.id, page));
    });
    return out;
}

std::string public_calendar_slug(Services& s, const Actor& actor) {
    require(actor, Permission::view_training);
    std::string slug;
    s.store.read([&](Transaction& tx) {
        const auto p = tx.partnerships().find(actor.partnership);
        if (!p) throw Failure::not_found("partnership");
        slug = p->slug;
    });
    return slug;
}

std::vector<FeedEvent> public_calendar_events(Services& s, const std::string& slug) {
    PublicCalendar c = public_calendar(s, slug, PageRequest{kFeedSessions, ""});
    std::vector<FeedEvent> out;
    for (const auto& t : c.sessions.items) {
        FeedEvent e;
        e.uid = "training-session-" + t.id.str() + "@" + c.partnership.slug + ".assure";
        e.on = t.on;
        e.starts_at = t.starts_at;
        e.minutes_long = session_minutes(t);
        e.summary = t.course_title;
        e.location = t.venue.empty() ? t.online_link : t.venue;
        e.description = "Trainer: " + t.trainer + "\n" + std::to_string(t.open_places()) + " of " + std::to_string(t.capacity) +
                        " places free" + (t.online_link.empty() ? "" : "\nJoin online: " + t.online_link);
        e.stamp = t.created_at;
        out.push_back(std::move(e));
    }
    return out;
}

std::string course_audit_json(const Course& c) {
    return nlohmann::json{{"id", c.id.value},
                          {"title", c.title},
                          {"level", course_level_key(c.level)},
                          {"outcomes", c.outcomes},
                          {"audience", c.audience},
                          {"duration_minutes", c.duration_minutes},
                          {"priorities", c.priorities}}
        .dump();
}

std::string session_audit_json(const TrainingSession& t) {
    return nlohmann::json{{"id", t.id.value},         {"course_id", t.course.value}, {"on", t.on.iso()},
                          {"starts_at", t.starts_at}, {"ends_at", t.ends_at},        {"venue", t.venue},
                          {"online_link", t.online_link}, {"capacity", t.capacity}, {"trainer", t.trainer}}
        .dump();
}

std::string booking_audit_json(const Booking& b) {
    nlohmann::json j{{"id", b.id.value},  {"session_id", b.session.value}, {"name", b.name},
                     {"email", b.email}, {"status", booking_status_key(b.status)}};
    j["agency_id"] = b.agency ? nlohmann::json(b.agency->value) : nlohmann::json(nullptr);
    j["attendance"] = b.attendance ? nlohmann::json(attendance_key(*b.attendance)) : nlohmann::json(nullptr);
    return j.dump();
}

}  // namespace assure
