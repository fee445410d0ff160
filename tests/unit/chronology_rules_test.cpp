// Multi-agency chronologies (issue 18 item 2): a row is checked as typed or uploaded, a sheet is
// all or none with every wrong row named, the timeline's order, its silences and the days several
// agencies were involved, and names replaced whole and consistently.
#include <gtest/gtest.h>

#include "core/chronology.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }
const Date kToday = d("2026-12-03");

ChronologyEntry at(std::int64_t id, AgencyId agency, const char* on, int minute = -1) {
    ChronologyEntry e;
    e.id = id;
    e.agency = agency;
    e.on = d(on);
    e.minute = minute;
    e.event = "event " + std::to_string(id);
    return e;
}

std::string messages(const FieldErrors& errors) {
    std::string out;
    for (const auto& e : errors) out += e.field + ": " + e.message + "\n";
    return out;
}

}  // namespace

TEST(ChronologyRows, ADateInEitherFormAnOptionalTimeAndTheEvent) {
    FieldErrors errors;
    auto row = check_chronology_row({"14/03/2016", "9:05", " Home visit ", "Case note", ""}, kToday, errors);
    ASSERT_TRUE(row) << messages(errors);
    EXPECT_EQ(row->on.iso(), "2016-03-14");
    EXPECT_EQ(row->minute, 9 * 60 + 5);
    EXPECT_EQ(clock_time(row->minute), "09:05");
    EXPECT_EQ(row->event, "Home visit");
    row = check_chronology_row({"2016-03-14", "", "Strategy discussion", "", ""}, kToday, errors);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->minute, -1);
    EXPECT_EQ(clock_time(row->minute), "");
    // A spreadsheet's time of day arrives as the fraction of a day.
    row = check_chronology_row({"14/03/2016", "0.395833333333333", "Visit", "", ""}, kToday, errors);
    ASSERT_TRUE(row);
    EXPECT_EQ(clock_time(row->minute), "09:30");
    EXPECT_TRUE(errors.empty());
}

TEST(ChronologyRows, NoDateAnImpossibleOneAFutureOneABadTimeOrNoEventAreNamed) {
    FieldErrors errors;
    EXPECT_FALSE(check_chronology_row({"", "", "Visit", "", ""}, kToday, errors));
    EXPECT_FALSE(check_chronology_row({"31/02/2016", "", "Visit", "", ""}, kToday, errors));
    EXPECT_FALSE(check_chronology_row({"2026-12-04", "", "Visit", "", ""}, kToday, errors));
    EXPECT_FALSE(check_chronology_row({"2016-03-14", "25:00", "Visit", "", ""}, kToday, errors));
    EXPECT_FALSE(check_chronology_row({"2016-03-14", "", "  ", "", ""}, kToday, errors));
    ASSERT_EQ(errors.size(), 5U) << messages(errors);
    EXPECT_EQ(errors[0].message, "Enter the date the event happened");
    EXPECT_EQ(errors[1].message, "Enter a real date the event happened, like 14/03/2016 (31/02/2016 is not a date)");
    EXPECT_EQ(errors[2].message, "The date the event happened must be today or in the past");
    EXPECT_EQ(errors[3].field, "time");
    EXPECT_EQ(errors[4].field, "event");
    // Today itself is allowed.
    EXPECT_TRUE(check_chronology_row({"2026-12-03", "", "Visit", "", ""}, kToday, errors));
}

TEST(ChronologySheet, HeadingsInAnyOrderBlankRowsSkipped) {
    FieldErrors errors;
    const auto rows = read_chronology_sheet("Event,Date,Analysis\r\nHome visit,14/03/2016,Seen alone\r\n,,\r\nGP appointment,02/04/2016,\r\n",
                                            kToday, "file", errors);
    ASSERT_TRUE(errors.empty()) << messages(errors);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].event, "Home visit");
    EXPECT_EQ(rows[0].analysis, "Seen alone");
    EXPECT_EQ(rows[1].on.iso(), "2016-04-02");
}

TEST(ChronologySheet, EveryWrongRowIsNamedByItsLineAndNothingIsRead) {
    FieldErrors errors;
    const auto rows = read_chronology_sheet("Date,Time,Event\n14/03/2016,,Fine\n,,No date\n30/02/2016,,Bad date\n01/05/2016,7pm,\n",
                                            kToday, "file", errors);
    EXPECT_TRUE(rows.empty());
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].field, "file");
    EXPECT_EQ(errors[0].message,
              "Row 3: enter the date the event happened. Row 4: enter a real date the event happened, like 14/03/2016 (30/02/2016 is not a "
              "date). Row 5: enter the time as hours and minutes on the 24-hour clock, like 09:30 or 17:05, or leave it empty; describe "
              "what happened");
}

TEST(ChronologySheet, AnUnknownHeadingNoDateColumnOrNoRowsRefuseTheFile) {
    FieldErrors errors;
    EXPECT_TRUE(read_chronology_sheet("Date,Event,Notes\n14/03/2016,Visit,x\n", kToday, "file", errors).empty());
    EXPECT_TRUE(read_chronology_sheet("Time,Event\n09:00,Visit\n", kToday, "file", errors).empty());
    EXPECT_TRUE(read_chronology_sheet("Date,Event\n", kToday, "file", errors).empty());
    EXPECT_TRUE(read_chronology_sheet("", kToday, "file", errors).empty());
    ASSERT_EQ(errors.size(), 4U) << messages(errors);
    EXPECT_EQ(errors[0].message,
              "Row 1: the column \"Notes\" is not one of Date, Time, Event, Source and Analysis: use the template's headings");
    EXPECT_EQ(errors[1].message, "The first row must name the columns, with Date and Event at least: use the template");
    EXPECT_EQ(errors[2].message, "The file has no chronology rows: fill in the template, one event on each row");
}

TEST(ChronologySheet, MoreThanTenWrongRowsAreCounted) {
    std::string csv = "Date,Event\n";
    for (int i = 0; i < 12; ++i) csv += ",Visit\n";
    FieldErrors errors;
    EXPECT_TRUE(read_chronology_sheet(csv, kToday, "file", errors).empty());
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_NE(errors[0].message.find("Row 11: enter the date"), std::string::npos);
    EXPECT_EQ(errors[0].message.find("Row 12:"), std::string::npos);
    EXPECT_NE(errors[0].message.find(". 2 more rows also need correcting"), std::string::npos) << errors[0].message;
}

TEST(ChronologyTimeline, ByDateUntimedFirstThenTimeThenAgencyName) {
    const AgencyId police{1}, health{2};
    const std::vector<std::pair<AgencyId, std::string>> names{{police, "Merseyside Police"}, {health, "Alder Hey"}};
    std::vector<ChronologyEntry> t{at(1, police, "2016-03-14", 600), at(2, health, "2016-03-14", 600), at(3, police, "2016-03-14"),
                                   at(4, health, "2016-02-01", 900)};
    sort_timeline(t, names);
    ASSERT_EQ(t.size(), 4U);
    EXPECT_EQ(t[0].id, 4);
    EXPECT_EQ(t[1].id, 3) << "no time comes before the timed rows of its day";
    EXPECT_EQ(t[2].id, 2) << "Alder Hey before Merseyside Police at the same time";
    EXPECT_EQ(t[3].id, 1);
}

TEST(ChronologyTimeline, SilencesLongerThanTheSetDaysAndDaysOfSeveralAgencies) {
    const AgencyId police{1}, health{2}, school{3};
    const std::vector<ChronologyEntry> t{at(1, police, "2016-01-01"), at(2, health, "2016-01-29"), at(3, health, "2016-03-01"),
                                         at(4, police, "2016-03-01"), at(5, school, "2016-03-01"), at(6, police, "2016-03-01")};
    const auto gaps = timeline_gaps(t, 28);
    ASSERT_EQ(gaps.size(), 1U) << "28 days exactly is not a silence longer than 28";
    EXPECT_EQ(gaps[0].after.iso(), "2016-01-29");
    EXPECT_EQ(gaps[0].before.iso(), "2016-03-01");
    EXPECT_EQ(gaps[0].days, 32);
    EXPECT_EQ(timeline_gaps(t, 27).size(), 2U);
    const auto overlaps = timeline_overlaps(t);
    ASSERT_EQ(overlaps.size(), 1U);
    EXPECT_EQ(overlaps[0].on.iso(), "2016-03-01");
    EXPECT_EQ(overlaps[0].agencies, (std::vector<AgencyId>{health, police, school}));
    EXPECT_TRUE(timeline_gaps({}, 28).empty());
    EXPECT_TRUE(timeline_overlaps({}).empty());
}

TEST(ChronologyNames, WholeWordsAnyCaseLongestFirstNeverAgain) {
    const std::vector<ChronologyAlias> names{{1, "Sarah", "Mother"}, {2, "Sarah Jones", "Mother"}, {3, "Jones", "Ms J"},
                                             {4, "Lee", "Stepfather"}, {5, "Mother", "Someone else"}};
    EXPECT_EQ(anonymise("SARAH JONES said Lee's partner, sarah, was at Leeds", names),
              "Mother said Stepfather's partner, Mother, was at Leeds");
    EXPECT_EQ(anonymise("Jones and Sarahs", names), "Ms J and Sarahs");
    EXPECT_EQ(anonymise("", names), "");
    EXPECT_EQ(anonymise("No names here", {}), "No names here");
}

TEST(ChronologyNames, BothPartsGivenAndANameOnlyOnce) {
    EXPECT_EQ(check_alias({0, " ", ""}, {}).size(), 2U);
    const auto twice = check_alias({0, "sarah jones", "Aunt"}, {{1, "Sarah Jones", "Mother"}});
    ASSERT_EQ(twice.size(), 1U);
    EXPECT_EQ(twice[0].message, "sarah jones is already replaced by Mother");
    EXPECT_TRUE(check_alias({0, "Lee", "Stepfather"}, {{1, "Sarah Jones", "Mother"}}).empty());
}
