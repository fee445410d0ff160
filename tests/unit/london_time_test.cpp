// Time in England: which date a person in England means at a given instant, and what their
// clocks show. Each answer is worked out by hand from the UK summer-time rule (01:00 UTC on
// the last Sunday of March to 01:00 UTC on the last Sunday of October).
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "core/reviews.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

// An instant written as a UTC date and time of day.
Instant utc(const char* iso, int hour, int minute, int second = 0) {
    return d(iso).days() * 86400 + hour * 3600 + minute * 60 + second;
}

struct LondonCase {
    Instant at;
    const char* london_day;  // london_date
    const char* shown;       // display_instant: London's clocks
    const char* why;
};

const LondonCase kLondon[] = {
    {utc("2026-07-14", 23, 30), "2026-07-15", "15 July 2026 at 12:30am",
     "summer: 23:30 UTC is 00:30 BST, already the next day in England"},
    {utc("2026-01-14", 23, 30), "2026-01-14", "14 January 2026 at 11:30pm", "winter: the same time is GMT, still the same day"},
    {utc("2026-07-15", 0, 30), "2026-07-15", "15 July 2026 at 1:30am", "summer: 00:30 UTC is 01:30 BST on the same date"},
    {utc("2026-03-29", 0, 59, 59), "2026-03-29", "29 March 2026 at 12:59am", "the last second of GMT before the clocks go forward"},
    {utc("2026-03-29", 1, 0), "2026-03-29", "29 March 2026 at 2am", "01:00 UTC on 29 March: the clocks jump to 02:00 BST"},
    {utc("2026-03-28", 23, 30), "2026-03-28", "28 March 2026 at 11:30pm", "the night before the change is still GMT"},
    {utc("2026-03-29", 23, 30), "2026-03-30", "30 March 2026 at 12:30am", "the first night of BST: 23:30 UTC is tomorrow"},
    {utc("2026-10-25", 0, 59, 59), "2026-10-25", "25 October 2026 at 1:59am", "the last second of BST before the clocks go back"},
    {utc("2026-10-25", 1, 0), "2026-10-25", "25 October 2026 at 1am", "01:00 UTC on 25 October: 01:00 again, now GMT"},
    {utc("2026-10-24", 23, 30), "2026-10-25", "25 October 2026 at 12:30am", "the last night of BST: 23:30 UTC is tomorrow"},
    {utc("2026-10-25", 23, 30), "2026-10-25", "25 October 2026 at 11:30pm", "the first night of GMT: 23:30 UTC is today"},
    {utc("2027-03-28", 0, 59, 59), "2027-03-28", "28 March 2027 at 12:59am", "2027: GMT until 01:00 UTC on Sunday 28 March"},
    {utc("2027-03-28", 1, 0), "2027-03-28", "28 March 2027 at 2am", "2027: BST from 01:00 UTC on Sunday 28 March"},
    {utc("2027-10-31", 0, 59, 59), "2027-10-31", "31 October 2027 at 1:59am", "2027: BST until 01:00 UTC on Sunday 31 October"},
    {utc("2027-10-31", 1, 0), "2027-10-31", "31 October 2027 at 1am", "2027: GMT from 01:00 UTC on Sunday 31 October"},
    {utc("2024-03-31", 1, 0), "2024-03-31", "31 March 2024 at 2am", "2024: the last Sunday of March is the 31st itself"},
    {utc("2026-12-31", 23, 59, 59), "2026-12-31", "31 December 2026 at 11:59pm", "the year ends at UTC midnight: winter is GMT"},
    {utc("2026-12-08", 12, 0), "2026-12-08", "8 December 2026 at midday", "GOV.UK style: midday, not 12pm"},
    {utc("2026-12-08", 13, 5), "2026-12-08", "8 December 2026 at 1:05pm", "a 12-hour clock, minutes when there are any"},
    {utc("2027-01-01", 0, 0), "2027-01-01", "1 January 2027 at midnight", "new year's day in England and at Greenwich alike"},
};

}  // namespace

TEST(LondonTime, GoldenTableOfDatesAndClockTimesInEngland) {
    for (const auto& c : kLondon) {
        EXPECT_EQ(london_date(c.at).iso(), c.london_day) << c.why;
        EXPECT_EQ(display_instant(c.at), c.shown) << c.why;
    }
}

TEST(LondonTime, SummerTimeIsOneHourAheadOfUtcAndWinterIsNot) {
    EXPECT_EQ(london_offset(utc("2026-07-15", 12, 0)), 3600);
    EXPECT_EQ(london_offset(utc("2026-01-15", 12, 0)), 0);
    EXPECT_EQ(london_offset(utc("2026-03-29", 0, 59, 59)), 0);
    EXPECT_EQ(london_offset(utc("2026-03-29", 1, 0)), 3600);
    EXPECT_EQ(london_offset(utc("2026-10-25", 0, 59, 59)), 3600);
    EXPECT_EQ(london_offset(utc("2026-10-25", 1, 0)), 0);
}

TEST(LondonTime, TheUtcDateIsStillAvailableForMachines) {
    EXPECT_EQ(utc_date(utc("2026-07-14", 23, 30)).iso(), "2026-07-14");
    EXPECT_EQ(iso_instant(utc("2026-07-14", 23, 30)), "2026-07-14T23:30:00Z");  // the API's times stay UTC
}

struct MidnightCase {
    const char* day;
    Instant starts;
    const char* why;
};

TEST(LondonTime, EachDayBeginsAtMidnightOnLondonsClocks) {
    const MidnightCase cases[] = {
        {"2026-01-15", utc("2026-01-15", 0, 0), "winter: midnight GMT is midnight UTC"},
        {"2026-07-15", utc("2026-07-14", 23, 0), "summer: midnight BST is 23:00 UTC the day before"},
        {"2026-03-29", utc("2026-03-29", 0, 0), "the clocks go forward at 01:00 UTC, after that day's midnight"},
        {"2026-03-30", utc("2026-03-29", 23, 0), "the first day that begins in BST"},
        {"2026-10-25", utc("2026-10-24", 23, 0), "the clocks go back at 01:00 UTC, after that day's midnight"},
        {"2026-10-26", utc("2026-10-26", 0, 0), "the first day that begins in GMT again"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(london_midnight(d(c.day)), c.starts) << c.why;
        EXPECT_EQ(london_date(c.starts).iso(), c.day) << c.why;
        EXPECT_EQ(london_date(c.starts - 1), Date::from_days(d(c.day).days() - 1)) << c.why;
    }
}

struct MoveCase {
    Instant from;
    const char* to_day;
    Instant expected;
    const char* why;
};

TEST(LondonTime, MovingToAChosenDateKeepsLondonsClockTime) {
    const MoveCase cases[] = {
        {utc("2026-01-15", 10, 0), "2026-07-15", utc("2026-07-15", 9, 0), "10:00 GMT becomes 10:00 BST"},
        {utc("2026-07-14", 23, 30), "2026-01-20", utc("2026-01-20", 0, 30),
         "00:30 BST becomes 00:30 GMT on the 20th, not 23:30 on the 19th"},
        {utc("2026-01-15", 0, 30), "2026-07-20", utc("2026-07-19", 23, 30), "00:30 GMT becomes 00:30 BST on the 20th"},
        {utc("2026-07-15", 0, 30), "2026-03-29", utc("2026-03-29", 1, 30),
         "01:30 does not exist on 29 March 2026: an hour on, 02:30 BST"},
        {utc("2026-01-15", 1, 30), "2026-10-25", utc("2026-10-25", 1, 30), "01:30 happens twice on 25 October: GMT's"},
    };
    for (const auto& c : cases) EXPECT_EQ(moved_to_london_date(c.from, d(c.to_day)), c.expected) << c.why;
}

TEST(LondonTime, MovingToAChosenDateLandsOnThatDateAtEveryTimeOfDay) {
    const char* targets[] = {"2026-03-29", "2026-03-30", "2026-07-15", "2026-10-25", "2026-10-26", "2027-01-01"};
    for (Instant at = utc("2026-01-01", 0, 0); at < utc("2027-01-01", 0, 0); at += 15 * 60) {
        for (const char* target : targets) {
            ASSERT_EQ(london_date(moved_to_london_date(at, d(target))).iso(), target) << iso_instant(at);
        }
    }
}

TEST(LondonTime, AStatutoryClockCountsFromTheDateInEngland) {
    // Became aware on Monday 13 July 2026: the Panel must be notified within five working days,
    // by Monday 20 July. At 23:30 UTC on Monday 20 July it is 00:30 BST on Tuesday 21 July in
    // England, so the notification is already a working day late, though UTC still says Monday.
    Case c;
    c.became_aware_on = d("2026-07-13");
    c.incident_on = d("2026-07-13");
    const WorkingCalendar calendar;
    const Date due = deadlines(c, replay(c), calendar).notify_panel_by;
    ASSERT_EQ(due.iso(), "2026-07-20");

    const Instant half_past_midnight_bst = utc("2026-07-20", 23, 30);
    const Countdown in_england = countdown(london_date(half_past_midnight_bst), due, calendar);
    EXPECT_TRUE(in_england.overdue);
    EXPECT_EQ(in_england.working_days, 1);
    const Countdown at_greenwich = countdown(utc_date(half_past_midnight_bst), due, calendar);
    EXPECT_FALSE(at_greenwich.overdue) << "the UTC date would have said it was due today";
}
