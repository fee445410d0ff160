// The notice a person gives to cancel their own training place, in working days.
#include <gtest/gtest.h>

#include "core/training_notice.hpp"

using namespace assure;

namespace {
Date d(const char* iso) { return *Date::parse(iso); }
}  // namespace

TEST(CancellationNotice, TwoWorkingDaysBeforeTheSession) {
    const WorkingCalendar calendar;
    EXPECT_EQ(last_day_to_cancel(d("2026-12-10"), calendar).iso(), "2026-12-08") << "a Thursday's: the Tuesday";
    EXPECT_EQ(last_day_to_cancel(d("2026-12-07"), calendar).iso(), "2026-12-03") << "a Monday's: the Thursday before";
    // 25 and 28 December 2026 are bank holidays.
    EXPECT_EQ(last_day_to_cancel(d("2026-12-29"), calendar).iso(), "2026-12-23");
    EXPECT_TRUE(may_cancel_own_place(d("2026-12-10"), d("2026-12-08"), calendar));
    EXPECT_FALSE(may_cancel_own_place(d("2026-12-10"), d("2026-12-09"), calendar));
    EXPECT_TRUE(may_cancel_own_place(d("2026-12-10"), d("2026-12-09"), calendar, 1)) << "a shorter notice";
}
