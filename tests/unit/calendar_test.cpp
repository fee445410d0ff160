// The working-day calendar against the published bank holidays of England and Wales.
#include <gtest/gtest.h>

#include <map>

#include "core/calendar.hpp"

using assure::Date;
using assure::WorkingCalendar;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

// Every bank holiday in England and Wales, 2016-2027, as published.
const std::map<int, std::vector<const char*>> kPublished{
    {2016, {"2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"}},
    {2017, {"2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26"}},
    {2018, {"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"}},
    {2019, {"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"}},
    {2020, {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"}},
    {2021, {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"}},
    {2022, {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
            "2022-12-26", "2022-12-27"}},
    {2023, {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
            "2023-12-26"}},
    {2024, {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"}},
    {2025, {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"}},
    {2026, {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"}},
    {2027, {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}},
};

}  // namespace

TEST(BankHolidays, MatchThePublishedListsFor2016To2027) {
    const WorkingCalendar calendar;
    for (const auto& [year, expected] : kPublished) {
        std::vector<std::string> actual;
        for (const auto& h : calendar.bank_holidays(year)) actual.push_back(h.date.iso());
        EXPECT_EQ(actual, std::vector<std::string>(expected.begin(), expected.end())) << year;
    }
}

TEST(BankHolidays, EasterSundayByTheGregorianRule) {
    EXPECT_EQ(assure::easter_sunday(2019), d("2019-04-21"));
    EXPECT_EQ(assure::easter_sunday(2024), d("2024-03-31"));
    EXPECT_EQ(assure::easter_sunday(2038), d("2038-04-25"));  // the latest possible
    EXPECT_EQ(assure::easter_sunday(2285), d("2285-03-22"));  // the earliest possible
}

struct WorkingDayCase {
    const char* from;
    int days;
    const char* expected;
    const char* why;
};

class AddWorkingDays : public ::testing::TestWithParam<WorkingDayCase> {};

TEST_P(AddWorkingDays, GoldenCase) {
    const auto& c = GetParam();
    EXPECT_EQ(WorkingCalendar{}.add_working_days(d(c.from), c.days).iso(), c.expected) << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Golden, AddWorkingDays,
    ::testing::Values(
        WorkingDayCase{"2026-11-20", 5, "2026-11-27", "a Friday: five working days is the next Friday"},
        WorkingDayCase{"2026-11-21", 1, "2026-11-23", "from a Saturday, day 1 is Monday"},
        WorkingDayCase{"2026-11-22", 5, "2026-11-27", "from a Sunday"},
        WorkingDayCase{"2026-11-21", 0, "2026-11-21", "day 0 is the date itself, even at a weekend"},
        WorkingDayCase{"2026-11-02", 15, "2026-11-23", "a rapid review: three clear weeks"},
        WorkingDayCase{"2026-04-01", 5, "2026-04-10", "across Good Friday and Easter Monday"},
        WorkingDayCase{"2026-12-23", 5, "2027-01-04", "across Christmas, Boxing Day substitute and New Year"},
        WorkingDayCase{"2016-12-23", 1, "2016-12-28", "2016: Boxing Day Monday, Christmas substitute Tuesday"},
        WorkingDayCase{"2020-05-07", 1, "2020-05-11", "2020: VE Day moved the early May holiday to Friday 8 May"},
        WorkingDayCase{"2020-05-01", 1, "2020-05-04", "2020: Monday 4 May was a working day"},
        WorkingDayCase{"2022-05-27", 1, "2022-05-30", "2022: Monday 30 May was a working day"},
        WorkingDayCase{"2022-05-31", 5, "2022-06-09", "2022: Platinum Jubilee, 2 and 3 June"},
        WorkingDayCase{"2022-09-16", 1, "2022-09-20", "2022: the State Funeral, 19 September"},
        WorkingDayCase{"2023-05-05", 1, "2023-05-09", "2023: the coronation, 8 May"},
        WorkingDayCase{"2023-04-28", 1, "2023-05-02", "2023: the regular early May holiday still stood"},
        WorkingDayCase{"2021-12-24", 1, "2021-12-29", "2021: Christmas and Boxing Day substitutes"},
        WorkingDayCase{"2017-12-29", 1, "2018-01-02", "New Year's Day 2018, a Monday"},
        WorkingDayCase{"2022-12-30", 1, "2023-01-03", "2023: New Year's Day on a Sunday, substitute Monday"}));

TEST(WorkingDays, CountBetweenDates) {
    const WorkingCalendar calendar;
    EXPECT_EQ(calendar.working_days_between(d("2026-11-20"), d("2026-11-27")), 5);
    EXPECT_EQ(calendar.working_days_between(d("2026-11-27"), d("2026-11-20")), 0);
}

TEST(WorkingDays, AnAdministratorsExtraHolidayIsHonoured) {
    auto changes = assure::shipped_holiday_changes();
    changes.push_back({d("2027-06-07"), "A new one-off holiday", std::nullopt});
    const WorkingCalendar calendar(changes);
    EXPECT_FALSE(calendar.is_working_day(d("2027-06-07")));
    EXPECT_EQ(calendar.add_working_days(d("2027-06-04"), 1).iso(), "2027-06-08");
}

// The counts take shortcuts (weekdays by arithmetic, one list of holidays a year); each must
// agree with asking day by day, over spans from a day to decades, across the one-off changes.
TEST(WorkingCalendar, CountsAgreeWithAskingDayByDay) {
    const WorkingCalendar calendar;
    const std::int64_t first = Date{1994, 6, 1}.days(), last = Date{2031, 12, 31}.days();
    std::uint64_t state = 20261202;
    const auto next = [&](std::int64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    for (int trial = 0; trial < 300; ++trial) {
        const Date from = Date::from_days(first + next(last - first));
        const std::int64_t span = trial % 3 == 0 ? next(30) : next(4000);
        const Date to = Date::from_days(from.days() + span);
        int by_day = 0;
        for (std::int64_t x = from.days() + 1; x <= to.days(); ++x) by_day += calendar.is_working_day(Date::from_days(x)) ? 1 : 0;
        ASSERT_EQ(calendar.working_days_between(from, to), by_day) << from.iso() << " to " << to.iso();
        const int n = static_cast<int>(next(40));
        Date forward = from;
        for (int k = 0; k < n;) {
            forward = Date::from_days(forward.days() + 1);
            if (calendar.is_working_day(forward)) ++k;
        }
        ASSERT_EQ(calendar.add_working_days(from, n), forward) << from.iso() << " + " << n;
        Date back = from;
        for (int k = 0; k < n;) {
            back = Date::from_days(back.days() - 1);
            if (calendar.is_working_day(back)) ++k;
        }
        ASSERT_EQ(calendar.subtract_working_days(from, n), back) << from.iso() << " - " << n;
    }
}
