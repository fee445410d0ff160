// The children in need census: read from its XML a child at a time (each child kept whole or
// refused whole, naming the line of its <Child> and every problem), and its indicators counted
// for the year and its quarters by hand-worked examples.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/dataset_cin.hpp"
#include "ingest/libxml2_xml_reader.hpp"

namespace assure {
namespace {

std::string hashed(std::string_view id) { return "hash-of-" + std::string(id); }

ParsedCensus read(const std::string& xml, int year = 2016) {
    CinCensusReader reader(year, hashed);
    ingest::Libxml2XmlReader().read(xml, reader);
    return reader.finish();
}

std::string census_file(const std::string& children, const std::string& reference = "2017-03-31") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header><CollectionDetails><Collection>CIN</Collection><Year>2017</Year>"
           "<ReferenceDate>" + reference + "</ReferenceDate></CollectionDetails></Header>\n<Children>\n" + children + "</Children>\n</Message>\n";
}

// A child on lines of its own, so a refusal's line can be checked.
std::string child(const std::string& id, const std::string& details) {
    return "<Child>\n<ChildIdentifiers><LAchildID>" + id + "</LAchildID><UPN>A123456789012</UPN><PersonBirthDate>2010-05-01</PersonBirthDate>"
           "</ChildIdentifiers>\n" + details + "</Child>\n";
}

std::string episode(const std::string& referred, const std::string& inside = "", const std::string& closed = "") {
    return "<CINdetails><CINreferralDate>" + referred + "</CINreferralDate><ReferralSource>1A</ReferralSource>" +
           (closed.empty() ? "" : "<CINclosureDate>" + closed + "</CINclosureDate>") + inside + "<ReferralNFA>false</ReferralNFA></CINdetails>\n";
}

std::string plan(const std::string& start, const std::string& end, const std::string& latest, const std::string& previous = "") {
    return "<ChildProtectionPlans><CPPstartDate>" + start + "</CPPstartDate>" + (end.empty() ? "" : "<CPPendDate>" + end + "</CPPendDate>") +
           "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>" + latest + "</LatestCategoryOfAbuse>" +
           (previous.empty() ? "" : "<NumberOfPreviousCPP>" + previous + "</NumberOfPreviousCPP>") + "</ChildProtectionPlans>";
}

std::string enquiry(const std::string& start, const std::string& conference) {
    return "<Section47><S47ActualStartDate>" + start + "</S47ActualStartDate><InitialCPCtarget>2016-01-01</InitialCPCtarget>"
           "<DateOfInitialCPC>" + conference + "</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>";
}

std::string assessment(const std::string& start, const std::string& authorised) {
    return "<Assessments><AssessmentActualStartDate>" + start + "</AssessmentActualStartDate><AssessmentAuthorisationDate>" + authorised +
           "</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors>"
           "</FactorsIdentifiedAtAssessment></Assessments>";
}

// Four children in 2016/17, worked by hand:
//  C1 referred 3 May 2016; assessed in 13 working days; enquiry 10 May, conference 24 May (10
//     working days); an emotional abuse plan from 24 May, still open.
//  C2 referred 2 November 2015 and again 1 September 2016 (a re-referral); a neglect plan from
//     January 2014 ended 15 August 2016 (two years or more); enquiry 1 September, conference
//     3 October (22 working days: late); a physical abuse plan from 3 October, its second.
//  C3 referred 1 December 2016 (last referred June 2015, over a year before); assessed on
//     1 March 2017 (late); a sexual abuse plan 5 January to 20 March 2017 after two earlier.
//  C4 referred 1 February 2017, last referred 15 March 2016 (the year before's census).
std::string hand_worked() {
    return census_file(
        child("C1", episode("2016-05-03", assessment("2016-05-04", "2016-05-20") + enquiry("2016-05-10", "2016-05-24") + plan("2016-05-24", "", "EMO"))) +
        child("C2", episode("2015-11-02", plan("2014-01-10", "2016-08-15", "NEG")) +
                        episode("2016-09-01", enquiry("2016-09-01", "2016-10-03") + plan("2016-10-03", "", "PHY"))) +
        child("C3", episode("2016-12-01", assessment("2016-12-02", "2017-03-01") + plan("2017-01-05", "2017-03-20", "SAB", "2"))) +
        child("C4", episode("2017-02-01")));
}

std::vector<CinReferral> year_before() {
    return {{hashed("C3"), Date{2015, 6, 1}, Date{2015, 9, 1}, false, 0}, {hashed("C4"), Date{2016, 3, 15}, std::nullopt, false, 0},
            {hashed("C2"), Date{2015, 11, 2}, std::nullopt, false, 0}};
}

const IndicatorValue& value(const std::vector<IndicatorValue>& values, const std::string& code, DatasetPeriod period) {
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.code == code && v.period == period; });
    if (it == values.end()) throw std::runtime_error("no " + code + " for " + period.key());
    return *it;
}

TEST(CinCensusReader, KeepsEachChildsEventsUnderTheKeyedHashAndNothingElseOfThem) {
    const auto parsed = read(hand_worked());
    EXPECT_FALSE(parsed.file_refused);
    EXPECT_TRUE(parsed.refused.empty());
    EXPECT_EQ(parsed.children_read, 4);
    EXPECT_EQ(parsed.children_kept, 4);
    EXPECT_EQ(parsed.census.referrals.size(), 5u);
    EXPECT_EQ(parsed.census.assessments.size(), 2u);
    EXPECT_EQ(parsed.census.enquiries.size(), 2u);
    ASSERT_EQ(parsed.census.plans.size(), 4u);
    EXPECT_EQ(parsed.census.referrals[0].child, "hash-of-C1");
    const auto& c3 = parsed.census.plans[3];
    EXPECT_EQ(c3.child, "hash-of-C3");
    EXPECT_EQ(c3.started, (Date{2017, 1, 5}));
    EXPECT_EQ(c3.ended, (Date{2017, 3, 20}));
    EXPECT_EQ(c3.initial_category, "NEG");
    EXPECT_EQ(c3.latest_category, "SAB");
    EXPECT_EQ(c3.previous_plans, 2);
    // The assessment carries its episode's referral, which its 45 working days count from.
    EXPECT_EQ(parsed.census.assessments[1].referred, (Date{2016, 12, 1}));
    for (const auto& line : canonical_children(parsed.census)) {
        EXPECT_EQ(line.find("A123456789012"), std::string::npos) << "no UPN is kept";
        EXPECT_EQ(line.find("2010-05"), std::string::npos) << "no date of birth is kept";
        EXPECT_EQ(line.rfind("hash-of-", 0), 0u);
    }
}

TEST(CinCensusReader, AChildWithAProblemIsRefusedWholeAtItsLineNamingEveryProblem) {
    const std::string xml = census_file(child("OK1", episode("2016-05-03", plan("2016-05-24", "", "EMO"))) +
                                        child("BAD1", episode("2016-05-03", plan("2016-02-30", "", "EMO") + plan("2016-06-01", "2016-05-01", "XYZ"))) +
                                        child("", episode("2016-07-01")) +
                                        child("OK1", episode("2016-08-01")) +
                                        child("OLD", episode("2014-05-01", "", "2015-12-01")) +
                                        child("NONE", ""));
    const auto parsed = read(xml);
    EXPECT_FALSE(parsed.file_refused);
    EXPECT_EQ(parsed.children_read, 6);
    EXPECT_EQ(parsed.children_kept, 1);
    EXPECT_EQ(parsed.census.plans.size(), 1u) << "nothing of a refused child is kept";
    ASSERT_EQ(parsed.refused.size(), 5u);
    // Each child begins on its own line: the heading takes four lines, then four a child.
    EXPECT_EQ(parsed.refused[0].line, 9);
    EXPECT_NE(parsed.refused[0].reason.find("CPPstartDate \"2016-02-30\""), std::string::npos) << parsed.refused[0].reason;
    EXPECT_NE(parsed.refused[0].reason.find("CPPendDate 1 May 2016 is before CPPstartDate 1 June 2016"), std::string::npos) << parsed.refused[0].reason;
    EXPECT_NE(parsed.refused[0].reason.find("LatestCategoryOfAbuse \"XYZ\""), std::string::npos) << parsed.refused[0].reason;
    EXPECT_NE(parsed.refused[1].reason.find("LAchildID is missing"), std::string::npos);
    EXPECT_NE(parsed.refused[2].reason.find("already on the <Child> at line 5"), std::string::npos) << parsed.refused[2].reason;
    EXPECT_NE(parsed.refused[3].reason.find("is not open in 2016/17"), std::string::npos) << parsed.refused[3].reason;
    EXPECT_NE(parsed.refused[4].reason.find("has no CINdetails"), std::string::npos);
}

TEST(CinCensusReader, AFileThatIsNotThisYearsCensusIsRefusedWhole) {
    auto refused_for = [](const std::string& xml) {
        const auto parsed = read(xml);
        EXPECT_TRUE(parsed.file_refused) << xml;
        EXPECT_EQ(parsed.children_kept, 0);
        return parsed.refused.empty() ? std::string() : parsed.refused.front().reason;
    };
    const std::string one = child("C1", episode("2016-05-03"));
    EXPECT_NE(refused_for(census_file(one, "2023-03-31")).find("the census for 2022/23: this import is for 2016/17"), std::string::npos);
    EXPECT_NE(refused_for("CHILD,DECOM\nC1,01/04/2016\n").find("not well-formed XML"), std::string::npos);
    EXPECT_NE(refused_for("").find("not well-formed XML"), std::string::npos);
    EXPECT_NE(refused_for("<Workbook><Children/></Workbook>").find("<Workbook>"), std::string::npos);
    EXPECT_NE(refused_for("<Message><Header/></Message>").find("no <Children>"), std::string::npos);
    EXPECT_NE(refused_for(census_file(one).substr(0, 200)).find("not well-formed XML"), std::string::npos) << "a file cut short";
    // Entities declared by the file are never expanded: a document type is refused outright.
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                               "<Message><Children>&b;</Children></Message>";
    EXPECT_NE(refused_for(laughs).find("document type"), std::string::npos);
}

// A document given in parts is read as if they were one text, wherever the parts are cut: in a
// tag, in a text, between two characters of a line break; empty parts change nothing.
TEST(CinCensusReader, ADocumentInPartsIsReadAsTheWholeText) {
    const std::string xml = census_file(child("C1", episode("2016-05-03")) + child("C2", episode("2016-06-04")) + child("C2", episode("2016-07-05")));
    const auto whole = read(xml);
    ASSERT_EQ(whole.children_kept, 2);
    ASSERT_EQ(whole.refused.size(), 1u) << "C2's second <Child> is refused at its line";
    for (std::size_t a = 0; a <= xml.size(); a += 7) {
        for (std::size_t b = a; b <= xml.size(); b += 61) {
            const std::string_view text = xml;
            const std::string_view parts[] = {text.substr(0, a), "", text.substr(a, b - a), text.substr(b)};
            CinCensusReader reader(2016, hashed);
            ingest::Libxml2XmlReader().read(parts, reader);
            const auto in_parts = reader.finish();
            ASSERT_EQ(in_parts.children_kept, whole.children_kept) << "cut at " << a << " and " << b;
            ASSERT_EQ(in_parts.census.referrals.size(), whole.census.referrals.size());
            ASSERT_EQ(in_parts.census.referrals.front().line, whole.census.referrals.front().line);
            ASSERT_EQ(in_parts.refused.size(), 1u);
            ASSERT_EQ(in_parts.refused.front().line, whole.refused.front().line);
            ASSERT_EQ(in_parts.refused.front().reason, whole.refused.front().reason);
        }
    }
    // Parts that are all empty are an empty document, refused as one.
    const std::string_view nothing[] = {"", ""};
    CinCensusReader reader(2016, hashed);
    ingest::Libxml2XmlReader().read(nothing, reader);
    const auto empty = reader.finish();
    EXPECT_TRUE(empty.file_refused);
    ASSERT_FALSE(empty.refused.empty());
    EXPECT_NE(empty.refused.front().reason.find("not well-formed XML"), std::string::npos) << empty.refused.front().reason;
}

TEST(CinIndicators, PlansAtEachPeriodsEndCountEachChildOnceByTheLatestCategory) {
    const auto parsed = read(hand_worked());
    const auto v = compute_cin_year(2016, parsed.census, year_before(), 32486, WorkingCalendar());
    EXPECT_EQ(value(v, "cp_plans", {2016, 0}).value, 2.0);  // C1 and C2's second; C3's ended 20 March
    EXPECT_EQ(value(v, "cp_plans", {2016, 1}).value, 2.0);  // C1 and C2's first
    EXPECT_EQ(value(v, "cp_plans", {2016, 2}).value, 1.0);  // C2's first ended in August
    EXPECT_EQ(value(v, "cp_plans", {2016, 3}).value, 2.0);
    EXPECT_EQ(value(v, "cp_category_emo", {2016, 0}).value, 50.0);
    EXPECT_EQ(value(v, "cp_category_phy", {2016, 0}).value, 50.0);
    EXPECT_EQ(value(v, "cp_category_neg", {2016, 0}).value, 0.0);
    EXPECT_EQ(value(v, "cp_category_neg", {2016, 1}).value, 50.0);
    EXPECT_EQ(value(v, "cp_category_emo", {2016, 2}).value, 100.0);
    const auto& rate = value(v, "cp_rate", {2016, 0});
    EXPECT_EQ(rate.numerator, 2);
    EXPECT_EQ(rate.denominator, 32486);
    EXPECT_EQ(rate.value, 0.6);
    EXPECT_EQ(value(v, "cp_category_sab", {2016, 4}).value, 0.0) << "C3's plan ended before the end of March";
}

TEST(CinIndicators, PlansStartedEndedRepeatedAndLongAreCountedInThePeriodTheyHappened) {
    const auto v = compute_cin_year(2016, read(hand_worked()).census, year_before(), std::nullopt, WorkingCalendar());
    EXPECT_EQ(value(v, "cp_started", {2016, 0}).value, 3.0);
    EXPECT_EQ(value(v, "cp_started", {2016, 2}).value, 0.0);
    const auto& repeat = value(v, "cp_second_or_subsequent", {2016, 0});
    EXPECT_EQ(repeat.numerator, 2);  // C2's second (an earlier plan in the census), C3's (two before, says the census)
    EXPECT_EQ(repeat.denominator, 3);
    EXPECT_EQ(repeat.value, 66.7);
    EXPECT_EQ(value(v, "cp_second_or_subsequent", {2016, 1}).value, 0.0);
    EXPECT_EQ(value(v, "cp_ended", {2016, 0}).value, 2.0);
    EXPECT_EQ(value(v, "cp_ended", {2016, 2}).value, 1.0);
    EXPECT_EQ(value(v, "cp_two_years_plus", {2016, 0}).value, 50.0);
    EXPECT_EQ(value(v, "cp_two_years_plus", {2016, 2}).value, 100.0);
    EXPECT_FALSE(value(v, "cp_two_years_plus", {2016, 1}).value) << "no plan ended in the first quarter";
    EXPECT_FALSE(std::any_of(v.begin(), v.end(), [](const auto& x) { return x.code == "cp_rate"; })) << "no rate without the population";
}

TEST(CinIndicators, ConferencesAndAssessmentsAreOnTimeByWorkingDays) {
    const auto v = compute_cin_year(2016, read(hand_worked()).census, year_before(), std::nullopt, WorkingCalendar());
    const auto& icpc = value(v, "icpc_in_15_days", {2016, 0});
    EXPECT_EQ(icpc.numerator, 1);
    EXPECT_EQ(icpc.denominator, 2);
    EXPECT_EQ(value(v, "icpc_in_15_days", {2016, 1}).value, 100.0);
    EXPECT_EQ(value(v, "icpc_in_15_days", {2016, 3}).value, 0.0);
    const auto& assessed = value(v, "assessments_in_45_days", {2016, 0});
    EXPECT_EQ(assessed.numerator, 1);
    EXPECT_EQ(assessed.denominator, 2);
    EXPECT_EQ(value(v, "assessments_in_45_days", {2016, 4}).value, 0.0);

    // Exactly 15 working days from the enquiry is on time; 16 is not (Friday 6 May 2016 to
    // Friday 27 May, then Tuesday 31 May after the spring bank holiday).
    for (const auto& [conference, on_time] : {std::pair{"2016-05-27", 100.0}, std::pair{"2016-05-31", 0.0}}) {
        const auto one = read(census_file(child("X", episode("2016-05-03", enquiry("2016-05-06", conference)))));
        EXPECT_EQ(value(compute_cin_year(2016, one.census, {}, std::nullopt, WorkingCalendar()), "icpc_in_15_days", {2016, 1}).value, on_time)
            << conference;
    }
}

TEST(CinIndicators, AReReferralLooksBackTwelveMonthsIntoTheYearBeforesCensusAndCountsOneReferralOnce) {
    const auto v = compute_cin_year(2016, read(hand_worked()).census, year_before(), std::nullopt, WorkingCalendar());
    EXPECT_EQ(value(v, "referrals", {2016, 0}).value, 4.0) << "C2's November 2015 referral is in both censuses, and not this year's";
    const auto& again = value(v, "re_referrals_12m", {2016, 0});
    EXPECT_EQ(again.numerator, 2);  // C2 (ten months after November) and C4 (March before); not C3 (18 months)
    EXPECT_EQ(again.denominator, 4);
    EXPECT_EQ(value(v, "re_referrals_12m", {2016, 4}).value, 100.0);
    EXPECT_EQ(value(v, "re_referrals_12m", {2016, 3}).value, 0.0);
    // Without the year before's census, C4's March referral is unknown.
    EXPECT_EQ(value(compute_cin_year(2016, read(hand_worked()).census, {}, std::nullopt, WorkingCalendar()), "re_referrals_12m", {2016, 0}).numerator, 1);
}

TEST(CinIndicators, APartnershipsOwnRulesMoveEachMeasureAsTheHandWorkedDaysSay) {
    const auto census = read(hand_worked()).census;
    auto with = [&](const CinRules& rules) { return compute_cin_year(2016, census, year_before(), std::nullopt, WorkingCalendar(), rules); };
    CinRules generous;
    generous.conference_working_days = 22;  // C2's conference, 22 working days after its enquiry, is now on time
    EXPECT_EQ(value(with(generous), "icpc_in_15_days", {2016, 0}).numerator, 2);
    CinRules strict;
    strict.conference_working_days = 9;     // and C1's, after 10, is not
    strict.assessment_working_days = 12;    // C1 was assessed in 13
    strict.re_referral_months = 6;          // C2 ten months on, C4 eleven: neither
    strict.long_plan_months = 36;           // C2's plan lasted 31 months
    const auto v = with(strict);
    EXPECT_EQ(value(v, "icpc_in_15_days", {2016, 0}).numerator, 0);
    EXPECT_EQ(value(v, "assessments_in_45_days", {2016, 0}).numerator, 0);
    EXPECT_EQ(value(v, "re_referrals_12m", {2016, 0}).numerator, 0);
    EXPECT_EQ(value(v, "cp_two_years_plus", {2016, 2}).value, 0.0);
}

TEST(CinIndicators, EachRuleHasBoundsTheDefaultsLieWithin) {
    const CinRules defaults;
    ASSERT_EQ(cin_rule_settings().size(), 4u);
    for (const auto& setting : cin_rule_settings()) {
        EXPECT_LE(setting.min, defaults.*setting.field) << setting.key;
        EXPECT_GE(setting.max, defaults.*setting.field) << setting.key;
    }
    EXPECT_EQ(cin_rule_settings()[2].max, 12) << "re-referrals look back into one earlier census only";
}

TEST(CinIndicators, AYearWithoutACensusHasNoFigures) {
    EXPECT_TRUE(compute_cin_year(2016, CinCensus{}, year_before(), 32486, WorkingCalendar()).empty());
}

}  // namespace
}  // namespace assure
