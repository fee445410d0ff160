// Courses and sessions: the business unit sets them up and edits them; everyone who works in
// the partnership reads them. A session's capacity never falls below the places booked, and
// a rise gives the new places to those waiting, in the order they joined.
#include "app/training.hpp"
#include "app/training/internal.hpp"
#include "core/fields.hpp"
#include "core/learning.hpp"
#include "core/text.hpp"

namespace assure {

using namespace training_detail;

namespace {

Course course_from(const CourseInput& in, const LearningRules& rules, Course c) {
    FieldErrors e;
    c.title = trim(in.title);
    c.outcomes = trim(in.outcomes);
    c.audience = trim(in.audience);
    if (auto level = parse_course_level(trim(in.level))) c.level = *level;
    else e.push_back({"level", "Select the course's level"});
    const auto minutes = to_int(trim(in.duration_minutes));
    c.duration_minutes = minutes && *minutes > 0 && *minutes < 100'000 ? static_cast<int>(*minutes) : 0;
    c.priorities.clear();
    for (const auto& p : in.priorities) {
        if (trim(p).empty()) continue;
        if (auto known = known_priority(rules, p)) c.priorities.push_back(*known);
        else e.push_back({"priorities", "Select priorities from the partnership's list"});
    }
    for (auto& x : validate_course(c)) e.push_back(std::move(x));
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return c;
}

TrainingSession session_from(Transaction& tx, const Actor& actor, const SessionInput& in, TrainingSession t) {
    FieldErrors e;
    const auto course_id = to_int(trim(in.course_id));
    std::optional<Course> course;
    if (course_id) course = tx.training().find_course(actor.partnership, CourseId{*course_id});
    if (!course) e.push_back({"course_id", "Select the course"});
    else {
        t.course = course->id;
        t.course_title = course->title;
    }
    if (auto d = date_field(e, "on", in.on, "the date of the session", true)) t.on = *d;
    t.starts_at = trim(in.starts_at);
    t.ends_at = trim(in.ends_at);
    t.venue = trim(in.venue);
    t.online_link = trim(in.online_link);
    t.trainer = trim(in.trainer);
    const auto capacity = to_int(trim(in.capacity));
    t.capacity = capacity && *capacity > 0 && *capacity < 1'000'000 ? static_cast<int>(*capacity) : 0;
    for (auto& x : validate_session(t, t.booked)) {
        if (x.field == "course_id") continue;  // answered above, from the partnership's courses
        e.push_back(std::move(x));
    }
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return t;
}

}  // namespace

Course add_course(Services& s, const Actor& actor, const CourseInput& input) {
    require(actor, Permission::manage_training);
    Course c;
    s.store.write([&](Transaction& tx) {
        c.partnership = actor.partnership;
        c.created_at = s.clock.now();
        c = course_from(input, rules_of(tx, actor.partnership).learning, c);
        if (tx.training().course_title_taken(actor.partnership, c.title, CourseId{})) {
            throw Failure::invalid({{"title", "There is already a course called " + c.title}});
        }
        c.id = tx.training().insert_course(c);
        record_audit(tx, actor, c.created_at, "training_course.create", kCourseType, c.id.str(), "", course_audit_json(c));
    });
    return c;
}

Course update_course(Services& s, const Actor& actor, CourseId id, int expected_version, const CourseInput& input) {
    require(actor, Permission::manage_training);
    Course after;
    s.store.write([&](Transaction& tx) {
        const Course before = load_course(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("course");
        after = course_from(input, rules_of(tx, actor.partnership).learning, before);
        if (tx.training().course_title_taken(actor.partnership, after.title, id)) {
            throw Failure::invalid({{"title", "There is already a course called " + after.title}});
        }
        if (!tx.training().update_course(after)) throw Failure::stale("course");
        after.version = before.version + 1;
        record_audit(tx, actor, s.clock.now(), "training_course.update", kCourseType, id.str(), course_audit_json(before),
                     course_audit_json(after));
    });
    return after;
}

Page<Course> list_courses(Services& s, const Actor& actor, const std::string& text, const PageRequest& page) {
    require(actor, Permission::view_training);
    CourseQuery q{actor.partnership, trim(text), page};
    Page<Course> out;
    s.store.read([&](Transaction& tx) { out = tx.training().courses(q); });
    return out;
}

Course read_course(Services& s, const Actor& actor, CourseId id) {
    require(actor, Permission::view_training);
    Course c;
    s.store.read([&](Transaction& tx) { c = load_course(tx, actor, id); });
    return c;
}

TrainingSession add_session(Services& s, const Actor& actor, const SessionInput& input) {
    require(actor, Permission::manage_training);
    TrainingSession t;
    s.store.write([&](Transaction& tx) {
        t.partnership = actor.partnership;
        t.created_at = s.clock.now();
        t = session_from(tx, actor, input, t);
        t.id = tx.training().insert_session(t);
        record_audit(tx, actor, t.created_at, "training_session.create", kSessionType, t.id.str(), "", session_audit_json(t));
    });
    return t;
}

TrainingSession update_session(Services& s, const Actor& actor, TrainingSessionId id, int expected_version, const SessionInput& input) {
    require(actor, Permission::manage_training);
    TrainingSession after;
    s.store.write([&](Transaction& tx) {
        const auto locked = tx.training().lock_session(actor.partnership, id);
        if (!locked) throw Failure::not_found("training session " + id.str());
        const TrainingSession& before = *locked;
        if (before.version != expected_version) throw Failure::stale("session");
        after = session_from(tx, actor, input, before);
        if (!tx.training().update_session(after)) throw Failure::stale("session");
        after.version = before.version + 1;
        const int promoted = promote_waiting(tx, after, s.clock.now());
        after.booked += promoted;
        after.waiting -= promoted;
        record_audit(tx, actor, s.clock.now(), "training_session.update", kSessionType, id.str(), session_audit_json(before),
                     session_audit_json(after));
    });
    return after;
}

Page<TrainingSession> list_sessions(Services& s, const Actor& actor, const SessionFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_training);
    SessionQuery q;
    q.partnership = actor.partnership;
    if (!trim(filter.course_id).empty()) {
        const auto id = to_int(trim(filter.course_id));
        if (!id || *id <= 0) throw Failure::invalid({{"course_id", "Select a course from the list"}});
        q.course = CourseId{*id};
    }
    if (filter.upcoming) q.from = london_today(s);
    q.page = page;
    Page<TrainingSession> out;
    s.store.read([&](Transaction& tx) { out = tx.training().sessions(q); });
    return out;
}

TrainingSession read_session(Services& s, const Actor& actor, TrainingSessionId id) {
    require(actor, Permission::view_training);
    TrainingSession t;
    s.store.read([&](Transaction& tx) { t = load_session(tx, actor, id); });
    return t;
}

}  // namespace assure
