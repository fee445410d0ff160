#include <gtest/gtest.h>

#include "core/date.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"

using assure::Date;
using assure::date_in_words;
using assure::month_in_words;
using assure::period_in_words;

TEST(DateParsing, AcceptsRealDatesOnly) {
    EXPECT_EQ(Date::parse("2024-02-29")->iso(), "2024-02-29");
    EXPECT_FALSE(Date::parse("2023-02-29"));
    EXPECT_FALSE(Date::parse("2023-13-01"));
    EXPECT_FALSE(Date::parse("2023-1-01"));
    EXPECT_FALSE(Date::parse("01/02/2023"));
}

// Written digit by digit for the years a record has; any other year as printf would write it.
TEST(DateParsing, IsoIsFourDigitsOfYearAndTwoOfMonthAndDay) {
    EXPECT_EQ((Date{2016, 4, 1}).iso(), "2016-04-01");
    EXPECT_EQ((Date{1, 12, 31}).iso(), "0001-12-31");
    EXPECT_EQ((Date{9999, 10, 9}).iso(), "9999-10-09");
    EXPECT_EQ((Date{10000, 1, 2}).iso(), "10000-01-02");
    EXPECT_EQ((Date{-1, 1, 2}).iso(), "-001-01-02");
    for (int days = -1000; days < 40000; days += 37) {
        const Date d = Date::from_days(days);
        EXPECT_EQ(Date::parse(d.iso()), d) << d.iso();
    }
}

TEST(DateArithmetic, DaysRoundTripAndWeekdays) {
    const Date d{2026, 11, 22};
    EXPECT_EQ(Date::from_days(d.days()), d);
    EXPECT_EQ(d.weekday(), 6);  // a Sunday
    EXPECT_EQ((Date{2000, 3, 1}).days() - (Date{2000, 2, 28}).days(), 2);
    EXPECT_EQ(assure::iso_instant(0), "1970-01-01T00:00:00Z");
}

TEST(Text, Utf8AndEmailChecks) {
    EXPECT_TRUE(assure::is_valid_utf8("Zoë"));
    EXPECT_FALSE(assure::is_valid_utf8(std::string("\xC3", 1)));
    EXPECT_EQ(assure::char_count("Zoë"), 3u);
    EXPECT_TRUE(assure::looks_like_email("a@b.org"));
    EXPECT_FALSE(assure::looks_like_email("a@b"));
    EXPECT_FALSE(assure::looks_like_email("a b@c.org"));
}

TEST(DatesInWords, DayMonthAndPeriod) {
    const Date first = *Date::parse("2026-04-01"), last = *Date::parse("2027-03-31");
    EXPECT_EQ(date_in_words(*Date::parse("2026-12-08")), "8 December 2026");
    EXPECT_EQ(month_in_words(last), "March 2027");
    EXPECT_EQ(period_in_words(first, last), "1 April 2026 to 31 March 2027");
    EXPECT_EQ(period_in_words(first, first), "1 April 2026");
    EXPECT_EQ(period_in_words(first, std::nullopt), "1 April 2026 onwards");
    EXPECT_EQ(period_in_words(first, std::nullopt, ""), "1 April 2026");
}
