#pragma once
// The store contract for training: courses, sessions and bookings round-trip whole; sessions
// are read with booked and waiting counted; lists are keyset pages in their order with every
// filter; the waiting list's positions follow arrival; the database refuses a second live
// booking of one email and a register mark on a place not held; the year's figures are GROUP
// BY counts; partnerships stay apart; a stored key this version does not know is an error
// naming its column. And the burst: 200 bookings for 20 places at once never give out more
// places than there are. Every backend instantiates it.
#include <atomic>
#include <thread>

#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingContract : public StoreContract<Factory> {
protected:
    static Date d(const char* iso) { return *Date::parse(iso); }

    Course course(const std::string& title, PartnershipId p = {}) {
        Course c;
        c.partnership = p.valid() ? p : this->partnership;
        c.title = title;
        c.level = CourseLevel::specialist;
        c.outcomes = "Outcomes";
        c.audience = "Everyone";
        c.duration_minutes = 180;
        c.priorities = {"Neglect", "Exploitation"};
        c.created_at = 1'500'000'000;
        this->store->write([&](Transaction& tx) { c.id = tx.training().insert_course(c); });
        return c;
    }
    TrainingSession session(const Course& c, const char* on, int capacity, const char* starts = "09:30") {
        TrainingSession t;
        t.partnership = c.partnership;
        t.course = c.id;
        t.on = d(on);
        t.starts_at = starts;
        t.ends_at = "17:00";
        t.venue = "Huyton";
        t.capacity = capacity;
        t.trainer = "T";
        t.created_at = 1'500'000'000;
        this->store->write([&](Transaction& tx) { t.id = tx.training().insert_session(t); });
        return t;
    }
    Booking book(const TrainingSession& t, const std::string& email, BookingStatus status, std::optional<AgencyId> agency = {}) {
        Booking b;
        b.partnership = t.partnership;
        b.session = t.id;
        b.name = email;
        b.email = email;
        b.agency = agency;
        b.status = status;
        b.booked_at = 1'500'000'100;
        this->store->write([&](Transaction& tx) { b.id = tx.training().insert_booking(b); });
        return b;
    }
    template <class F>
    auto read(F f) {
        std::invoke_result_t<F, TrainingRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(tx.training()); });
        return out;
    }
    std::vector<Booking> bookings(TrainingSessionId s) {
        BookingQuery q;
        q.partnership = this->partnership;
        q.session = s;
        q.page.limit = PageRequest::max_limit;
        return read([&](TrainingRepo& r) { return r.bookings(q).items; });
    }
};

TYPED_TEST_SUITE_P(TrainingContract);

TYPED_TEST_P(TrainingContract, CoursesAndSessionsRoundTripWholeWithTheirCounts) {
    const auto c = this->course("Exploring Neglect");
    const auto back = this->read([&](TrainingRepo& r) { return r.find_course(this->partnership, c.id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->title, "Exploring Neglect");
    EXPECT_EQ(back->level, CourseLevel::specialist);
    EXPECT_EQ(back->priorities, (std::vector<std::string>{"Neglect", "Exploitation"}));
    EXPECT_EQ(back->duration_minutes, 180);
    const auto t = this->session(c, "2016-06-01", 2);
    this->book(t, "a@x.org", BookingStatus::booked);
    this->book(t, "b@x.org", BookingStatus::cancelled);
    this->book(t, "c@x.org", BookingStatus::waiting);
    const auto s = this->read([&](TrainingRepo& r) { return r.find_session(this->partnership, t.id); });
    ASSERT_TRUE(s);
    EXPECT_EQ(s->course_title, "Exploring Neglect");
    EXPECT_EQ(s->on, this->d("2016-06-01"));
    EXPECT_EQ(s->starts_at, "09:30");
    EXPECT_EQ(s->capacity, 2);
    EXPECT_EQ(s->booked, 1);
    EXPECT_EQ(s->waiting, 1);
    std::optional<TrainingSession> locked;
    this->store->write([&](Transaction& tx) { locked = tx.training().lock_session(this->partnership, t.id); });
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->booked, 1);
    const PartnershipId other = [&] {
        PartnershipId p;
        this->store->write([&](Transaction& tx) { p = tx.partnerships().insert({PartnershipId{}, "other", "Other"}, shipped_rules()); });
        return p;
    }();
    EXPECT_FALSE(this->read([&](TrainingRepo& r) { return r.find_session(other, t.id); })) << "partnerships stay apart";
    EXPECT_FALSE(this->read([&](TrainingRepo& r) { return r.find_course(other, c.id); }));
    EXPECT_TRUE(this->read([&](TrainingRepo& r) { return r.course_title_taken(this->partnership, "exploring neglect", CourseId{}); }));
    EXPECT_FALSE(this->read([&](TrainingRepo& r) { return r.course_title_taken(this->partnership, "Exploring Neglect", c.id); }));
}

TYPED_TEST_P(TrainingContract, AStaleCourseOrSessionWritesNothing) {
    auto c = this->course("WTSC");
    c.title = "WTSC refresher";
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.training().update_course(c); });
    this->store->write([&](Transaction& tx) { second = tx.training().update_course(c); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    auto t = this->session(c, "2016-06-01", 5);
    t.capacity = 7;
    this->store->write([&](Transaction& tx) { first = tx.training().update_session(t); });
    t.capacity = 9;
    this->store->write([&](Transaction& tx) { second = tx.training().update_session(t); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    EXPECT_EQ(this->read([&](TrainingRepo& r) { return r.find_session(this->partnership, t.id); })->capacity, 7);
}

TYPED_TEST_P(TrainingContract, CoursesPageByTitleAndSessionsByDateWithEveryFilter) {
    for (const char* title : {"delta", "Alpha", "charlie", "Bravo", "echo"}) this->course(title);
    CourseQuery cq;
    cq.partnership = this->partnership;
    cq.page.limit = 2;
    std::vector<std::string> titles;
    for (;;) {
        const auto page = this->read([&](TrainingRepo& r) { return r.courses(cq); });
        for (const auto& c : page.items) titles.push_back(c.title);
        if (!page.next) break;
        cq.page.after = *page.next;
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"Alpha", "Bravo", "charlie", "delta", "echo"}));
    cq.page = {};
    cq.text = "HAR";
    EXPECT_EQ(this->read([&](TrainingRepo& r) { return r.courses(cq); }).items.at(0).title, "charlie");

    const auto a = this->course("A course"), b = this->course("B course");
    const auto late = this->session(a, "2016-07-01", 1);
    const auto early_pm = this->session(a, "2016-06-01", 1, "13:00");
    const auto early_am = this->session(b, "2016-06-01", 1, "09:00");
    const auto full = this->session(b, "2016-08-01", 1);
    this->book(full, "x@x.org", BookingStatus::booked);
    SessionQuery q;
    q.partnership = this->partnership;
    q.page.limit = 1;
    std::vector<TrainingSessionId> order;
    for (;;) {
        const auto page = this->read([&](TrainingRepo& r) { return r.sessions(q); });
        for (const auto& t : page.items) order.push_back(t.id);
        if (!page.next) break;
        q.page.after = *page.next;
    }
    EXPECT_EQ(order, (std::vector<TrainingSessionId>{early_am.id, early_pm.id, late.id, full.id}));
    const auto ids = [&](SessionQuery query) {
        query.page = {};
        std::vector<TrainingSessionId> out;
        for (const auto& t : this->read([&](TrainingRepo& r) { return r.sessions(query).items; })) out.push_back(t.id);
        return out;
    };
    SessionQuery f;
    f.partnership = this->partnership;
    f.course = a.id;
    EXPECT_EQ(ids(f), (std::vector<TrainingSessionId>{early_pm.id, late.id}));
    f.course.reset();
    f.from = this->d("2016-07-01");
    EXPECT_EQ(ids(f), (std::vector<TrainingSessionId>{late.id, full.id}));
    f.open_only = true;
    EXPECT_EQ(ids(f), (std::vector<TrainingSessionId>{late.id})) << "a full session has no place free";
    f.from.reset();
    f.open_only = false;
    f.to = this->d("2016-06-01");
    EXPECT_EQ(ids(f).size(), 2u);
}

TYPED_TEST_P(TrainingContract, TheWaitingListKeepsArrivalOrderAndPromotionFollowsIt) {
    const auto t = this->session(this->course("C"), "2016-06-01", 1);
    const auto booked = this->book(t, "a@x.org", BookingStatus::booked);
    const auto w1 = this->book(t, "b@x.org", BookingStatus::waiting);
    const auto w2 = this->book(t, "c@x.org", BookingStatus::waiting);
    const auto w3 = this->book(t, "d@x.org", BookingStatus::waiting);
    auto all = this->bookings(t.id);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].position, 0);
    EXPECT_EQ(all[1].position, 1);
    EXPECT_EQ(all[3].position, 3);
    EXPECT_EQ(this->read([&](TrainingRepo& r) { return r.first_waiting(t.id, 2); }), (std::vector<BookingId>{w1.id, w2.id}));
    this->store->write([&](Transaction& tx) {
        tx.training().set_booking_status(booked.id, BookingStatus::cancelled, Instant{1'500'000'200});
        tx.training().set_booking_status(w1.id, BookingStatus::booked, std::nullopt);
    });
    all = this->bookings(t.id);
    EXPECT_EQ(all[0].status, BookingStatus::cancelled);
    EXPECT_EQ(all[0].cancelled_at, Instant{1'500'000'200});
    EXPECT_EQ(all[1].status, BookingStatus::booked);
    EXPECT_EQ(all[2].position, 1);
    EXPECT_EQ(all[3].position, 2);
    EXPECT_TRUE(this->read([&](TrainingRepo& r) { return r.has_booking(t.id, "c@x.org"); }));
    EXPECT_FALSE(this->read([&](TrainingRepo& r) { return r.has_booking(t.id, "a@x.org"); })) << "cancelled";
    BookingQuery q;
    q.partnership = this->partnership;
    q.session = t.id;
    q.status = BookingStatus::waiting;
    q.page.limit = 1;
    const auto first = this->read([&](TrainingRepo& r) { return r.bookings(q); });
    ASSERT_EQ(first.items.size(), 1u);
    EXPECT_EQ(first.items[0].id, w2.id);
    ASSERT_TRUE(first.next);
    q.page.after = *first.next;
    EXPECT_EQ(this->read([&](TrainingRepo& r) { return r.bookings(q); }).items.at(0).id, w3.id);
}

TYPED_TEST_P(TrainingContract, TheDatabaseRefusesASecondLiveBookingAndARegisterMarkOnAPlaceNotHeld) {
    const auto t = this->session(this->course("C"), "2016-06-01", 5);
    const auto first = this->book(t, "a@x.org", BookingStatus::booked);
    EXPECT_THROW(this->book(t, "a@x.org", BookingStatus::waiting), sql::Error);
    this->store->write([&](Transaction& tx) { tx.training().set_booking_status(first.id, BookingStatus::cancelled, Instant{1}); });
    EXPECT_NO_THROW(this->book(t, "a@x.org", BookingStatus::booked)) << "a cancelled booking may be made again";
    const auto waiting = this->book(t, "w@x.org", BookingStatus::waiting);
    EXPECT_THROW(this->store->write([&](Transaction& tx) { tx.training().set_attendance(waiting.id, Attendance::attended); }), sql::Error);
}

TYPED_TEST_P(TrainingContract, TheYearsFiguresAreCountedByCourseAndAgencyFromPlacesHeld) {
    const auto a = this->course("WTSC"), b = this->course("Exploring Neglect");
    const auto health = this->agency("Health");
    const auto in_year = this->session(a, "2016-06-01", 10), also = this->session(b, "2017-03-31", 10);
    const auto before = this->session(a, "2016-03-31", 10);
    const auto mark = [&](const Booking& x, std::optional<Attendance> att) {
        this->store->write([&](Transaction& tx) { tx.training().set_attendance(x.id, att); });
    };
    mark(this->book(in_year, "1@x.org", BookingStatus::booked, health.id), Attendance::attended);
    mark(this->book(in_year, "2@x.org", BookingStatus::booked, health.id), Attendance::no_show);
    mark(this->book(in_year, "3@x.org", BookingStatus::booked), Attendance::attended);
    this->book(in_year, "4@x.org", BookingStatus::booked);  // not yet recorded
    this->book(in_year, "5@x.org", BookingStatus::waiting);  // held no place
    mark(this->book(also, "6@x.org", BookingStatus::booked, health.id), Attendance::cancelled_late);
    mark(this->book(before, "7@x.org", BookingStatus::booked, health.id), Attendance::attended);
    const auto c = this->read([&](TrainingRepo& r) { return r.count_training(this->partnership, this->d("2016-04-01"), this->d("2017-03-31")); });
    EXPECT_EQ(c.sessions, 2);
    ASSERT_EQ(c.by_course.size(), 2u);
    EXPECT_EQ(c.by_course[0].name, "Exploring Neglect");
    EXPECT_EQ(c.by_course[0].counts, (AttendanceCounts{0, 0, 1, 0}));
    EXPECT_EQ(c.by_course[1].counts, (AttendanceCounts{2, 1, 0, 1}));
    ASSERT_EQ(c.by_agency.size(), 2u);
    for (const auto& line : c.by_agency) {
        if (line.name == "Health") {
            EXPECT_EQ(line.counts, (AttendanceCounts{1, 1, 1, 0}));
        } else {
            EXPECT_EQ(line.name, "No agency given");
        }
    }
}

TYPED_TEST_P(TrainingContract, AnUnknownStoredStatusIsAnErrorNamingTheColumn) {
    const auto t = this->session(this->course("C"), "2016-06-01", 5);
    const auto b = this->book(t, "a@x.org", BookingStatus::booked);
    TypeParam::exec("UPDATE training_bookings SET status = 'pencilled' WHERE id = " + b.id.str());
    try {
        this->read([&](TrainingRepo& r) { return r.find_booking(this->partnership, b.id); });
        ADD_FAILURE() << "read an unknown status";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("training_bookings.status"), std::string::npos) << e.what();
    }
}

// Two hundred bookings for a session of twenty, made at once by twenty writers (ten each, so
// the PostgreSQL run stays within its connection limit), each booking its own transaction that
// locks the session, counts and inserts: exactly twenty hold a place, 180 wait, and the waiting
// list's positions are 1..180 in the order the bookings arrived (their ids).
TYPED_TEST_P(TrainingContract, ABurstOfWritersNeverOverfillsASession) {
    const auto t = this->session(this->course("C"), "2016-06-01", 20);
    constexpr int kWriters = 20, kEach = 10;
    std::atomic<int> failures{0}, ready{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            ++ready;
            while (ready < kWriters) std::this_thread::yield();  // all start together
            for (int i = 0; i < kEach; ++i) {
                try {
                    this->store->write([&](Transaction& tx) {
                        const auto s = tx.training().lock_session(this->partnership, t.id);
                        Booking b;
                        b.partnership = this->partnership;
                        b.session = t.id;
                        b.name = b.email = std::to_string(w) + "-" + std::to_string(i) + "@x.org";
                        b.status = s->booked < s->capacity ? BookingStatus::booked : BookingStatus::waiting;
                        b.booked_at = 1;
                        tx.training().insert_booking(b);
                    });
                } catch (...) {
                    ++failures;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures, 0);
    const auto s = this->read([&](TrainingRepo& r) { return r.find_session(this->partnership, t.id); });
    EXPECT_EQ(s->booked, 20);
    EXPECT_EQ(s->waiting, 180);
    const auto all = this->bookings(t.id);
    ASSERT_EQ(all.size(), 200u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i < 20) {
            EXPECT_EQ(all[i].status, BookingStatus::booked) << i;
        } else {
            EXPECT_EQ(all[i].position, static_cast<int>(i) - 19) << i;
        }
    }
}

REGISTER_TYPED_TEST_SUITE_P(TrainingContract, CoursesAndSessionsRoundTripWholeWithTheirCounts, AStaleCourseOrSessionWritesNothing,
                            CoursesPageByTitleAndSessionsByDateWithEveryFilter, TheWaitingListKeepsArrivalOrderAndPromotionFollowsIt,
                            TheDatabaseRefusesASecondLiveBookingAndARegisterMarkOnAPlaceNotHeld,
                            TheYearsFiguresAreCountedByCourseAndAgencyFromPlacesHeld, AnUnknownStoredStatusIsAnErrorNamingTheColumn,
                            ABurstOfWritersNeverOverfillsASession);

}  // namespace assure::testing
