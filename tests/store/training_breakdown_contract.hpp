#pragma once
// The store contract for the year's training by sector, quarter and trainer (issue 16): bookings
// that held a place on the year's sessions, counted by their agency's sector (none given apart)
// and by the quarter the session fell in, by the register's mark; the year's sessions by trainer
// and course, held or to come; another partnership's and another year's never counted.
#include "app/ports/training_breakdown.hpp"
#include "store/contract.hpp"

#include <map>
#include <string>

namespace assure::testing {

template <class Factory>
class TrainingBreakdownContract : public StoreContract<Factory> {
protected:
    static TrainingBreakdownRepo& repo(Transaction& tx) { return dynamic_cast<TrainingBreakdownTransaction&>(tx).training_breakdown(); }
    CourseId course(const char* title) {
        Course c;
        c.partnership = this->partnership;
        c.title = title;
        c.duration_minutes = 60;
        CourseId id;
        this->store->write([&](Transaction& tx) { id = tx.training().insert_course(c); });
        return id;
    }
    TrainingSessionId session(CourseId course, Date on, const char* trainer) {
        TrainingSession t;
        t.partnership = this->partnership;
        t.course = course;
        t.on = on;
        t.starts_at = "09:30";
        t.ends_at = "12:30";
        t.venue = "Town hall";
        t.capacity = 30;
        t.trainer = trainer;
        TrainingSessionId id;
        this->store->write([&](Transaction& tx) { id = tx.training().insert_session(t); });
        return id;
    }
    // A booking holding a place, marked on the register (or not yet, with no mark).
    void booked(TrainingSessionId session, std::optional<AgencyId> agency, std::optional<Attendance> mark) {
        Booking b;
        b.partnership = this->partnership;
        b.session = session;
        b.name = "Delegate";
        b.email = "d" + std::to_string(++n_) + "@example.org";
        b.agency = agency;
        this->store->write([&](Transaction& tx) {
            const auto id = tx.training().insert_booking(b);
            if (mark) tx.training().set_attendance(id, *mark);
        });
    }
    int n_ = 0;
};

TYPED_TEST_SUITE_P(TrainingBreakdownContract);

TYPED_TEST_P(TrainingBreakdownContract, BookingsAreCountedBySectorAndByQuarter) {
    const Agency school = this->agency("Halewood Academy");  // the contract's agencies are schools
    Agency police;
    police.partnership = this->partnership;
    police.name = "Merseyside Police";
    police.kind = AgencyKind::statutory_partner;
    police.statutory_role = StatutoryRole::police;
    police.sector = "police";
    this->store->write([&](Transaction& tx) { police.id = tx.agencies().insert(police); });
    const CourseId wt = this->course("Working Together");
    const auto may = this->session(wt, Date{2016, 5, 10}, "Helen Price");
    const auto feb = this->session(wt, Date{2017, 2, 7}, "Mark Doyle");
    const auto later = this->session(wt, Date{2017, 5, 2}, "Helen Price");  // next year
    this->booked(may, school.id, Attendance::attended);
    this->booked(may, police.id, Attendance::attended);
    this->booked(may, police.id, Attendance::no_show);
    this->booked(feb, std::nullopt, Attendance::attended);
    this->booked(feb, school.id, std::nullopt);
    this->booked(later, school.id, Attendance::attended);
    TrainingBreakdownCounts counts;
    this->store->read([&](Transaction& tx) { counts = this->repo(tx).breakdown(this->partnership, FinancialYear{2016}); });
    ASSERT_EQ(counts.by_sector.size(), 3u);
    std::map<std::string, AttendanceCounts> by;
    for (const auto& l : counts.by_sector) by[l.name] = l.counts;
    EXPECT_EQ(by["education"], (AttendanceCounts{1, 0, 0, 1}));
    EXPECT_EQ(by["police"], (AttendanceCounts{1, 1, 0, 0}));
    EXPECT_EQ(by[""], (AttendanceCounts{1, 0, 0, 0})) << "no agency given";
    EXPECT_EQ(counts.by_quarter[0], (AttendanceCounts{2, 1, 0, 0}));
    EXPECT_EQ(counts.by_quarter[1], AttendanceCounts{});
    EXPECT_EQ(counts.by_quarter[3], (AttendanceCounts{1, 0, 0, 1}));
}

TYPED_TEST_P(TrainingBreakdownContract, SessionsAreCountedByTrainerHeldOrToCome) {
    const CourseId wt = this->course("Working Together"), cc = this->course("Compromised Care");
    this->session(wt, Date{2016, 5, 10}, "Helen Price");
    this->session(wt, Date{2016, 9, 10}, "Helen Price");
    this->session(wt, Date{2016, 12, 1}, "Helen Price");
    this->session(wt, Date{2016, 11, 1}, "Mark Doyle");
    this->session(cc, Date{2016, 6, 1}, "");
    this->session(cc, Date{2017, 6, 1}, "Ruth Ogden");  // next year
    std::vector<TrainerCount> counts;
    this->store->read([&](Transaction& tx) { counts = this->repo(tx).trainer_counts(this->partnership, FinancialYear{2016}, Date{2016, 11, 1}); });
    ASSERT_EQ(counts.size(), 3u);
    EXPECT_EQ(counts[0].course, "Compromised Care");
    EXPECT_EQ(counts[0].trainer, "");
    EXPECT_EQ(counts[0].delivered, 1);
    EXPECT_EQ(counts[1].trainer, "Helen Price");
    EXPECT_EQ(counts[1].delivered, 2);
    EXPECT_EQ(counts[1].planned, 1);
    EXPECT_EQ(counts[2].trainer, "Mark Doyle");
    EXPECT_EQ(counts[2].delivered, 1) << "held on the day asked about";
}

REGISTER_TYPED_TEST_SUITE_P(TrainingBreakdownContract, BookingsAreCountedBySectorAndByQuarter, SessionsAreCountedByTrainerHeldOrToCome);

}  // namespace assure::testing
