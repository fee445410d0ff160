// The statutory clocks scrutiny counts (core/reviews_timeliness.hpp): a clock's outcome on a
// given day, the share met in time, the financial year a case counts in, and the dates a
// case's standing keeps for a store to count them by.
#include <gtest/gtest.h>

#include "core/reviews.hpp"
#include "core/reviews_timeliness.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

CaseEvent event(EventKind kind, const char* on) {
    CaseEvent e;
    e.kind = kind;
    e.on = d(on);
    return e;
}

}  // namespace

TEST(ReviewTimeliness, AClockIsMetInTimeLateOverdueOrStillRunning) {
    const Date due = d("2026-12-11");
    EXPECT_EQ(clock_outcome(due, d("2026-12-11"), d("2027-01-01")), ClockOutcome::in_time) << "on the due day is in time";
    EXPECT_EQ(clock_outcome(due, d("2026-12-14"), d("2027-01-01")), ClockOutcome::late);
    EXPECT_EQ(clock_outcome(due, std::nullopt, d("2026-12-11")), ClockOutcome::running) << "due today is not yet missed";
    EXPECT_EQ(clock_outcome(due, std::nullopt, d("2026-12-12")), ClockOutcome::overdue);
    EXPECT_EQ(clock_outcome(std::nullopt, d("2026-12-01"), d("2027-01-01")), ClockOutcome::in_time) << "no due date: done is in time";
}

TEST(ReviewTimeliness, TheShareInTimeCountsWhatIsKnownAndLeavesRunningClocksOut) {
    ClockCounts c;
    EXPECT_FALSE(c.share_in_time()) << "nothing known: no share, not 0%";
    c.add(ClockOutcome::running);
    EXPECT_FALSE(c.share_in_time());
    for (auto o : {ClockOutcome::in_time, ClockOutcome::in_time, ClockOutcome::in_time, ClockOutcome::late, ClockOutcome::overdue}) c.add(o);
    EXPECT_EQ(c, (ClockCounts{3, 1, 1, 1}));
    EXPECT_EQ(c.decided(), 5);
    EXPECT_DOUBLE_EQ(*c.share_in_time(), 0.6);
}

TEST(ReviewTimeliness, ACaseCountsInTheFinancialYearTheLocalAuthorityBecameAware) {
    EXPECT_EQ(timeliness_year_of(d("2026-03-31")), 2025);
    EXPECT_EQ(timeliness_year_of(d("2026-04-01")), 2026);
    EXPECT_EQ(timeliness_year_of(d("2027-01-15")), 2026);
    EXPECT_EQ(timeliness_year_label(2025), "2025/26");
}

TEST(ReviewTimeliness, AStandingKeepsEachClocksDueDateAndTheDayItWasMet) {
    const WorkingCalendar calendar;
    Case c;
    c.became_aware_on = d("2026-11-20");
    c.incident_on = d("2026-11-18");
    CaseStanding st = standing_of(c, calendar);
    EXPECT_EQ(st.notify_due_on, d("2026-11-27"));
    EXPECT_EQ(st.rapid_review_due_on, d("2026-12-11"));
    EXPECT_FALSE(st.notified_on);
    EXPECT_FALSE(st.rapid_review_done_on);

    c.events.push_back(event(EventKind::notify_panel, "2026-11-30"));
    auto decide = event(EventKind::decide, "2026-12-10");
    decide.decision = Decision::no_further_review;
    c.events.push_back(decide);
    st = standing_of(c, calendar);
    EXPECT_EQ(st.notified_on, d("2026-11-30"));
    EXPECT_EQ(st.rapid_review_done_on, d("2026-12-10"));
    const Date later = d("2027-01-04");
    EXPECT_EQ(clock_outcome(st.notify_due_on, st.notified_on, later), ClockOutcome::late);
    EXPECT_EQ(clock_outcome(st.rapid_review_due_on, st.rapid_review_done_on, later), ClockOutcome::in_time);
}
