// Changing a partnership's own indicator (issue 15 item 1): the words, the owner, a target and
// tolerance that are numbers (a percentage within 0 to 100), a priority of the partnership's;
// a benchmark for a year and a comparison. How the figure is counted never changes.
#include <gtest/gtest.h>

#include "core/dataset_edit.hpp"

using namespace assure;

namespace {

IndicatorDefinition share() {
    IndicatorDefinition d;
    d.code = "icpc_in_15_days";
    d.name = "Initial conferences within 15 working days";
    d.source_agency = "Local authority";
    d.unit = Unit::percentage;
    d.aggregation = Aggregation::ratio;
    d.target = 70;
    d.tolerance = 10;
    return d;
}

FieldErrors refused(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.fields();
    }
    return {};
}

}  // namespace

TEST(DatasetEdit, TheWordsTargetAndPriorityChangeTheCountingDoesNot) {
    const auto d = edited_indicator(share(), {" ICPCs in time ", "Share held in time", "Children's social care", "75.5", "5", "Neglect"},
                                    {"Neglect", "Domestic abuse"});
    EXPECT_EQ(d.name, "ICPCs in time");
    EXPECT_EQ(d.source_agency, "Children's social care");
    ASSERT_TRUE(d.target);
    EXPECT_DOUBLE_EQ(*d.target, 75.5);
    EXPECT_DOUBLE_EQ(d.tolerance, 5);
    EXPECT_EQ(d.priority, "Neglect");
    EXPECT_EQ(d.unit, Unit::percentage);
    EXPECT_EQ(d.aggregation, Aggregation::ratio);
    const auto none = edited_indicator(share(), {"ICPCs", "", "LA", "", "", ""}, {});
    EXPECT_FALSE(none.target) << "an empty target is none";
    EXPECT_DOUBLE_EQ(none.tolerance, 0);
}

TEST(DatasetEdit, EachWrongFieldIsNamed) {
    const auto errors = refused([] { (void)edited_indicator(share(), {"", "", "", "120", "-1", "Knitting"}, {"Neglect"}); });
    std::vector<std::string> fields;
    for (const auto& e : errors) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"name", "source_agency", "target", "tolerance", "priority"}));
    EXPECT_EQ(errors[2].message, "A percentage target must be from 0 to 100");
    EXPECT_EQ(refused([] { (void)edited_indicator(share(), {"x", "", "LA", "seventy", "", ""}, {}); }).front().message,
              "Enter the target as a number, like 70 or 67.5, or leave it empty for none");
}

TEST(DatasetEdit, ABenchmarkNamesItsYearAndComparison) {
    const Benchmark b = checked_benchmark(share(), {"2016-17", "statistical_neighbours", "81.2"});
    EXPECT_EQ(b.code, "icpc_in_15_days");
    EXPECT_EQ(b.year, 2016);
    EXPECT_EQ(b.area, BenchmarkArea::statistical_neighbours);
    EXPECT_DOUBLE_EQ(b.value, 81.2);
    const auto errors = refused([] { (void)checked_benchmark(share(), {"2016", "world", "101"}); });
    ASSERT_EQ(errors.size(), 3U);
    EXPECT_EQ(errors[0].field, "year");
    EXPECT_EQ(errors[1].field, "area");
    EXPECT_EQ(errors[2].message, "A percentage must be from 0 to 100");
}

TEST(DatasetEdit, APriorityKeptAsItWasIsNotCheckedAgain) {
    IndicatorDefinition d = share();
    d.priority = "Neglect (2016 wording)";
    EXPECT_EQ(edited_indicator(d, {"x", "", "LA", "70", "", "Neglect (2016 wording)"}, {"Neglect"}).priority, "Neglect (2016 wording)");
    EXPECT_FALSE(refused([&] { (void)edited_indicator(d, {"x", "", "LA", "70", "", "Knitting"}, {"Neglect"}); }).empty());
}
