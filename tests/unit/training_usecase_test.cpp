// Training's use cases on the real store (a SQLite file per test) with a frozen clock
// (18 November 2026): who may set up and book, the waiting list promoted in order, capacity
// never below the places booked, the register only from the day, and every change audited.
#include <gtest/gtest.h>

#include "app/mail.hpp"
#include "app/training.hpp"
#include "app/training_group.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

FailureCode failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.code();
    }
    ADD_FAILURE() << "no failure";
    return FailureCode::unavailable;
}

FieldErrors refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.fields();
    }
    ADD_FAILURE() << "accepted";
    return {};
}

CourseInput wtsc() {
    return CourseInput{"Working Together to Safeguard Children", "multi_agency_core", "Know the thresholds", "Every agency", "360", {"Neglect"}};
}

SessionInput on(const std::string& date, int capacity, CourseId course) {
    return SessionInput{course.str(), date, "09:30", "16:00", "Huyton", "", std::to_string(capacity), "A. Trainer"};
}

BookingInput person(int n) { return BookingInput{"Person " + std::to_string(n), "p" + std::to_string(n) + "@example.org", ""}; }

struct Fixture {
    World w;
    Actor bu = w.as(Role::business_unit);
    Course course = add_course(w.services, bu, wtsc());
    TrainingSession session(const std::string& date, int capacity) { return add_session(w.services, bu, on(date, capacity, course.id)); }
    std::vector<Booking> all(TrainingSessionId id) {
        return list_bookings(w.services, bu, id, "", PageRequest{PageRequest::max_limit, ""}).items;
    }
};

}  // namespace

TEST(TrainingUseCases, OnlyTheBusinessUnitSetsUpCoursesAndAnyoneMayBook) {
    Fixture f;
    EXPECT_EQ(failure_of([&] { add_course(f.w.services, f.w.as(Role::member), wtsc()); }), FailureCode::forbidden);
    const auto t = f.session("2026-12-08", 2);
    const auto b = book_place(f.w.services, f.w.as(Role::member), t.id, person(1));
    EXPECT_EQ(b.status, BookingStatus::booked);
    EXPECT_EQ(failure_of([&] { list_bookings(f.w.services, f.w.as(Role::member), t.id, "", {}); }), FailureCode::forbidden)
        << "names and emails are for the business unit";
    EXPECT_EQ(f.w.audit_actions().back(), "training_booking.create");
}

TEST(TrainingUseCases, ACourseNamesOnlyThePartnershipsPrioritiesAndATitleOnce) {
    Fixture f;
    CourseInput bad = wtsc();
    bad.title = "Exploring Neglect";
    bad.priorities = {"Knitting"};
    EXPECT_EQ(refusal([&] { add_course(f.w.services, f.bu, bad); }).at(0).field, "priorities");
    EXPECT_EQ(refusal([&] { add_course(f.w.services, f.bu, wtsc()); }).at(0).field, "title") << "the same title twice";
    EXPECT_EQ(f.course.priorities, std::vector<std::string>{"Neglect"});
}

TEST(TrainingUseCases, AFullSessionsBookingsWaitInOrderAndACancellationPromotesTheFirst) {
    Fixture f;
    const auto t = f.session("2026-12-08", 2);
    std::vector<Booking> made;
    for (int i = 1; i <= 5; ++i) made.push_back(book_place(f.w.services, f.bu, t.id, person(i)));
    EXPECT_EQ(made[1].status, BookingStatus::booked);
    EXPECT_EQ(made[2].status, BookingStatus::waiting);
    EXPECT_EQ(made[2].position, 1);
    EXPECT_EQ(made[4].position, 3);
    cancel_booking(f.w.services, f.bu, t.id, made[0].id);
    const auto after = f.all(t.id);
    EXPECT_EQ(after[0].status, BookingStatus::cancelled);
    EXPECT_EQ(after[2].status, BookingStatus::booked) << "the first waiting took the place";
    EXPECT_EQ(after[3].position, 1);
    EXPECT_EQ(after[4].position, 2);
    const auto read = read_session(f.w.services, f.bu, t.id);
    EXPECT_EQ(read.booked, 2);
    EXPECT_EQ(read.waiting, 2);
    // A waiting booking cancelled frees no place: nobody moves up into one.
    cancel_booking(f.w.services, f.bu, t.id, made[3].id);
    EXPECT_EQ(read_session(f.w.services, f.bu, t.id).booked, 2);
    EXPECT_EQ(f.all(t.id)[4].position, 1);
}

TEST(TrainingUseCases, BookingTwiceIsAConflictAndAPastSessionIsRefusedAndNeitherSavesAnything) {
    Fixture f;
    const auto t = f.session("2026-12-08", 5);
    book_place(f.w.services, f.bu, t.id, person(1));
    BookingInput again = person(1);
    again.email = " P1@Example.org ";
    EXPECT_EQ(failure_of([&] { book_place(f.w.services, f.bu, t.id, again); }), FailureCode::conflict);
    const auto past = f.session("2026-11-17", 5);
    EXPECT_EQ(refusal([&] { book_place(f.w.services, f.bu, past.id, person(2)); }).at(0).field, "session");
    EXPECT_EQ(refusal([&] { book_place(f.w.services, f.bu, t.id, BookingInput{"", "not-an-email", "99"}); }).size(), 3u);
    EXPECT_EQ(f.all(t.id).size(), 1u);
    EXPECT_EQ(f.all(past.id).size(), 0u);
}

TEST(TrainingUseCases, CapacityCannotFallBelowThePlacesBookedAndARisePromotesThoseWaiting) {
    Fixture f;
    const auto t = f.session("2026-12-08", 3);
    for (int i = 1; i <= 6; ++i) book_place(f.w.services, f.bu, t.id, person(i));
    const auto errors = refusal([&] { update_session(f.w.services, f.bu, t.id, t.version, on("2026-12-08", 2, f.course.id)); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "capacity");
    EXPECT_EQ(read_session(f.w.services, f.bu, t.id).capacity, 3) << "nothing saved";
    const auto bigger = update_session(f.w.services, f.bu, t.id, t.version, on("2026-12-08", 5, f.course.id));
    EXPECT_EQ(bigger.booked, 5);
    EXPECT_EQ(bigger.waiting, 1);
    const auto all = f.all(t.id);
    EXPECT_EQ(all[4].status, BookingStatus::booked) << "the fifth to book, second waiting, took the second new place";
    EXPECT_EQ(all[5].position, 1);
    EXPECT_EQ(failure_of([&] { update_session(f.w.services, f.bu, t.id, t.version, on("2026-12-08", 6, f.course.id)); }),
              FailureCode::conflict)
        << "a stale version";
}

TEST(TrainingUseCases, TheRegisterIsForPlacesHeldAndOpensOnTheDay) {
    Fixture f;
    const auto future = f.session("2026-12-08", 1);
    const auto b = book_place(f.w.services, f.bu, future.id, person(1));
    EXPECT_EQ(refusal([&] { take_register(f.w.services, f.bu, future.id, {{b.id.str(), "attended"}}); }).at(0).field, "attendance");
    const auto today = f.session("2026-11-18", 1);
    const auto held = book_place(f.w.services, f.bu, today.id, person(1));
    const auto waits = book_place(f.w.services, f.bu, today.id, person(2));
    EXPECT_EQ(refusal([&] { take_register(f.w.services, f.bu, today.id, {{waits.id.str(), "attended"}}); }).at(0).field,
              "attendance-" + waits.id.str());
    EXPECT_EQ(refusal([&] { take_register(f.w.services, f.bu, today.id, {{b.id.str(), "attended"}}); }).at(0).field, "booking_id")
        << "another session's booking";
    take_register(f.w.services, f.bu, today.id, {{held.id.str(), "no_show"}});
    EXPECT_EQ(f.all(today.id)[0].attendance, Attendance::no_show);
    EXPECT_EQ(f.w.audit_actions().back(), "training_booking.attendance");
    EXPECT_EQ(failure_of([&] { take_register(f.w.services, f.w.as(Role::member), today.id, {}); }), FailureCode::forbidden);
}

TEST(TrainingUseCases, TheYearsFiguresCountFromTheRegister) {
    Fixture f;
    const auto t = f.session("2026-11-18", 4);
    Agency agency;
    agency.name = "Health";
    agency.sector = "health";
    const AgencyId health = f.w.add_agency(agency);
    std::vector<Booking> b;
    for (int i = 1; i <= 4; ++i) {
        BookingInput in = person(i);
        if (i <= 2) in.agency_id = health.str();
        b.push_back(book_place(f.w.services, f.bu, t.id, in));
    }
    take_register(f.w.services, f.bu, t.id,
                  {{b[0].id.str(), "attended"}, {b[1].id.str(), "attended"}, {b[2].id.str(), "no_show"}, {b[3].id.str(), "attended"}});
    const auto figures = training_year_figures(f.w.services, f.bu, FinancialYear{2026});
    EXPECT_EQ(figures.sessions, 1);
    EXPECT_EQ(figures.total.delegates, 3);
    EXPECT_EQ(figures.total.no_show_percent, 25);
    ASSERT_EQ(figures.by_agency.size(), 2u);
    EXPECT_EQ(figures.by_agency[0].name, "Health");
    EXPECT_EQ(figures.by_agency[0].delegates, 2);
    EXPECT_EQ(figures.by_agency[1].name, "No agency given");
    EXPECT_EQ(training_year_figures(f.w.services, f.bu, FinancialYear{2025}).total.delegates, 0);
}

TEST(TrainingUseCases, ThePublicCalendarShowsSessionsToComeWithPlacesFree) {
    Fixture f;
    f.session("2026-11-17", 5);  // past
    const auto full = f.session("2026-12-01", 1);
    book_place(f.w.services, f.bu, full.id, person(1));
    const auto open = f.session("2026-12-08", 5);
    const auto c = public_calendar(f.w.services, "test", {});
    ASSERT_EQ(c.sessions.items.size(), 1u);
    EXPECT_EQ(c.sessions.items[0].id, open.id);
    EXPECT_EQ(public_calendar_events(f.w.services, "test").size(), 1u);
    EXPECT_EQ(failure_of([&] { public_calendar(f.w.services, "nowhere", {}); }), FailureCode::not_found);
}

// Each person is told by email in the transaction that books them or gives them a place; a
// refused booking queues nothing.
TEST(TrainingUseCases, EachBookingAndEachPlaceFromTheWaitingListIsConfirmedByEmail) {
    Fixture f;
    const auto t = f.session("2026-12-08", 1);
    const auto placed = book_place(f.w.services, f.bu, t.id, person(1));
    book_place(f.w.services, f.bu, t.id, person(2));
    EXPECT_THROW(book_place(f.w.services, f.bu, t.id, person(2)), Failure);  // twice: refused
    auto outbox = [&] { return list_outbox(f.w.services, f.bu, "", PageRequest{PageRequest::max_limit, ""}).items; };
    auto sent = outbox();  // newest first
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[1].kind, MailKind::booking_confirmation);
    EXPECT_EQ(sent[1].to, "p1@example.org");
    EXPECT_EQ(sent[1].subject, "Your place: Working Together to Safeguard Children, 8 December 2026");
    EXPECT_NE(sent[1].body.find("Dear Person 1,"), std::string::npos);
    EXPECT_NE(sent[1].body.find("8 December 2026, 09:30 to 16:00, at Huyton"), std::string::npos);
    EXPECT_EQ(sent[0].to, "p2@example.org");
    EXPECT_NE(sent[0].body.find("You are number 1 on its waiting list"), std::string::npos) << sent[0].body;

    cancel_booking(f.w.services, f.bu, t.id, placed.id);
    sent = outbox();
    ASSERT_EQ(sent.size(), 3u);
    EXPECT_EQ(sent[0].kind, MailKind::waiting_list_promotion);
    EXPECT_EQ(sent[0].to, "p2@example.org");
    EXPECT_EQ(sent[0].subject, "A place for you: Working Together to Safeguard Children, 8 December 2026");
}

// Wednesday 18 November 2026. A place needs two working days' notice to be given up by its
// holder; a place on a waiting list may be left at any time; the training team may cancel later.
TEST(TrainingUseCases, OwnPlacesNeedTwoWorkingDaysNoticeAndTheTeamMayCancelLater) {
    Fixture f;
    const Actor member = f.w.as(Role::member);
    const std::string email = f.w.read([&](Transaction& tx) { return tx.users().find(member.user)->email; });
    const BookingInput me{"Morgan Member", email, ""};
    const auto thursday = f.session("2026-11-19", 2);  // the last day to cancel was Tuesday 17th
    const auto friday = f.session("2026-11-20", 2);    // today is the last day
    const auto full = f.session("2026-11-19", 1);
    const auto held = book_place(f.w.services, member, thursday.id, me);
    const auto next = book_place(f.w.services, member, friday.id, me);
    book_place(f.w.services, f.bu, full.id, person(1));
    const auto waiting = book_place(f.w.services, member, full.id, me);
    ASSERT_EQ(waiting.status, BookingStatus::waiting);

    const auto refused = refusal([&] { cancel_booking(f.w.services, member, thursday.id, held.id); });
    ASSERT_EQ(refused.size(), 1U);
    EXPECT_EQ(refused[0].field, "booking");
    EXPECT_NE(refused[0].message.find("up to 17 November 2026, 2 working days before the session"), std::string::npos) << refused[0].message;
    EXPECT_EQ(f.all(thursday.id)[0].status, BookingStatus::booked) << "nothing changed";
    EXPECT_EQ(cancel_booking(f.w.services, member, friday.id, next.id).status, BookingStatus::cancelled);
    EXPECT_EQ(cancel_booking(f.w.services, member, full.id, waiting.id).status, BookingStatus::cancelled) << "leaving a waiting list";
    EXPECT_EQ(cancel_booking(f.w.services, f.bu, thursday.id, held.id).status, BookingStatus::cancelled) << "the training team may";
}

// An agency's coordinator books three people on a session with two places: the first two take
// them, the third waits, each told by email; a list with a wrong line saves no one.
TEST(TrainingUseCases, SeveralPeopleAreBookedAtOnceOrNoneAre) {
    Fixture f;
    const auto t = f.session("2026-12-08", 2);
    const Actor coordinator = f.w.as(Role::agency_lead);
    const auto wrong = refusal([&] {
        book_group(f.w.services, coordinator, t.id, "Sam Jones, sam@example.org\n\nAlex Reed alex@example.org\nKim Lee, sam@example.org", "");
    });
    ASSERT_EQ(wrong.size(), 1U);
    EXPECT_EQ(wrong[0].field, "people");
    EXPECT_NE(wrong[0].message.find("Line 3: enter"), std::string::npos) << wrong[0].message;
    EXPECT_NE(wrong[0].message.find("Line 4: sam@example.org is on an earlier line"), std::string::npos) << wrong[0].message;
    EXPECT_TRUE(f.all(t.id).empty()) << "no one saved";
    EXPECT_EQ(refusal([&] { book_group(f.w.services, coordinator, t.id, "  \n", ""); }).at(0).message,
              "Enter one person on each line, their name then their email address");

    const GroupBooking g = book_group(f.w.services, coordinator, t.id, "Sam Jones, Sam@Example.org\nAlex Reed\talex@example.org\nKim Lee, kim@example.org", "");
    EXPECT_EQ(g.booked, 2);
    EXPECT_EQ(g.waiting, 1);
    const auto all = f.all(t.id);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].email, "sam@example.org");
    EXPECT_EQ(all[1].name, "Alex Reed");
    EXPECT_EQ(all[2].status, BookingStatus::waiting);
    const auto again = refusal([&] { book_group(f.w.services, coordinator, t.id, "Sam Jones, sam@example.org", ""); });
    EXPECT_EQ(again.at(0).message, "Already booked on this session or waiting for it: sam@example.org");
}
