// A partnership changes its own catalogue (issue 15 item 1) through the use cases on an SQLite
// file: the first change adopts the default catalogue as the partnership's own, the change is
// audited before and after, and the scorecard reads the new target; a benchmark for a year and
// comparison replaces the one before; bad input changes nothing; only the business unit changes.
#include <gtest/gtest.h>

#include "app/dataset.hpp"
#include "app/dataset_catalogue.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

IndicatorDefinition in(const std::vector<IndicatorDefinition>& catalogue, const std::string& code) {
    for (const auto& d : catalogue) {
        if (d.code == code) return d;
    }
    ADD_FAILURE() << "no " << code;
    return {};
}

}  // namespace

TEST(DatasetCatalogueUseCase, TheFirstChangeAdoptsTheCatalogueAndIsAudited) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto before = in(dataset_catalogue(w.services, bu), "cp_rate");
    const auto changed = update_indicator(w.services, bu, "cp_rate", {"Child protection plans per 10,000 children", before.definition,
                                                                       "Knowsley Council", "60", "4", ""});
    ASSERT_TRUE(changed.target);
    EXPECT_DOUBLE_EQ(*changed.target, 60);
    EXPECT_EQ(changed.unit, before.unit);
    const auto actions = w.audit_actions();
    ASSERT_GE(actions.size(), 2U);
    EXPECT_EQ(actions[actions.size() - 2], "dataset.catalogue.adopt");
    EXPECT_EQ(actions.back(), "dataset.indicator.update");
    EXPECT_NE(w.last_audit().after_json.find("\"target\":60"), std::string::npos) << w.last_audit().after_json;
    const auto now = in(dataset_catalogue(w.services, w.as(Role::read_only)), "cp_rate");
    EXPECT_EQ(now.source_agency, "Knowsley Council");
    EXPECT_EQ(dataset_catalogue(w.services, bu).size(), default_indicator_catalogue().size()) << "every other indicator kept";

    const auto audits = w.audit_count();
    EXPECT_THROW(update_indicator(w.services, bu, "cp_rate", {"", "", "", "x", "", ""}), Failure);
    EXPECT_THROW(update_indicator(w.services, w.as(Role::member), "cp_rate", {"Name", "", "LA", "", "", ""}), Failure);
    EXPECT_THROW(update_indicator(w.services, bu, "no_such_code", {"Name", "", "LA", "", "", ""}), Failure);
    EXPECT_EQ(w.audit_count(), audits) << "nothing changed";
}

TEST(DatasetCatalogueUseCase, ABenchmarkReplacesTheOneForItsYearAndComparison) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    (void)save_benchmark(w.services, bu, "cp_rate", {"2016-17", "region", "60.1"});
    (void)save_benchmark(w.services, bu, "cp_rate", {"2016-17", "region", "61.4"});
    (void)save_benchmark(w.services, bu, "cp_rate", {"2015-16", "region", "58.0"});
    const auto all = indicator_benchmarks(w.services, w.as(Role::read_only), "cp_rate");
    int region_2016 = 0;
    for (const auto& b : all) {
        if (b.year == 2016 && b.area == BenchmarkArea::region) {
            ++region_2016;
            EXPECT_DOUBLE_EQ(b.value, 61.4);
        }
    }
    EXPECT_EQ(region_2016, 1);
    ASSERT_FALSE(all.empty());
    EXPECT_GE(all.front().year, all.back().year) << "newest year first";
    EXPECT_EQ(w.audit_actions().back(), "dataset.benchmark.put");
    EXPECT_NE(w.last_audit().after_json.find("\"year\":\"2015-16\""), std::string::npos);
}
