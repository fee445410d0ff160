// Training by sector, by quarter and by trainer (issue 16 items 5 and 6): the quarters of a
// financial year named in words; sectors named and ranked by delegates with rates recomputed
// from counts; the training pool's courses that rest on one trainer or none.
#include <gtest/gtest.h>

#include "core/training_breakdown.hpp"

using namespace assure;

TEST(TrainingBreakdown, TheQuartersOfAFinancialYearRunAprilToMarch) {
    const FinancialYear y{2016};
    EXPECT_EQ(quarter_start(y, 0), (Date{2016, 4, 1}));
    EXPECT_EQ(quarter_start(y, 1), (Date{2016, 7, 1}));
    EXPECT_EQ(quarter_start(y, 2), (Date{2016, 10, 1}));
    EXPECT_EQ(quarter_start(y, 3), (Date{2017, 1, 1}));
    EXPECT_EQ(quarter_label(y, 0), "April to June 2016");
    EXPECT_EQ(quarter_label(y, 3), "January to March 2017");
}

TEST(TrainingBreakdown, SectorsAreNamedAndRankedAndQuartersKeepTheirOrder) {
    TrainingBreakdownCounts counts;
    counts.by_sector = {{"", {3, 1, 0, 0}}, {"education", {40, 4, 1, 2}}, {"police", {40, 0, 0, 0}}, {"health", {12, 3, 0, 0}}};
    counts.by_quarter = {AttendanceCounts{10, 2, 0, 0}, AttendanceCounts{}, AttendanceCounts{50, 5, 1, 0}, AttendanceCounts{35, 1, 0, 2}};
    const TrainingBreakdown b = training_breakdown(FinancialYear{2016}, counts);
    ASSERT_EQ(b.by_sector.size(), 4u);
    EXPECT_EQ(b.by_sector[0].name, "Police") << "40 delegates each: by name";
    EXPECT_EQ(b.by_sector[1].name, "Schools and colleges");
    EXPECT_EQ(b.by_sector[2].name, "Health");
    EXPECT_EQ(b.by_sector[3].name, "No agency given");
    EXPECT_EQ(b.by_sector[1].delegates, 40);
    EXPECT_EQ(b.by_sector[1].recorded, 45) << "the unrecorded are not in the rate";
    EXPECT_EQ(b.by_sector[1].attendance_percent, 89);
    EXPECT_EQ(b.by_sector[1].no_show_percent, 9);
    ASSERT_EQ(b.by_quarter.size(), 4u);
    EXPECT_EQ(b.by_quarter[0].name, "April to June 2016");
    EXPECT_EQ(b.by_quarter[1].delegates, 0);
    EXPECT_FALSE(b.by_quarter[1].attendance_percent.has_value()) << "no rate of nothing";
    EXPECT_EQ(b.by_quarter[2].delegates, 50);
    EXPECT_EQ(b.by_quarter[3].name, "January to March 2017");
}

TEST(TrainingBreakdown, ThePoolShowsWhoGivesEachCourseAndTheCoursesThatRestOnOne) {
    const std::vector<TrainerCount> counts{
        {"Helen Price", "Working Together", 3, 1}, {"Mark Doyle", "Working Together", 2, 0}, {"  Helen Price ", "WTSC Refresher", 4, 0},
        {"Ruth Ogden", "Compromised Care", 4, 0},  {"", "Operation Encompass", 3, 0},       {"Helen Price", "Exploring Neglect", 0, 2},
    };
    const TrainingPool pool = training_pool(counts);
    ASSERT_EQ(pool.trainers.size(), 4u);
    EXPECT_EQ(pool.trainers[0].name, "Helen Price");
    EXPECT_EQ(pool.trainers[0].delivered, 7);
    EXPECT_EQ(pool.trainers[0].planned, 3);
    EXPECT_EQ(pool.trainers[0].courses, 3);
    EXPECT_EQ(pool.trainers[1].name, "Ruth Ogden");
    EXPECT_EQ(pool.trainers[2].name, "Mark Doyle");
    EXPECT_EQ(pool.trainers[3].name, kNoTrainerNamed) << "last, whatever it gave";
    ASSERT_EQ(pool.courses.size(), 5u);
    EXPECT_EQ(pool.courses[4].course, "Working Together");
    EXPECT_EQ(pool.courses[4].trainers, 2);
    EXPECT_EQ(pool.courses[4].delivered, 5);
    EXPECT_EQ(pool.thin, (std::vector<std::string>{"Compromised Care", "Exploring Neglect", "Operation Encompass", "WTSC Refresher"}));
}
