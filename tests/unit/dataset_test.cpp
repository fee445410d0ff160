// The dataset's rules with known answers: periods, rounding, RAG, the CSV readers' refusals,
// and the indicators computed from small sets of records worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/dataset.hpp"
#include "core/dataset_compute.hpp"
#include "core/dataset_records.hpp"

namespace assure {
namespace {

std::string tag(std::string_view id) { return "h:" + std::string(id); }

Date d(int y, int m, int day) { return Date{y, m, day}; }

const IndicatorValue& figure(const std::vector<IndicatorValue>& values, const std::string& code, const std::string& period) {
    const auto p = *DatasetPeriod::parse(period);
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.code == code && v.period == p; });
    if (it == values.end()) throw std::runtime_error("no figure " + code + " " + period);
    return *it;
}

TEST(DatasetPeriod, AFinancialYearRunsFromAprilToMarch) {
    const auto p = *DatasetPeriod::parse("2016-17");
    EXPECT_EQ(p.start(), d(2016, 4, 1));
    EXPECT_EQ(p.end(), d(2017, 3, 31));
    EXPECT_EQ(p.label(), "2016/17");
    EXPECT_EQ(p.key(), "2016-17");
}

TEST(DatasetPeriod, QuartersEndOnTheLastDayOfJuneSeptemberDecemberAndMarch) {
    EXPECT_EQ(DatasetPeriod::parse("2016-17-Q1")->end(), d(2016, 6, 30));
    EXPECT_EQ(DatasetPeriod::parse("2016-17-Q2")->end(), d(2016, 9, 30));
    EXPECT_EQ(DatasetPeriod::parse("2016-17-Q3")->end(), d(2016, 12, 31));
    EXPECT_EQ(DatasetPeriod::parse("2016-17-Q4")->start(), d(2017, 1, 1));
    EXPECT_EQ(DatasetPeriod::parse("2019-20-Q4")->end(), d(2020, 3, 31));
    EXPECT_EQ(DatasetPeriod::parse("2016-17-Q4")->label(), "Q4 2016/17");
}

TEST(DatasetPeriod, ADateBelongsToTheFinancialYearItFallsIn) {
    EXPECT_EQ(DatasetPeriod::year_of(d(2017, 3, 31)).key(), "2016-17");
    EXPECT_EQ(DatasetPeriod::year_of(d(2017, 4, 1)).key(), "2017-18");
    EXPECT_EQ(DatasetPeriod::quarter_of(d(2017, 1, 1)).key(), "2016-17-Q4");
    EXPECT_EQ(DatasetPeriod::quarter_of(d(2016, 9, 30)).key(), "2016-17-Q2");
}

TEST(DatasetPeriod, OnlyConsecutiveYearsAndQuartersOneToFourAreAccepted) {
    EXPECT_FALSE(DatasetPeriod::parse("2016-18"));
    EXPECT_FALSE(DatasetPeriod::parse("2016-17-Q5"));
    EXPECT_FALSE(DatasetPeriod::parse("2016/17"));
    EXPECT_FALSE(DatasetPeriod::parse("16-17"));
    EXPECT_TRUE(DatasetPeriod::parse("1999-00"));
}

TEST(DatasetPeriod, ThePeriodBeforeAFirstQuarterIsTheLastQuarterOfTheYearBefore) {
    EXPECT_EQ(DatasetPeriod::parse("2016-17-Q1")->previous().key(), "2015-16-Q4");
    EXPECT_EQ(DatasetPeriod::parse("2016-17")->previous().key(), "2015-16");
}

TEST(DatasetFigures, RatesPer10000AreRoundedToOneDecimalAsPublished) {
    // Seed 001: 220 plans among 32,486 children is 67.7 per 10,000; 290 looked after is 89.3.
    EXPECT_DOUBLE_EQ(*ratio_value(220, 32486, Unit::rate_per_10000), 67.7);
    EXPECT_DOUBLE_EQ(*ratio_value(290, 32486, Unit::rate_per_10000), 89.3);
    EXPECT_DOUBLE_EQ(*ratio_value(110, 220, Unit::percentage), 50.0);
    EXPECT_DOUBLE_EQ(*ratio_value(96, 220, Unit::percentage), 43.6);
    EXPECT_FALSE(ratio_value(1, 0, Unit::percentage));
    EXPECT_EQ(format_figure(89.3, Unit::rate_per_10000), "89.3");
    EXPECT_EQ(format_figure(13, Unit::percentage), "13.0");
    EXPECT_EQ(format_figure(290, Unit::count), "290");
}

TEST(DatasetFigures, HalfATenthRoundsAwayFromZero) {
    EXPECT_DOUBLE_EQ(round_one_decimal(67.65), 67.7);
    EXPECT_DOUBLE_EQ(round_one_decimal(0.05), 0.1);
}

TEST(DatasetRag, AboveTheTargetIsGreenWithinToleranceAmberBeyondRed) {
    IndicatorDefinition higher;
    higher.polarity = Polarity::higher_is_better;
    higher.target = 70;
    higher.tolerance = 10;
    EXPECT_EQ(rag_of(higher, 70.0), Rag::green);
    EXPECT_EQ(rag_of(higher, 60.0), Rag::amber);
    EXPECT_EQ(rag_of(higher, 59.9), Rag::red);
    IndicatorDefinition lower = higher;
    lower.polarity = Polarity::lower_is_better;
    lower.target = 15;
    lower.tolerance = 2;
    EXPECT_EQ(rag_of(lower, 13.0), Rag::green);
    EXPECT_EQ(rag_of(lower, 17.0), Rag::amber);
    EXPECT_EQ(rag_of(lower, 17.1), Rag::red);
    EXPECT_EQ(rag_of(lower, std::nullopt), Rag::none);
    lower.target.reset();
    EXPECT_EQ(rag_of(lower, 99.0), Rag::none);
}

TEST(DatasetRag, DirectionOfTravelFollowsPolarity) {
    EXPECT_EQ(travel_of(Polarity::lower_is_better, 14.4, 13.0), Travel::improving);
    EXPECT_EQ(travel_of(Polarity::higher_is_better, 14.4, 13.0), Travel::worsening);
    EXPECT_EQ(travel_of(Polarity::neither, 89.0, 89.3), Travel::up);
    EXPECT_EQ(travel_of(Polarity::neither, 89.3, 89.3), Travel::same);
    EXPECT_EQ(travel_of(Polarity::neither, std::nullopt, 89.3), Travel::none);
}

TEST(DatasetCatalogue, TheDefaultCatalogueHasTheIssuesCodesOnce) {
    const auto& c = default_indicator_catalogue();
    for (const char* code : {"cp_plans", "cp_rate", "cp_category_emo", "cp_category_neg", "cp_category_phy", "cp_category_sab",
                             "cp_category_mul", "cp_second_or_subsequent", "cp_started", "cp_ended", "cp_two_years_plus",
                             "icpc_in_15_days", "cla", "cla_rate", "cla_started", "cla_ceased", "cla_three_placements",
                             "cla_long_term_stability", "missing_children", "missing_episodes", "missing_cla_children",
                             "missing_cla_episodes", "missing_rhi_offered_72h", "missing_three_in_90_days", "referrals",
                             "re_referrals_12m", "assessments_in_45_days", "lado_referrals", "lado_nfa_share"}) {
        EXPECT_EQ(std::count_if(c.begin(), c.end(), [&](const auto& d) { return d.code == code; }), 1) << code;
    }
}

TEST(DatasetReaders, DatesAreDayMonthYearAndMustExist) {
    EXPECT_EQ(parse_uk_date("31/03/2017"), d(2017, 3, 31));
    EXPECT_FALSE(parse_uk_date("29/02/2017"));
    EXPECT_FALSE(parse_uk_date("2017-03-31"));
    EXPECT_FALSE(parse_uk_date("1/3/2017"));
}

TEST(DatasetReaders, AHeaderKeepsOnlyTheMonthAndYearOfBirthAndTheHashedId) {
    const auto r = read_ssda903_header("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"
                                       "A1,1,15/06/2005,WBRI,UPN1,,\r\n",
                                       tag);
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].child, "h:A1");
    EXPECT_EQ(r.rows[0].birth_year, 2005);
    EXPECT_EQ(r.rows[0].birth_month, 6);
    EXPECT_EQ(canonical(r.rows[0]).find("15"), std::string::npos);  // the day is gone
}

TEST(DatasetReaders, AMissingColumnRefusesTheWholeFileNamingTheColumn) {
    const auto r = read_ssda903_episodes("CHILD,DECOM,RNE\nA1,01/04/2016,S\n", tag);
    EXPECT_TRUE(r.file_refused);
    EXPECT_TRUE(r.rows.empty());
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_EQ(r.refused[0].line, 1);
    EXPECT_NE(r.refused[0].reason.find("LS"), std::string::npos);
    EXPECT_NE(r.refused[0].reason.find("HOME_POST"), std::string::npos);
}

TEST(DatasetReaders, EachBadRowIsRefusedWithItsLineAndReason) {
    const std::string csv =
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        "A1,01/04/2016,S,C2,N1,U1,PR1,,,,L36,L36,\n"          // line 2: good
        "A2,31/02/2016,S,C2,N1,U1,PR1,,,,L36,L36,\n"          // line 3: no such date
        "A3,01/05/2016,S,C2,N1,U1,PR1,01/04/2016,E11,,,,\n"   // line 4: ends before it starts
        "A4,01/05/2016,Z,C2,N1,U1,PR1,,,,,,\n"                // line 5: unknown RNE
        "A5,01/05/2016,S,C2,N1,U1,PR1\n";                     // line 6: short row
    const auto r = read_ssda903_episodes(csv, tag);
    EXPECT_EQ(r.rows_read, 5);
    ASSERT_EQ(r.rows.size(), 1u);
    ASSERT_EQ(r.refused.size(), 4u);
    EXPECT_EQ(r.refused[0].line, 3);
    EXPECT_EQ(r.refused[0].column, "DECOM");
    EXPECT_EQ(r.refused[1].line, 4);
    EXPECT_EQ(r.refused[1].column, "DEC");
    EXPECT_NE(r.refused[1].reason.find("before it starts"), std::string::npos);
    EXPECT_EQ(r.refused[2].column, "RNE");
    EXPECT_EQ(r.refused[3].line, 6);
}

TEST(DatasetReaders, QuotedCellsAreReadAndBlankLinesPassedOver) {
    const auto r = read_population("year,children\r\n\"2016\",\"32486\"\r\n\r\n2015,\"32,697\"\r\n");
    EXPECT_EQ(r.rows_read, 2);
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].children, 32486);
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_EQ(r.refused[0].line, 4);
    EXPECT_EQ(r.refused[0].column, "children");
}

TEST(DatasetReaders, AnIndicatorValueNeedsAKnownCodeARealPeriodAndANumber) {
    auto known = [](std::string_view code) { return code == "referrals" || code == "icpc_in_15_days"; };
    const auto r = read_indicator_values("code,period,value,numerator,denominator\n"
                                         "referrals,2016-17-Q1,120,,\n"
                                         "icpc_in_15_days,2016-17-Q1,,19,20\n"
                                         "nonsense,2016-17-Q1,1,,\n"
                                         "referrals,2016-17-Q9,1,,\n"
                                         "referrals,2016-17-Q2,lots,,\n"
                                         "icpc_in_15_days,2016-17-Q2,,19,\n",
                                         known);
    EXPECT_EQ(r.rows.size(), 2u);
    ASSERT_EQ(r.refused.size(), 4u);
    EXPECT_EQ(r.refused[0].column, "code");
    EXPECT_EQ(r.refused[1].column, "period");
    EXPECT_EQ(r.refused[2].column, "value");
    EXPECT_EQ(r.refused[3].column, "denominator");
}

TEST(DatasetReaders, TheSameEpisodeTwiceInOneFileIsRefused) {
    const std::string head = "CHILD,DOB,MISSING,MIS_START,MIS_END\n";
    const auto r = read_missing(head + "A1,01/01/2005,M,01/05/2016,02/05/2016\nA1,01/01/2005,M,03/05/2016,01/05/2016\n", tag);
    EXPECT_EQ(r.rows.size(), 1u);
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_EQ(r.refused[0].column, "MIS_END");
}

TEST(DatasetChanges, RowsAreComparedWithTheLastImportOfThePeriod) {
    const auto c = changes_between({"a", "b", "c"}, {"b", "c", "d", "e"}, false);
    EXPECT_EQ(c.added, 2);
    EXPECT_EQ(c.removed, 1);
    EXPECT_EQ(c.unchanged, 2);
}

// ---- computation on records worked out by hand --------------------------------------

EpisodeRecord ep(const char* child, Date start, std::optional<Date> end, const char* rne, const char* rec = "") {
    EpisodeRecord e;
    e.child = child;
    e.start = start;
    e.end = end;
    e.rne = rne;
    e.rec = rec;
    e.ls = "C2";
    e.cin = "N1";
    e.place = "U1";
    return e;
}

MissingRecord away(const char* child, Date start, char kind = 'M') {
    MissingRecord m;
    m.child = child;
    m.kind = kind;
    m.start = start;
    return m;
}

YearRecords hand_worked_year() {
    YearRecords r;
    r.year = 2016;
    r.population = 40000;
    r.children.push_back({"D", 1, 2008, 1, "WBRI", 0});
    r.children.push_back({"E", 2, 2005, 1, "WBRI", 0});
    r.episodes = {
        ep("A", d(2016, 1, 1), std::nullopt, "S"),                      // looked after all year
        ep("B", d(2016, 5, 1), d(2016, 8, 15), "S", "E11"),             // starts in Q1, leaves care in Q2
        ep("C", d(2016, 4, 1), d(2016, 6, 1), "S", "X1"),               // three placements in the year
        ep("C", d(2016, 6, 1), d(2016, 9, 1), "P", "X1"),
        ep("C", d(2016, 9, 1), std::nullopt, "P"),
        ep("D", d(2013, 4, 1), d(2015, 4, 1), "S", "X1"),               // legal status changed, same placement
        ep("D", d(2015, 4, 1), std::nullopt, "L"),
        ep("E", d(2013, 4, 1), d(2015, 10, 1), "S", "X1"),              // moved placement 18 months before the end
        ep("E", d(2015, 10, 1), std::nullopt, "P"),
    };
    r.missing = {
        away("A", d(2016, 4, 10)), away("A", d(2016, 7, 10)), away("A", d(2016, 7, 20)),  // 101 days: not 3 in 90
        away("X", d(2016, 5, 1)), away("X", d(2016, 5, 15)), away("X", d(2016, 6, 1)),    // 3 in 31 days
        away("X", d(2016, 5, 1)),                    // the same episode from the all-children file
        away("X", d(2016, 6, 2), 'A'),               // away, not missing
        away("B", d(2016, 9, 1)),                    // after B left care
        away("Z", d(2017, 4, 2)),                    // the next year
    };
    return r;
}

TEST(DatasetCompute, LookedAfterIsASnapshotAtThePeriodsEnd) {
    const auto v = compute_year(hand_worked_year());
    EXPECT_EQ(*figure(v, "cla", "2016-17").value, 4);  // A, C, D, E: B left in August
    EXPECT_EQ(*figure(v, "cla", "2016-17-Q1").value, 5);
    EXPECT_EQ(*figure(v, "cla", "2016-17-Q2").value, 4);
    const auto& rate = figure(v, "cla_rate", "2016-17");
    EXPECT_EQ(*rate.numerator, 4);
    EXPECT_EQ(*rate.denominator, 40000);
    EXPECT_DOUBLE_EQ(*rate.value, 1.0);
}

TEST(DatasetCompute, StartersAndLeaversCountChildrenNotEpisodes) {
    const auto v = compute_year(hand_worked_year());
    EXPECT_EQ(*figure(v, "cla_started", "2016-17").value, 2);  // B and C; C's later episodes are moves
    EXPECT_EQ(*figure(v, "cla_started", "2016-17-Q1").value, 2);
    EXPECT_EQ(*figure(v, "cla_ceased", "2016-17").value, 1);  // B; C's X1 endings continue care
    EXPECT_EQ(*figure(v, "cla_ceased", "2016-17-Q2").value, 1);
}

TEST(DatasetCompute, ThreePlacementsInTheYearIsAShareOfThoseLookedAfterAtTheEnd) {
    const auto v = compute_year(hand_worked_year());
    const auto& three = figure(v, "cla_three_placements", "2016-17");
    EXPECT_EQ(*three.numerator, 1);  // C
    EXPECT_EQ(*three.denominator, 4);
    EXPECT_DOUBLE_EQ(*three.value, 25.0);
    EXPECT_EQ(*figure(v, "cla_three_placements", "2016-17-Q1").numerator, 0);  // C had two by June
}

TEST(DatasetCompute, LongTermStabilityIgnoresAChangeOfLegalStatusButNotAMove) {
    const auto v = compute_year(hand_worked_year());
    const auto& stable = figure(v, "cla_long_term_stability", "2016-17");
    EXPECT_EQ(*stable.denominator, 2);  // D and E: under 16, looked after since 2013
    EXPECT_EQ(*stable.numerator, 1);    // D: the L episode is the same placement
    EXPECT_DOUBLE_EQ(*stable.value, 50.0);
}

TEST(DatasetCompute, AYearsDistinctMissingChildrenIsNotTheSumOfItsQuarters) {
    const auto v = compute_year(hand_worked_year());
    EXPECT_EQ(*figure(v, "missing_children", "2016-17-Q1").value, 2);  // A, X
    EXPECT_EQ(*figure(v, "missing_children", "2016-17-Q2").value, 2);  // A, B
    EXPECT_EQ(*figure(v, "missing_children", "2016-17").value, 3);     // A, X, B: not 4
    EXPECT_EQ(*figure(v, "missing_episodes", "2016-17").value, 7);     // the duplicate and the away episode are not counted
    EXPECT_EQ(*figure(v, "missing_episodes", "2016-17-Q1").value, 4);
}

TEST(DatasetCompute, AMissingEpisodeIsALookedAfterChildsIfTheChildWasLookedAfterThatDay) {
    const auto v = compute_year(hand_worked_year());
    EXPECT_EQ(*figure(v, "missing_cla_children", "2016-17").value, 1);  // A; B had left care
    EXPECT_EQ(*figure(v, "missing_cla_episodes", "2016-17").value, 3);
    EXPECT_EQ(*figure(v, "missing_cla_episodes", "2016-17-Q2").value, 2);
}

TEST(DatasetCompute, ThreeMissingEpisodesWithin90DaysAreCountedInTheQuarterOfTheThird) {
    const auto v = compute_year(hand_worked_year());
    EXPECT_EQ(*figure(v, "missing_three_in_90_days", "2016-17").value, 1);  // X, not A (101 days)
    EXPECT_EQ(*figure(v, "missing_three_in_90_days", "2016-17-Q1").value, 1);
    EXPECT_EQ(*figure(v, "missing_three_in_90_days", "2016-17-Q2").value, 0);
}

TEST(DatasetCompute, WithoutRecordsAFigureIsMissingNotZero) {
    YearRecords none;
    none.year = 2016;
    const auto v = compute_year(none);
    EXPECT_FALSE(figure(v, "cla", "2016-17").value);
    EXPECT_FALSE(figure(v, "missing_children", "2016-17").value);
}

TEST(DatasetReaders, ReturnInterviewDaysAreReadWhereTheFileHasThemAndCheckedAgainstTheReturn) {
    const std::string head = "CHILD,DOB,MISSING,MIS_START,MIS_END,RHI_OFFERED,RHI_ACCEPTED\n";
    const auto r = read_missing(head +
                                    "A1,01/01/2005,M,01/05/2016,02/05/2016,04/05/2016,05/05/2016\n"  // line 2: good
                                    "A1,01/01/2005,M,03/06/2016,,04/06/2016,\n"                      // 3: offered before any return
                                    "A1,01/01/2005,M,03/07/2016,05/07/2016,04/07/2016,\n"            // 4: offered before the return
                                    "A1,01/01/2005,M,03/08/2016,05/08/2016,,06/08/2016\n"            // 5: accepted, never offered
                                    "A1,01/01/2005,M,03/09/2016,05/09/2016,31/09/2016,\n",           // 6: no such day
                                tag);
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].rhi_offered, d(2016, 5, 4));
    EXPECT_EQ(r.rows[0].rhi_accepted, d(2016, 5, 5));
    ASSERT_EQ(r.refused.size(), 4u);
    EXPECT_EQ(r.refused[0].column, "RHI_OFFERED");
    EXPECT_NE(r.refused[0].reason.find("MIS_END is empty"), std::string::npos);
    EXPECT_EQ(r.refused[1].reason, "The return interview was offered (RHI_OFFERED 2016-07-04) before the child returned (MIS_END 2016-07-05)");
    EXPECT_EQ(r.refused[2].column, "RHI_ACCEPTED");
    EXPECT_EQ(r.refused[3].line, 6);
    EXPECT_EQ(r.refused[3].column, "RHI_OFFERED");
    // A file without the columns is read as before, with no interview days.
    const auto plain = read_missing("CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/01/2005,M,01/05/2016,02/05/2016\n", tag);
    ASSERT_EQ(plain.rows.size(), 1u);
    EXPECT_FALSE(plain.rows[0].rhi_offered.has_value());
}

MissingRecord returned_home(const char* child, Date start, Date end, std::optional<Date> offered) {
    MissingRecord m = away(child, start);
    m.end = end;
    m.rhi_offered = offered;
    return m;
}

TEST(DatasetCompute, ReturnInterviewsWithin72HoursAreAShareOfEpisodesEndedInThePeriod) {
    YearRecords r;
    r.year = 2016;
    r.missing = {
        returned_home("A", d(2016, 4, 10), d(2016, 4, 11), d(2016, 4, 14)),  // Q1: three days after: in time
        returned_home("A", d(2016, 6, 29), d(2016, 7, 2), d(2016, 7, 6)),    // ends in Q2: four days after, late
        returned_home("B", d(2016, 5, 1), d(2016, 5, 1), std::nullopt),      // Q1: never offered
        returned_home("B", d(2016, 5, 1), d(2016, 5, 1), d(2016, 5, 2)),     // the same episode from the other file, offered: kept
        away("C", d(2016, 9, 1)),                                            // not yet returned: not counted
        returned_home("D", d(2016, 8, 1), d(2016, 8, 1), d(2016, 8, 1)),     // Q2: the same day
    };
    const auto v = compute_year(r);
    const auto& year = figure(v, "missing_rhi_offered_72h", "2016-17");
    EXPECT_EQ(*year.numerator, 3);
    EXPECT_EQ(*year.denominator, 4);
    EXPECT_DOUBLE_EQ(*year.value, 75.0);
    EXPECT_EQ(*figure(v, "missing_rhi_offered_72h", "2016-17-Q1").denominator, 2);
    EXPECT_EQ(*figure(v, "missing_rhi_offered_72h", "2016-17-Q2").numerator, 1);
    EXPECT_FALSE(figure(compute_year(hand_worked_year()), "missing_rhi_offered_72h", "2016-17").value) << "records without interview days";
}

IndicatorValue returned(const char* code, const char* period, std::optional<double> value, std::optional<std::int64_t> num = {},
                        std::optional<std::int64_t> den = {}) {
    return {code, *DatasetPeriod::parse(period), value, num, den};
}

TEST(DatasetAssemble, ARatioForTheYearIsRecomputedFromItsPartsNotAveraged) {
    const auto& c = default_indicator_catalogue();
    const std::vector<IndicatorValue> r{returned("icpc_in_15_days", "2016-17-Q1", {}, 1, 1),
                                        returned("icpc_in_15_days", "2016-17-Q2", {}, 0, 3),
                                        returned("icpc_in_15_days", "2016-17-Q3", {}, 0, 3),
                                        returned("icpc_in_15_days", "2016-17-Q4", {}, 0, 3)};
    const auto v = assemble(c, *DatasetPeriod::parse("2016-17"), {}, r, std::nullopt);
    const auto& icpc = figure(v, "icpc_in_15_days", "2016-17");
    EXPECT_DOUBLE_EQ(*icpc.value, 10.0);  // 1 of 10, not the average 25.0 of 100, 0, 0, 0
    EXPECT_EQ(*icpc.denominator, 10);
}

TEST(DatasetAssemble, ASnapshotYearIsItsLastQuarterAndARateIsMadeFromTheCountAndPopulation) {
    const auto& c = default_indicator_catalogue();
    const std::vector<IndicatorValue> r{returned("cp_plans", "2016-17-Q3", 250), returned("cp_plans", "2016-17-Q4", 220)};
    const auto v = assemble(c, *DatasetPeriod::parse("2016-17"), {}, r, 32486);
    EXPECT_EQ(*figure(v, "cp_plans", "2016-17").value, 220);
    const auto& rate = figure(v, "cp_rate", "2016-17");
    EXPECT_DOUBLE_EQ(*rate.value, 67.7);
    EXPECT_EQ(*rate.numerator, 220);
    EXPECT_EQ(*rate.denominator, 32486);
}

TEST(DatasetAssemble, CountsSumToTheYearOnlyWhenEveryQuarterIsIn) {
    const auto& c = default_indicator_catalogue();
    std::vector<IndicatorValue> r{returned("referrals", "2016-17-Q1", 100), returned("referrals", "2016-17-Q2", 110),
                                  returned("referrals", "2016-17-Q3", 120)};
    EXPECT_FALSE(figure(assemble(c, *DatasetPeriod::parse("2016-17"), {}, r, {}), "referrals", "2016-17").value);
    r.push_back(returned("referrals", "2016-17-Q4", 130));
    EXPECT_EQ(*figure(assemble(c, *DatasetPeriod::parse("2016-17"), {}, r, {}), "referrals", "2016-17").value, 460);
}

TEST(DatasetAssemble, AReturnedPercentageIsRecomputedFromItsParts) {
    const auto& c = default_indicator_catalogue();
    const std::vector<IndicatorValue> r{returned("cp_category_emo", "2016-17-Q4", 99.0, 110, 220)};
    EXPECT_DOUBLE_EQ(*figure(assemble(c, *DatasetPeriod::parse("2016-17-Q4"), {}, r, {}), "cp_category_emo", "2016-17-Q4").value, 50.0);
}

TEST(DatasetAssemble, AReturnedIndicatorTakesTheRecordsFigureWhenTheRecordsCarryIt) {
    const auto& c = default_indicator_catalogue();
    const auto year = *DatasetPeriod::parse("2016-17");
    const std::vector<IndicatorValue> r{returned("missing_rhi_offered_72h", "2016-17", {}, 268, 330)};
    EXPECT_EQ(*figure(assemble(c, year, {}, r, {}), "missing_rhi_offered_72h", "2016-17").numerator, 268) << "the return, without records";
    const std::vector<IndicatorValue> computed{{"missing_rhi_offered_72h", year, 75.0, 3, 4}};
    EXPECT_EQ(*figure(assemble(c, year, computed, r, {}), "missing_rhi_offered_72h", "2016-17").numerator, 3);
    const std::vector<IndicatorValue> none{{"missing_rhi_offered_72h", year, std::nullopt, std::nullopt, std::nullopt}};
    EXPECT_EQ(*figure(assemble(c, year, none, r, {}), "missing_rhi_offered_72h", "2016-17").numerator, 268) << "records without the days";
}

}  // namespace
}  // namespace assure
