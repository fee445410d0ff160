// Risks raised from red dataset indicators, with no store: a risk may name only one of the
// partnership's indicators, an indicator's latest figure is its newest period with a figure
// rated by the dataset's rules, and the risk a red one raises is titled and described from its
// figure, period (in words) and target. The clock is frozen at 1 June 2017 for the risk rules.
#include <gtest/gtest.h>

#include "core/registers_risks.hpp"
#include "core/risk_indicators.hpp"

using namespace assure;

namespace {

const Date kToday{2017, 6, 1};

IndicatorDefinition missing_rate() {
    IndicatorDefinition d;
    d.code = "missing_rate";
    d.name = "Children missing from home per 10,000 children";
    d.unit = Unit::rate_per_10000;
    d.polarity = Polarity::lower_is_better;
    d.target = 100.0;
    d.tolerance = 5.0;
    return d;
}

IndicatorDefinition timely_icpc() {
    IndicatorDefinition d;
    d.code = "icpc_in_15_days";
    d.name = "Initial conferences within 15 working days";
    d.unit = Unit::percentage;
    d.polarity = Polarity::higher_is_better;
    d.target = 90.0;
    return d;
}

IndicatorValue value(int year, std::optional<double> v) {
    IndicatorValue out;
    out.code = "missing_rate";
    out.period = DatasetPeriod{year, 0};
    out.value = v;
    return out;
}

Risk risk() {
    Risk r;
    r.title = "Children missing from home";
    r.cause = "Return interviews are not offered in time";
    r.effect = "Exploitation is not seen";
    r.owner = PersonId{3};
    r.likelihood_before = 4;
    r.impact_before = 4;
    r.likelihood_after = 2;
    r.impact_after = 4;
    r.raised_on = Date{2017, 4, 10};
    r.review_on = Date{2017, 7, 10};
    return r;
}

}  // namespace

TEST(RiskIndicators, ARiskMayNameOnlyOneOfThePartnershipsIndicators) {
    const std::vector<IndicatorDefinition> catalogue{missing_rate(), timely_icpc()};
    EXPECT_TRUE(check_risk_indicator(std::nullopt, catalogue).empty()) << "a risk raised otherwise names none";
    EXPECT_TRUE(check_risk_indicator(std::string("icpc_in_15_days"), catalogue).empty());
    const auto refused = check_risk_indicator(std::string("not_an_indicator"), catalogue);
    ASSERT_EQ(refused.size(), 1U);
    EXPECT_EQ(refused[0].field, "indicator");
    EXPECT_NE(refused[0].message.find("not_an_indicator"), std::string::npos) << refused[0].message;
    EXPECT_EQ(check_risk_indicator(std::string("missing_rate"), {}).size(), 1U) << "an empty catalogue has no indicator";
    EXPECT_EQ(find_indicator(catalogue, "icpc_in_15_days")->name, "Initial conferences within 15 working days");
    EXPECT_EQ(find_indicator(catalogue, "cp_rate"), nullptr);
}

TEST(RiskIndicators, TheRiskRulesRefuseAnEmptyIndicatorCodeAndKeepANamedOne) {
    Risk r = risk();
    r.indicator = "missing_rate";
    EXPECT_TRUE(validate_risk(r, kToday).empty());
    r.indicator = "";
    const auto refused = validate_risk(r, kToday);
    ASSERT_EQ(refused.size(), 1U);
    EXPECT_EQ(refused[0].field, "indicator");
    r.indicator = std::string(65, 'x');
    EXPECT_EQ(validate_risk(r, kToday).size(), 1U) << "longer than any code";
}

TEST(RiskIndicators, TheLatestFigureIsTheNewestPeriodWithAFigureRatedByTheRules) {
    const auto d = missing_rate();
    // 2016/17 has no figure yet: the latest is 2015/16's, 112.4 against a target of 100 or lower.
    const auto latest = latest_figure(d, {value(2014, 90.0), value(2015, 112.4), value(2016, std::nullopt)});
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->period, (DatasetPeriod{2015, 0}));
    EXPECT_DOUBLE_EQ(latest->value, 112.4);
    EXPECT_EQ(latest->rag, Rag::red);
    EXPECT_EQ(latest_figure(d, {value(2015, 104.0)})->rag, Rag::amber) << "within the tolerance of 5";
    EXPECT_EQ(latest_figure(d, {value(2015, 99.0)})->rag, Rag::green);
    EXPECT_FALSE(latest_figure(d, {value(2015, std::nullopt), value(2016, std::nullopt)})) << "no figure in any period";
    EXPECT_FALSE(latest_figure(d, {}));
}

TEST(RiskIndicators, AQuarterIsLatestWhenItEndsLaterAndTheYearWhenTheyEndTogether) {
    const auto d = missing_rate();
    IndicatorValue q3 = value(2016, 95.0);
    q3.period = DatasetPeriod{2016, 3};
    IndicatorValue q4 = value(2016, 120.0);
    q4.period = DatasetPeriod{2016, 4};
    // 2016/17 has no year figure yet: its third quarter (ending 31 December 2016) is the newest.
    auto latest = latest_figure(d, {value(2015, 130.0), value(2016, std::nullopt), q3});
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->period, (DatasetPeriod{2016, 3}));
    EXPECT_EQ(latest->rag, Rag::green);
    // The year and its fourth quarter both end on 31 March 2017: the year's figure, as the scorecard shows it.
    latest = latest_figure(d, {q4, value(2016, 98.0), q3});
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->period, (DatasetPeriod{2016, 0}));
    EXPECT_EQ(latest->rag, Rag::green);
    latest = latest_figure(d, {value(2015, 98.0), q4});
    EXPECT_EQ(latest->period, (DatasetPeriod{2016, 4}));
    EXPECT_EQ(latest->rag, Rag::red);
}

TEST(RiskIndicators, ARedIndicatorsRiskIsWordedFromItsFigurePeriodAndTarget) {
    const auto d = missing_rate();
    const auto draft = risk_draft_from(d, LatestFigure{DatasetPeriod{2016, 0}, 112.44, Rag::red});
    EXPECT_EQ(draft.title, "Children missing from home per 10,000 children is red");
    EXPECT_EQ(draft.description,
              "Raised from the multi-agency dataset. The latest figure for Children missing from home per 10,000 children is "
              "112.4 per 10,000 children for 2016/17 (1 April 2016 to 31 March 2017), against a target of 100.0 per 10,000 children "
              "or lower.");
    const auto quarter = risk_draft_from(timely_icpc(), LatestFigure{DatasetPeriod{2016, 3}, 82.5, Rag::red});
    EXPECT_EQ(quarter.title, "Initial conferences within 15 working days is red");
    EXPECT_NE(quarter.description.find("82.5% for Q3 2016/17 (1 October 2016 to 31 December 2016), against a target of 90.0% or higher."),
              std::string::npos)
        << quarter.description;
}

TEST(RiskIndicators, FiguresAreWrittenInTheirUnits) {
    EXPECT_EQ(figure_in_words(290, Unit::count), "290");
    EXPECT_EQ(figure_in_words(89.26, Unit::percentage), "89.3%");
    EXPECT_EQ(figure_in_words(89.3, Unit::rate_per_10000), "89.3 per 10,000 children");
    EXPECT_EQ(figure_in_words(45, Unit::days), "45.0 days");
}
