// The registers' rules, with no store: financial years, shares, what a referral, a death and a
// money entry must keep, and how counts become seed 001's figures. "Today" is a value passed in.
#include <gtest/gtest.h>

#include "core/registers.hpp"

using namespace assure;

namespace {

const Date kToday{2017, 6, 1};

Date d(const char* iso) { return *Date::parse(iso); }

bool names(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors) if (e.field == field) return true;
    return false;
}

LadoReferral referral() {
    LadoReferral r;
    r.adult_reference = "LADO-2016-17-001";
    r.referred_on = d("2016-05-03");
    r.role = "Teacher";
    r.limbs = {HarmLimb::harmed};
    return r;
}

}  // namespace

TEST(FinancialYears, RunFromAprilToMarchAndAreNamedByBothYears) {
    EXPECT_EQ(FinancialYear::of(d("2017-03-31")).key(), "2016-17");
    EXPECT_EQ(FinancialYear::of(d("2017-04-01")).key(), "2017-18");
    EXPECT_EQ(FinancialYear{1999}.key(), "1999-00");
    EXPECT_EQ(FinancialYear::parse("2016/17"), FinancialYear{2016});
    EXPECT_EQ(FinancialYear::parse("2016-18"), std::nullopt) << "the second year must follow the first";
    EXPECT_EQ(FinancialYear::parse("16-17"), std::nullopt);
    EXPECT_TRUE(FinancialYear{2016}.contains(d("2016-04-01")));
    EXPECT_FALSE(FinancialYear{2016}.contains(d("2016-03-31")));
}

TEST(Shares, AreRoundedHalfUpAndAbsentWithNothingToShare) {
    EXPECT_EQ(percent(44, 63), 70) << "seed 001: no further action 'increasing to 70%'";
    EXPECT_EQ(percent(1, 8), 13);
    EXPECT_EQ(percent(1, 0), std::nullopt);
    EXPECT_EQ(basis_points(148'792, 267'800), 5556) << "Knowsley Council's 55.56%";
    EXPECT_EQ(basis_points_text(5556), "55.56");
    EXPECT_EQ(basis_points_text(56), "0.56");
}

TEST(Money, IsWrittenInPoundsAndInSeed001sMillionsAndReadFromWhatIsTyped) {
    EXPECT_EQ(pounds(14'879'200), "£148,792");
    EXPECT_EQ(pounds(125'050), "£1,250.50");
    EXPECT_EQ(pounds(-500), "-£5");
    EXPECT_EQ(millions(26'780'000), "0.268");
    EXPECT_EQ(millions(149'900), "0.001") << "£1,499 rounds down to £0.001m";
    EXPECT_EQ(millions(3'500'000), "0.035");
    EXPECT_EQ(parse_pounds("148,901"), 14'890'100);
    EXPECT_EQ(parse_pounds("1250.5"), 125'050);
    EXPECT_EQ(parse_pounds("12.345"), std::nullopt);
    EXPECT_EQ(parse_pounds("-4"), std::nullopt);
    EXPECT_EQ(parse_pounds("1."), std::nullopt);
}

TEST(Dates, AreWrittenInWords) { EXPECT_EQ(date_in_words(d("2017-03-31")), "31 March 2017"); }

TEST(LadoRules, AnOutcomeDatedBeforeTheReferralIsRefusedNamingTheField) {
    LadoReferral r = referral();
    r.initial_considered_on = d("2016-05-04");
    r.initial_outcome = InitialOutcome::strategy_meeting;
    r.outcome = LadoOutcome::substantiated;
    r.outcome_on = d("2016-05-01");
    const auto errors = validate_lado(r, kToday);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "outcome_on");
    EXPECT_NE(errors[0].message.find("after the referral date"), std::string::npos) << errors[0].message;
}

TEST(LadoRules, NoFurtherActionAfterInitialConsiderationLeavesNoOutcomeAndNoStrategyMeeting) {
    LadoReferral r = referral();
    r.initial_considered_on = d("2016-05-04");
    r.initial_outcome = InitialOutcome::no_further_action;
    EXPECT_TRUE(validate_lado(r, kToday).empty());
    EXPECT_EQ(standing_of(r), LadoStanding::no_further_action);
    EXPECT_EQ(resolved_on(r), d("2016-05-04"));
    r.outcome = LadoOutcome::unfounded;
    r.outcome_on = d("2016-06-01");
    r.strategy_meeting_on = d("2016-05-05");
    const auto errors = validate_lado(r, kToday);
    EXPECT_TRUE(names(errors, "outcome"));
    EXPECT_TRUE(names(errors, "strategy_meeting_on"));
}

TEST(LadoRules, ARefusalNamesEachMissingOrFutureField) {
    LadoReferral r = referral();
    r.adult_reference = " ";
    r.limbs.clear();
    r.referred_on = d("2017-06-02");
    r.outcome = LadoOutcome::malicious;
    const auto errors = validate_lado(r, kToday);
    for (const char* field : {"adult_reference", "limbs", "referred_on", "outcome", "outcome_on"}) {
        EXPECT_TRUE(names(errors, field)) << field;
    }
}

TEST(LadoRules, TimelinessCountsCalendarMonthsFromTheReferral) {
    LadoReferral r = referral();
    r.referred_on = d("2017-01-31");
    r.initial_considered_on = d("2017-02-28");
    r.initial_outcome = InitialOutcome::no_further_action;
    EXPECT_EQ(timeliness_of(r), Timeliness::within_one_month) << "31 January plus a month is 28 February";
    r.initial_outcome = InitialOutcome::strategy_meeting;
    r.outcome = LadoOutcome::unsubstantiated;
    r.outcome_on = d("2017-03-01");
    EXPECT_EQ(timeliness_of(r), Timeliness::within_three_months);
    r.outcome_on = d("2018-01-31");
    EXPECT_EQ(timeliness_of(r), Timeliness::within_twelve_months);
    r.outcome_on = d("2018-02-01");
    EXPECT_EQ(timeliness_of(r), Timeliness::over_twelve_months);
    r.outcome.reset();
    r.outcome_on.reset();
    EXPECT_EQ(timeliness_of(r), std::nullopt);
    EXPECT_EQ(standing_of(r), LadoStanding::continuing);
}

TEST(LadoFigures, TimelinessIsCumulativeAndJudgedAgainstThePartnershipsTargets) {
    LadoCounts c;
    c.referrals = 63;
    c.no_further_action = 44;
    c.resolved = 62;
    c.within_one_month = 48;
    c.within_three_months = 9;
    c.within_twelve_months = 4;
    RegisterRules rules;
    const auto f = lado_figures(FinancialYear{2016}, c, {{LadoSector::education, 20}, {LadoSector::foster_care, 0}}, rules);
    EXPECT_EQ(f.no_further_action_percent, 70);
    EXPECT_EQ(f.within_one_month.percent, 77);
    EXPECT_EQ(f.within_one_month.met, false);
    EXPECT_EQ(f.within_three_months.count, 57);
    EXPECT_EQ(f.within_three_months.met, true) << "92% against 90%";
    EXPECT_EQ(f.within_twelve_months.count, 61);
    EXPECT_EQ(f.within_twelve_months.met, false) << "one resolved after twelve months";
    ASSERT_EQ(f.by_sector.size(), 1u) << "sectors with no referrals are left out";
    rules.lado_within_one_month_percent = 75;
    EXPECT_EQ(lado_figures(FinancialYear{2016}, c, {}, rules).within_one_month.met, true);
    EXPECT_EQ(lado_figures(FinancialYear{2016}, LadoCounts{}, {}, rules).within_one_month.met, std::nullopt);
}

TEST(ChildDeathRules, ACategoryIsThePanelsFindingSoOnlyACompleteReviewHasOne) {
    ChildDeath death;
    death.reference = "CD-2016-01";
    death.died_on = d("2016-04-19");
    death.category = DeathCategory::perinatal_neonatal;
    EXPECT_TRUE(names(validate_child_death(death, kToday), "category"));
    death.status = ReviewStatus::complete;
    const auto errors = validate_child_death(death, kToday);
    EXPECT_FALSE(names(errors, "category"));
    EXPECT_TRUE(names(errors, "modifiable"));
    EXPECT_TRUE(names(errors, "reviewed_on"));
    death.modifiable = false;
    death.reviewed_on = d("2016-04-01");
    ASSERT_EQ(validate_child_death(death, kToday).size(), 1u);
    EXPECT_EQ(validate_child_death(death, kToday)[0].field, "reviewed_on") << "a review before the death";
}

TEST(ChildDeathFigures, NameTheCommonestAgeOnlyWhenItStandsAlone) {
    ChildDeathCounts c;
    c.deaths = 12;
    c.by_age = {{AgeBand::under_28_days, 3}, {AgeBand::years_1_to_4, 2}};
    c.by_category = {{DeathCategory::chromosomal_genetic_congenital, 3}};
    c.reviewed = 8;
    c.modifiable = 1;
    const auto f = child_death_figures(FinancialYear{2016}, c);
    EXPECT_EQ(f.commonest_age, AgeBand::under_28_days);
    EXPECT_EQ(f.by_age.size(), 6u);
    EXPECT_EQ(f.by_category.size(), 10u) << "every national category, including those with none";
    EXPECT_EQ(f.modifiable_percent, 13);
    c.by_age[AgeBand::years_1_to_4] = 3;
    EXPECT_EQ(child_death_figures(FinancialYear{2016}, c).commonest_age, std::nullopt);
}

TEST(FinanceRules, SpendingBelowZeroNeedsAReasonAndAnOpeningBalanceIsForTheFirstYearOnly) {
    FinanceEntry e;
    e.year = FinancialYear{2016};
    e.kind = FinanceKind::expenditure;
    e.heading = Heading::staffing;
    e.amount_pence = 100;
    e.on = d("2017-03-31");
    EXPECT_TRUE(validate_finance_entry(e, kToday, false, 0).empty()) << "exactly zero left is allowed";
    EXPECT_TRUE(names(validate_finance_entry(e, kToday, false, -1), "reason"));
    e.reason = "Agreed overspend on the review";
    EXPECT_TRUE(validate_finance_entry(e, kToday, false, -1).empty());
    e.on = d("2017-04-01");
    EXPECT_TRUE(names(validate_finance_entry(e, kToday, false, 0), "on")) << "a date outside the year";
    FinanceEntry opening;
    opening.year = FinancialYear{2016};
    opening.kind = FinanceKind::opening_balance;
    opening.amount_pence = 7'800'000;
    opening.on = d("2016-04-01");
    EXPECT_TRUE(validate_finance_entry(opening, kToday, false, std::nullopt).empty());
    EXPECT_TRUE(names(validate_finance_entry(opening, kToday, true, std::nullopt), "kind"));
}

TEST(FinanceFigures, ShareAndCarryForwardAreComputedFromTheSums) {
    FinanceSums s;
    s.brought_forward = 7'800'000;
    s.contributions = 26'780'000;
    s.expenditure = 31'080'000;
    s.in_kind = 500'000;
    s.projected_contributions = 1'000'000;
    s.by_contributor = {{"Police", 2'075'400}, {"Knowsley Council", 14'879'200}};
    s.by_heading = {{Heading::staffing, 20'142'900}};
    const auto f = finance_figures(FinancialYear{2016}, s);
    EXPECT_EQ(f.resources, 34'580'000);
    EXPECT_EQ(f.carried_forward, 3'500'000);
    EXPECT_EQ(millions(f.carried_forward), "0.035");
    EXPECT_EQ(f.projected_carried_forward, 4'500'000);
    ASSERT_EQ(f.contributors.size(), 2u);
    EXPECT_EQ(f.contributors[0].name, "Knowsley Council") << "largest first";
    EXPECT_EQ(basis_points_text(*f.contributors[0].basis_points), "55.56");
    EXPECT_EQ(basis_points_text(*f.headings[0].basis_points), "64.81");
}
