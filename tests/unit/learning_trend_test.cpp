// The action plan's history (core/learning.hpp): the day an action closed, whether it was open
// or overdue at the end of a day, and the month ends it is counted on.
#include <gtest/gtest.h>

#include "core/learning.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

ImprovementAction action(ActionState state, const char* created, const char* due, std::vector<ActionUpdate> updates = {}) {
    ImprovementAction a;
    a.state = state;
    a.created_on = d(created);
    a.due = d(due);
    a.updates = std::move(updates);
    return a;
}

ActionUpdate move(const char* on, ActionState from, ActionState to) { return {d(on), "Lead", from, to, ""}; }

}  // namespace

TEST(ImprovementHistory, AnActionClosesOnItsLastMoveOutOfTheOpenStates) {
    using S = ActionState;
    EXPECT_FALSE(improvement_closed_on(action(S::in_progress, "2026-01-01", "2026-06-01")));
    EXPECT_EQ(improvement_closed_on(action(S::completed, "2026-01-01", "2026-06-01",
                                           {move("2026-02-01", S::agreed, S::in_progress), move("2026-03-01", S::in_progress, S::completed),
                                            move("2026-03-05", S::completed, S::in_progress), move("2026-04-01", S::in_progress, S::completed),
                                            move("2026-05-01", S::completed, S::evidenced)})),
              d("2026-04-01"))
        << "reopened and completed again; signing off later is not a close";
    EXPECT_EQ(improvement_closed_on(action(S::superseded, "2026-01-01", "2026-06-01")), d("2026-01-01"))
        << "no move recorded: the day it was made";
}

TEST(ImprovementHistory, OpenFromTheDayItWasMadeUntilTheDayItClosedAndOverdueAfterItsDueDate) {
    using S = ActionState;
    const auto a = action(S::completed, "2026-01-10", "2026-03-31", {move("2026-05-20", S::in_progress, S::completed)});
    EXPECT_FALSE(improvement_open_on(a, d("2026-01-09")));
    EXPECT_TRUE(improvement_open_on(a, d("2026-01-10")));
    EXPECT_FALSE(improvement_overdue_on(a, d("2026-03-31"))) << "due that day is not yet overdue";
    EXPECT_TRUE(improvement_overdue_on(a, d("2026-04-01")));
    EXPECT_TRUE(improvement_open_on(a, d("2026-05-19")));
    EXPECT_FALSE(improvement_open_on(a, d("2026-05-20"))) << "closed that day";
    EXPECT_FALSE(improvement_overdue_on(a, d("2026-06-01")));
}

TEST(ImprovementHistory, CountedAtEachMonthEndThenToday) {
    const auto days = improvement_trend_days(d("2026-11-23"));
    ASSERT_EQ(days.size(), 12U);
    EXPECT_EQ(days.front(), d("2025-12-31"));
    EXPECT_EQ(days[2], d("2026-02-28"));
    EXPECT_EQ(days[10], d("2026-10-31"));
    EXPECT_EQ(days.back(), d("2026-11-23"));
    const auto short_one = improvement_trend_days(d("2028-03-31"), 3);
    EXPECT_EQ(short_one, (std::vector<Date>{d("2028-01-31"), d("2028-02-29"), d("2028-03-31")})) << "a leap year's February";
}
