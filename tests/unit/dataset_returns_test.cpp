// The agencies' returns' rules: due dates in working days, lateness, which agency returns which
// indicators, the form's and the file's checks, and when a correction needs its reason.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/dataset_returns.hpp"

namespace assure {
namespace {

Agency agency(const std::string& name, StatutoryRole role) {
    Agency a;
    a.name = name;
    a.statutory_role = role;
    return a;
}

std::vector<std::string> codes(const std::vector<IndicatorDefinition>& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.code);
    return out;
}

const IndicatorDefinition& def(const std::string& code) {
    const auto& c = default_indicator_catalogue();
    return *std::find_if(c.begin(), c.end(), [&](const auto& d) { return d.code == code; });
}

TEST(DatasetReturnRules, AQuartersReturnIsDueTheWorkingDaysAfterItEndsSkippingBankHolidays) {
    const WorkingCalendar cal;
    // Q1 2016/17 ends on Thursday 30 June 2016: 20 working days on is Thursday 28 July.
    EXPECT_EQ(return_due_on(DatasetPeriod{2016, 1}, 20, cal), (Date{2016, 7, 28}));
    // Q3 ends on Saturday 31 December 2016; 2 January (a Monday) is the New Year bank holiday.
    EXPECT_EQ(return_due_on(DatasetPeriod{2016, 3}, 1, cal), (Date{2017, 1, 3}));
    EXPECT_EQ(return_due_on(DatasetPeriod{2016, 3}, 0, cal), (Date{2016, 12, 31}));
    EXPECT_EQ(kDefaultReturnDueWorkingDays, 20);
}

TEST(DatasetReturnRules, AReturnIsLateAfterItsDueDayAndReturnedLateIfItCameAfter) {
    const DatasetPeriod q{2016, 1};
    const Date due{2016, 7, 28};
    EXPECT_EQ(dataset_return_status(q, due, std::nullopt, Date{2016, 6, 30}), DatasetReturnStatus::not_due);
    EXPECT_EQ(dataset_return_status(q, due, std::nullopt, Date{2016, 7, 1}), DatasetReturnStatus::due);
    EXPECT_EQ(dataset_return_status(q, due, std::nullopt, due), DatasetReturnStatus::due);
    EXPECT_EQ(dataset_return_status(q, due, std::nullopt, Date{2016, 7, 29}), DatasetReturnStatus::late);
    EXPECT_EQ(dataset_return_status(q, due, due, Date{2016, 9, 1}), DatasetReturnStatus::submitted);
    EXPECT_EQ(dataset_return_status(q, due, Date{2016, 7, 29}, Date{2016, 9, 1}), DatasetReturnStatus::submitted_late);
}

TEST(DatasetReturnRules, EachAgencyReturnsTheIndicatorsItIsTheSourceOfButNoRateMadeFromAnother) {
    const auto& c = default_indicator_catalogue();
    const auto council = codes(return_indicators(c, agency("Knowsley Council", StatutoryRole::local_authority)));
    EXPECT_NE(std::find(council.begin(), council.end(), "cp_plans"), council.end());
    EXPECT_NE(std::find(council.begin(), council.end(), "lado_referrals"), council.end());
    EXPECT_EQ(std::find(council.begin(), council.end(), "cp_rate"), council.end()) << "a rate is made from cp_plans and the population";
    EXPECT_EQ(std::find(council.begin(), council.end(), "cla"), council.end()) << "computed from the records, not returned";
    EXPECT_TRUE(return_indicators(c, agency("Knowsley Housing Trust", StatutoryRole::none)).empty());
    // An agency named as the catalogue names the source is its source whatever its role.
    auto custom = c;
    custom.front().source_agency = "Knowsley Housing Trust";
    EXPECT_EQ(codes(return_indicators(custom, agency("knowsley housing trust", StatutoryRole::none))), std::vector<std::string>{"cp_plans"});
}

TEST(DatasetReturnRules, TheFormNeedsEveryFigureAndNamesTheFieldOfEachProblem) {
    const std::vector<IndicatorDefinition> asked{def("cp_started"), def("icpc_in_15_days")};
    std::vector<ReturnedValue> out;
    auto errors = check_return_form(asked, {{"cp_started", "", "", ""}, {"icpc_in_15_days", "", "x", "0"}}, {2016, 1}, out);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "value-cp_started");
    EXPECT_EQ(errors[0].message, "Enter the figure for Child protection plans started");
    EXPECT_EQ(errors[1].field, "numerator-icpc_in_15_days");
    EXPECT_EQ(errors[2].field, "denominator-icpc_in_15_days");
    EXPECT_EQ(errors[2].message, "The denominator for Initial conferences within 15 working days must be above 0");
    EXPECT_TRUE(out.empty());

    errors = check_return_form(asked, {{"cp_started", "12.5", "", ""}, {"icpc_in_15_days", "", "41", "40"}}, {2016, 1}, out);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].message, "The figure for Child protection plans started must be a whole number, like 25");
    EXPECT_EQ(errors[1].message, "The numerator for Initial conferences within 15 working days cannot be more than its denominator");

    errors = check_return_form(asked, {{"cp_started", " 46 ", "", ""}, {"icpc_in_15_days", "", "39", "40"}}, {2016, 1}, out);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].value, 46.0);
    EXPECT_EQ(out[1].value, 97.5) << "a percentage is recomputed from its parts";
    EXPECT_EQ(out[1].numerator, 39);
    EXPECT_EQ(out[1].period, (DatasetPeriod{2016, 1}));
}

TEST(DatasetReturnRules, AFilesRowsForAnotherPeriodOrAnotherAgencysCodeAreRefusedAndAFirstReturnGivesEveryFigure) {
    const std::vector<IndicatorDefinition> asked{def("cp_started"), def("cp_ended")};
    std::vector<ReturnedValue> rows(3);
    rows[0] = {"cp_started", {2016, 1}, 46.0, std::nullopt, std::nullopt, 2};
    rows[1] = {"cp_started", {2016, 2}, 30.0, std::nullopt, std::nullopt, 3};
    rows[2] = {"missing_children", {2016, 1}, 3.0, std::nullopt, std::nullopt, 4};
    const auto refused = check_return_rows(rows, asked, {2016, 1}, true);
    ASSERT_EQ(refused.size(), 3u);
    EXPECT_EQ(refused[0].line, 0);
    EXPECT_NE(refused[0].reason.find("no row for cp_ended"), std::string::npos) << refused[0].reason;
    EXPECT_EQ(refused[1].line, 3);
    EXPECT_EQ(refused[1].reason, "period 2016-17-Q2 is not this return's: the return is for 2016-17-Q1");
    EXPECT_EQ(refused[2].line, 4);
    EXPECT_EQ(refused[2].column, "code");
    EXPECT_NE(refused[2].reason.find("not a figure this return asks for"), std::string::npos);
    // A correction may give some figures only; a count must be whole.
    rows = {{"cp_ended", {2016, 1}, 11.5, std::nullopt, std::nullopt, 2}};
    const auto correction = check_return_rows(rows, asked, {2016, 1}, false);
    ASSERT_EQ(correction.size(), 1u);
    EXPECT_EQ(correction[0].reason, "cp_ended is a count: its value must be a whole number");
}

TEST(DatasetReturnRules, ACorrectionOfAReturnedFigureNeedsItsReason) {
    EXPECT_TRUE(check_correction_reason(false, "").empty());
    ASSERT_EQ(check_correction_reason(true, "   ").size(), 1u);
    EXPECT_EQ(check_correction_reason(true, "").front().field, "reason");
    EXPECT_TRUE(check_correction_reason(true, "Two plans were recorded twice").empty());
    EXPECT_EQ(check_correction_reason(false, std::string(1001, 'x')).size(), 1u);
    const IndicatorValue before{"cp_started", {2016, 1}, 46.0, std::nullopt, std::nullopt};
    EXPECT_FALSE(figure_changed(before, {"cp_started", {2016, 1}, 46.0, std::nullopt, std::nullopt, 0}));
    EXPECT_TRUE(figure_changed(before, {"cp_started", {2016, 1}, 44.0, std::nullopt, std::nullopt, 0}));
}

}  // namespace
}  // namespace assure

#include "core/dataset_exceptions.hpp"

namespace assure {
namespace {

TEST(DatasetExceptionRules, OffTrendIsTwoDeteriorationsInARowByTheIndicatorsPolarity) {
    using V = std::vector<std::optional<double>>;
    EXPECT_TRUE(off_trend(Polarity::lower_is_better, V{10, 11, 12}));
    EXPECT_FALSE(off_trend(Polarity::higher_is_better, V{10, 11, 12}));
    EXPECT_TRUE(off_trend(Polarity::higher_is_better, V{99, 97, 96, 95}));
    EXPECT_FALSE(off_trend(Polarity::lower_is_better, V{10, 12, 12})) << "no change is not a deterioration";
    EXPECT_FALSE(off_trend(Polarity::lower_is_better, V{12, 10, 11})) << "one deterioration is not a trend";
    EXPECT_FALSE(off_trend(Polarity::lower_is_better, V{10, std::nullopt, 12})) << "a gap breaks the run";
    EXPECT_FALSE(off_trend(Polarity::neither, V{10, 11, 12})) << "no better direction, no trend to be off";
    EXPECT_FALSE(off_trend(Polarity::lower_is_better, V{11, 12}));
    const auto f = exception_flags(Rag::red, Polarity::lower_is_better, V{10, 11, 12});
    EXPECT_TRUE(f.red && f.off_trend);
    EXPECT_EQ(exception_words(f), "Red and off trend");
    EXPECT_FALSE(exception_flags(Rag::amber, Polarity::lower_is_better, V{12, 11, 10}).any());
}

TEST(DatasetExceptionRules, ANoteNeedsItsNarrativeAndAnActionInWordsOrFromThePlan) {
    std::optional<std::int64_t> action;
    auto errors = check_exception_note(" ", "", "", action);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "narrative");
    EXPECT_EQ(errors[1].field, "action_taken");
    errors = check_exception_note("Domestic abuse referrals rose", "", "twelve", action);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "action_id");
    EXPECT_TRUE(check_exception_note("Domestic abuse referrals rose", "", "12", action).empty());
    EXPECT_EQ(action, 12);
    EXPECT_TRUE(check_exception_note("Rose", "Audit of plans in Q4", "", action).empty());
    EXPECT_FALSE(action);
    EXPECT_EQ(check_priority_narrative("").size(), 1u);
    EXPECT_EQ(check_priority_narrative(std::string(5001, 'x')).size(), 1u);
}

}  // namespace
}  // namespace assure
