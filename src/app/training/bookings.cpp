// Bookings: a place while one is free, the waiting list after, in the order bookings arrive;
// a cancelled place goes to the first waiting; the register on the day. Booking counts and
// inserts in one write transaction with the session's row locked (TrainingRepo::lock_session),
// and writers are serialised, so a burst of requests never gives out more places than there are.
#include <functional>
#include "app/training.hpp"
#include "app/training_group.hpp"
#include "core/training_group.hpp"
#include "app/mail.hpp"
#include "app/training/internal.hpp"
#include "core/date_words.hpp"
#include "core/training_notice.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"
#include "core/training_mail.hpp"

namespace assure {

using namespace training_detail;

namespace training_detail {

Course load_course(Transaction& tx, const Actor& actor, CourseId id) {
    auto c = tx.training().find_course(actor.partnership, id);
    if (!c) throw Failure::not_found("course " + id.str());
    return *c;
}

TrainingSession load_session(Transaction& tx, const Actor& actor, TrainingSessionId id) {
    auto t = tx.training().find_session(actor.partnership, id);
    if (!t) throw Failure::not_found("training session " + id.str());
    return *t;
}

// The person is told by email, queued in the transaction that makes the booking or the change:
// the message exists exactly when the change does.
void tell_by_email(Transaction& tx, Instant at, TrainingSession session, const Booking& b, MailKind kind) {
    if (session.course_title.empty()) {
        if (const auto c = tx.training().find_course(session.partnership, session.course)) session.course_title = c->title;
    }
    const auto partnership = tx.partnerships().find(session.partnership);
    const std::string name = partnership ? partnership->name : std::string("The safeguarding children partnership");
    const MailText text = kind == MailKind::waiting_list_promotion ? promotion_mail_text(name, session, b)
                                                                   : booking_mail_text(name, session, b);
    queue_mail(tx, at, OutgoingMail{session.partnership, kind, b.email, text.subject, text.body});
}

int promote_waiting(Transaction& tx, const TrainingSession& session, Instant at) {
    const int n = places_to_promote(session.capacity, session.booked, session.waiting);
    if (n == 0) return 0;
    const auto ids = tx.training().first_waiting(session.id, n);
    for (const auto id : ids) {
        tx.training().set_booking_status(id, BookingStatus::booked, std::nullopt);
        if (const auto promoted = tx.training().find_booking(session.partnership, id)) {
            tell_by_email(tx, at, session, *promoted, MailKind::waiting_list_promotion);
        }
        record_audit(tx, Actor::system(session.partnership), at, "training_booking.promote", kBookingType, id.str(), "waiting",
                     "booked");
    }
    return static_cast<int>(ids.size());
}

}  // namespace training_detail

namespace {

TrainingSession locked_session(Transaction& tx, const Actor& actor, TrainingSessionId id) {
    auto t = tx.training().lock_session(actor.partnership, id);
    if (!t) throw Failure::not_found("training session " + id.str());
    return *t;
}

std::optional<AgencyId> agency_of(Transaction& tx, const Actor& actor, const std::string& raw, FieldErrors& e) {
    const std::string t = trim(raw);
    if (t.empty() || t == "none") return std::nullopt;
    const auto id = to_int(t);
    if (id && *id > 0 && tx.agencies().find(actor.partnership, AgencyId{*id})) return AgencyId{*id};
    e.push_back({"agency_id", "Select the agency the person works for from the list"});
    return std::nullopt;
}

}  // namespace

Booking book_place(Services& s, const Actor& actor, TrainingSessionId session, const BookingInput& input) {
    require(actor, Permission::book_training);
    Booking b;
    b.partnership = actor.partnership;
    b.session = session;
    b.name = trim(input.name);
    b.email = lower(trim(input.email));
    FieldErrors e = validate_booking(b);
    s.store.write([&](Transaction& tx) {
        const TrainingSession t = locked_session(tx, actor, session);
        b.agency = agency_of(tx, actor, input.agency_id, e);
        if (e.empty()) check_agency_quota(tx, t, b.agency, 1, e);
        if (!e.empty()) throw Failure::invalid(std::move(e));
        const BookingDecision decision = decide_booking(t, london_today(s), tx.training().has_booking(session, b.email));
        if (!decision.status) {
            if (decision.refusal.front().field == "email") {
                throw Failure(FailureCode::conflict, decision.refusal.front().message, decision.refusal);
            }
            throw Failure::invalid(decision.refusal);
        }
        b.status = *decision.status;
        b.booked_at = s.clock.now();
        b.id = tx.training().insert_booking(b);
        b.position = b.status == BookingStatus::waiting ? t.waiting + 1 : 0;
        tell_by_email(tx, b.booked_at, t, b, MailKind::booking_confirmation);
        record_audit(tx, actor, b.booked_at, "training_booking.create", kBookingType, b.id.str(), "", booking_audit_json(b));
    });
    return b;
}

namespace {

GroupBooking book_checked(Services& s, const Actor& actor, TrainingSessionId session,
                          const std::function<std::vector<GroupLine>(FieldErrors&)>& read_people, const std::string& agency_id) {
    require(actor, Permission::book_training);
    GroupBooking out;
    s.store.write([&](Transaction& tx) {
        TrainingSession t = locked_session(tx, actor, session);
        FieldErrors e;
        const auto agency = agency_of(tx, actor, agency_id, e);
        const auto lines = read_people(e);
        if (e.empty()) {
            std::string held;
            for (const auto& l : lines) {
                if (tx.training().has_booking(session, l.email)) held += (held.empty() ? "" : ", ") + l.email;
            }
            if (!held.empty()) e.push_back({"people", "Already booked on this session or waiting for it: " + held});
        }
        if (e.empty()) check_agency_quota(tx, t, agency, static_cast<int>(lines.size()), e);
        const Date today = london_today(s);
        if (e.empty() && t.on < today) {
            e.push_back({"people", "This session took place on " + date_in_words(t.on) + ": book a session still to come"});
        }
        if (!e.empty()) throw Failure::invalid(std::move(e));
        const Instant now = s.clock.now();
        for (const auto& l : lines) {
            Booking b;
            b.partnership = actor.partnership;
            b.session = session;
            b.name = l.name;
            b.email = l.email;
            b.agency = agency;
            b.status = *decide_booking(t, today, false).status;
            b.booked_at = now;
            b.id = tx.training().insert_booking(b);
            if (b.status == BookingStatus::booked) {
                ++t.booked;
                ++out.booked;
            } else {
                ++t.waiting;
                ++out.waiting;
                b.position = t.waiting;
            }
            tell_by_email(tx, now, t, b, MailKind::booking_confirmation);
            record_audit(tx, actor, now, "training_booking.create", kBookingType, b.id.str(), "", booking_audit_json(b));
            out.bookings.push_back(std::move(b));
        }
    });
    return out;
}

}  // namespace

GroupBooking book_group(Services& s, const Actor& actor, TrainingSessionId session, const std::string& people,
                        const std::string& agency_id) {
    return book_checked(s, actor, session, [&](FieldErrors& e) { return parse_group_lines(people, "people", e); }, agency_id);
}

GroupBooking book_group(Services& s, const Actor& actor, TrainingSessionId session,
                        const std::vector<std::pair<std::string, std::string>>& people, const std::string& agency_id) {
    return book_checked(s, actor, session, [&](FieldErrors& e) { return check_group_people(people, "people", e); }, agency_id);
}

Booking cancel_booking(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking) {
    require(actor, Permission::book_training);
    Booking b;
    s.store.write([&](Transaction& tx) {
        TrainingSession t = locked_session(tx, actor, session);
        auto found = tx.training().find_booking(actor.partnership, booking);
        if (!found || found->session != session) throw Failure::not_found("booking " + booking.str());
        if (!actor.can(Permission::manage_training)) {
            const auto me = tx.users().find(actor.user);
            if (!me || lower(me->email) != found->email) throw Failure::forbidden("another person's booking");
        }
        if (found->status == BookingStatus::cancelled) {
            throw Failure(FailureCode::conflict, "This booking was already cancelled", {{"booking", "This booking was already cancelled"}});
        }
        const Date today = london_today(s);
        if (t.on < today) {
            throw Failure::invalid({{"booking", "The session has taken place: record a late cancellation on its register instead"}});
        }
        // One's own place needs notice, so that it can still go to someone waiting; the training
        // team may cancel later, and the register then records a late cancellation.
        if (!actor.can(Permission::manage_training) && found->status == BookingStatus::booked &&
            !may_cancel_own_place(t.on, today, s.calendar)) {
            throw Failure::invalid({{"booking", "Places can be cancelled up to " + date_in_words(last_day_to_cancel(t.on, s.calendar)) +
                                                    ", " + std::to_string(kCancellationNoticeWorkingDays) +
                                                    " working days before the session. Ask the training team to cancel yours: "
                                                    "they will record it as a late cancellation"}});
        }
        const Booking before = *found;
        b = before;
        b.status = BookingStatus::cancelled;
        b.position = 0;
        b.cancelled_at = s.clock.now();
        tx.training().set_booking_status(b.id, BookingStatus::cancelled, b.cancelled_at);
        record_audit(tx, actor, *b.cancelled_at, "training_booking.cancel", kBookingType, b.id.str(), booking_audit_json(before),
                     booking_audit_json(b));
        if (before.status == BookingStatus::booked) --t.booked;
        else --t.waiting;
        promote_waiting(tx, t, *b.cancelled_at);
    });
    return b;
}

Page<Booking> list_bookings(Services& s, const Actor& actor, TrainingSessionId session, const std::string& status,
                            const PageRequest& page) {
    require(actor, Permission::manage_training);
    BookingQuery q;
    q.partnership = actor.partnership;
    q.session = session;
    if (!trim(status).empty()) {
        q.status = parse_booking_status(trim(status));
        if (!q.status) throw Failure::invalid({{"status", "Select booked, waiting or cancelled"}});
    }
    q.page = page;
    Page<Booking> out;
    s.store.read([&](Transaction& tx) {
        load_session(tx, actor, session);
        out = tx.training().bookings(q);
    });
    return out;
}

void take_register(Services& s, const Actor& actor, TrainingSessionId session, const std::vector<AttendanceMark>& marks) {
    require(actor, Permission::manage_training);
    s.store.write([&](Transaction& tx) {
        const TrainingSession t = load_session(tx, actor, session);
        if (!register_open(t, london_today(s))) {
            throw Failure::invalid({{"attendance", "The register can be taken from " + date_in_words(t.on) + ", the day of the session"}});
        }
        FieldErrors e;
        std::vector<std::pair<Booking, std::optional<Attendance>>> changes;
        for (const auto& m : marks) {
            const auto id = to_int(trim(m.booking_id));
            const auto b = id ? tx.training().find_booking(actor.partnership, BookingId{*id}) : std::nullopt;
            if (!b || b->session != session) {
                e.push_back({"booking_id", "Booking " + trim(m.booking_id) + " is not one of this session's"});
                continue;
            }
            std::optional<Attendance> a;
            if (!trim(m.attendance).empty()) {
                a = parse_attendance(trim(m.attendance));
                if (!a) {
                    e.push_back({"attendance-" + b->id.str(), "Select attended, did not attend or cancelled late for " + b->name});
                    continue;
                }
            }
            if (b->status != BookingStatus::booked) {
                e.push_back({"attendance-" + b->id.str(), b->name + " did not hold a place: only booked places go on the register"});
                continue;
            }
            if (b->attendance != a) changes.emplace_back(*b, a);
        }
        if (!e.empty()) throw Failure::invalid(std::move(e));
        const Instant now = s.clock.now();
        for (auto& [b, a] : changes) {
            tx.training().set_attendance(b.id, a);
            Booking after = b;
            after.attendance = a;
            record_audit(tx, actor, now, "training_booking.attendance", kBookingType, b.id.str(), booking_audit_json(b),
                         booking_audit_json(after));
        }
    });
}

}  // namespace assure
