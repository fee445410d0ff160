#pragma once
// The store contract for the children in need census (issue 15 item 3): a year's census is
// read back whole, every field and each list in child order; importing the year again replaces
// that year's only; the year counts among the dataset's years; the database refuses a category
// the census does not have; a partnership's own rules are kept, replaced and bounded.
#include "app/ports/dataset_cin.hpp"
#include "store/contract.hpp"
#include "store/sql/connection.hpp"

namespace assure::testing {

template <class Factory>
class DatasetCinContract : public StoreContract<Factory> {
protected:
    DatasetImportId add_import(const std::string& period) {
        DatasetImport i;
        i.partnership = this->partnership;
        i.kind = "cin-census";
        i.period = period;
        i.file_name = "cin.xml";
        i.by_label = "Business Unit <bu@example.org>";
        i.at = 1'700'000'000;
        DatasetImportId id;
        this->store->write([&](Transaction& tx) { id = tx.dataset().insert_import(i); });
        return id;
    }
    void replace(int year, DatasetImportId by, const CinCensus& c) {
        this->store->write([&](Transaction& tx) { dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().replace_census(this->partnership, year, by, c); });
    }
    CinCensus census(int year) {
        CinCensus out;
        this->store->read([&](Transaction& tx) { out = dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().census(this->partnership, year); });
        return out;
    }
    static CinCensus two_children() {
        CinCensus c;
        c.referrals = {{"b", Date{2016, 9, 1}, std::nullopt, false, 0}, {"a", Date{2016, 5, 3}, Date{2017, 1, 10}, true, 0}};
        c.assessments = {{"a", Date{2016, 5, 3}, Date{2016, 5, 4}, Date{2016, 5, 20}, 0}, {"b", Date{2016, 9, 1}, Date{2016, 9, 2}, std::nullopt, 0}};
        c.enquiries = {{"a", Date{2016, 5, 10}, Date{2016, 5, 24}, false, 0}, {"b", Date{2016, 9, 5}, std::nullopt, true, 0}};
        c.plans = {{"b", Date{2016, 10, 3}, std::nullopt, "", "PHY", std::nullopt, 0},
                   {"a", Date{2016, 5, 24}, Date{2017, 1, 10}, "NEG", "EMO", 2, 0}};
        return c;
    }
};

TYPED_TEST_SUITE_P(DatasetCinContract);

TYPED_TEST_P(DatasetCinContract, AYearsCensusIsReadBackWholeInChildOrder) {
    const auto id = this->add_import("2016-17");
    this->replace(2016, id, this->two_children());
    const auto got = this->census(2016);
    ASSERT_EQ(got.referrals.size(), 2u);
    EXPECT_EQ(got.referrals[0].child, "a");
    EXPECT_EQ(got.referrals[0].referred, (Date{2016, 5, 3}));
    EXPECT_EQ(got.referrals[0].closed, (Date{2017, 1, 10}));
    EXPECT_TRUE(got.referrals[0].no_further_action);
    EXPECT_FALSE(got.referrals[1].closed);
    EXPECT_FALSE(got.referrals[1].no_further_action);
    ASSERT_EQ(got.assessments.size(), 2u);
    EXPECT_EQ(got.assessments[0].referred, (Date{2016, 5, 3}));
    EXPECT_EQ(got.assessments[0].started, (Date{2016, 5, 4}));
    EXPECT_EQ(got.assessments[0].authorised, (Date{2016, 5, 20}));
    EXPECT_FALSE(got.assessments[1].authorised);
    ASSERT_EQ(got.enquiries.size(), 2u);
    EXPECT_EQ(got.enquiries[0].conference, (Date{2016, 5, 24}));
    EXPECT_FALSE(got.enquiries[0].conference_not_required);
    EXPECT_TRUE(got.enquiries[1].conference_not_required);
    ASSERT_EQ(got.plans.size(), 2u);
    EXPECT_EQ(got.plans[0].child, "a");
    EXPECT_EQ(got.plans[0].initial_category, "NEG");
    EXPECT_EQ(got.plans[0].latest_category, "EMO");
    EXPECT_EQ(got.plans[0].previous_plans, 2);
    EXPECT_EQ(got.plans[0].ended, (Date{2017, 1, 10}));
    EXPECT_EQ(got.plans[1].initial_category, "");
    EXPECT_FALSE(got.plans[1].previous_plans);
    EXPECT_EQ(canonical_children(got), canonical_children(this->two_children()));

    std::vector<CinReferral> referrals;
    this->store->read([&](Transaction& tx) { referrals = dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().referrals(this->partnership, 2016); });
    EXPECT_EQ(referrals.size(), 2u);
    std::vector<int> years;
    this->store->read([&](Transaction& tx) { years = tx.dataset().years(this->partnership); });
    EXPECT_EQ(years, (std::vector<int>{2016}));
}

TYPED_TEST_P(DatasetCinContract, ImportingAYearAgainReplacesThatYearsOnly) {
    this->replace(2015, this->add_import("2015-16"), this->two_children());
    this->replace(2016, this->add_import("2016-17"), this->two_children());
    CinCensus again;
    again.referrals = {{"c", Date{2016, 12, 1}, std::nullopt, false, 0}};
    this->replace(2016, this->add_import("2016-17"), again);
    const auto now = this->census(2016);
    EXPECT_EQ(now.referrals.size(), 1u);
    EXPECT_TRUE(now.assessments.empty());
    EXPECT_TRUE(now.enquiries.empty());
    EXPECT_TRUE(now.plans.empty());
    EXPECT_EQ(this->census(2015).plans.size(), 2u);
    EXPECT_TRUE(this->census(2014).empty());
}

TYPED_TEST_P(DatasetCinContract, ManyChildrenAreWrittenInBatchesAndAllReadBack) {
    CinCensus c;
    for (int i = 0; i < 250; ++i) {
        const std::string child = "child-" + std::to_string(1000 + i);
        c.referrals.push_back({child, Date{2016, 4, 1 + i % 28}, std::nullopt, false, 0});
        c.plans.push_back({child, Date{2016, 6, 1 + i % 28}, std::nullopt, "NEG", "NEG", i % 3, 0});
    }
    this->replace(2016, this->add_import("2016-17"), c);
    const auto got = this->census(2016);
    EXPECT_EQ(got.referrals.size(), 250u);
    EXPECT_EQ(got.plans.size(), 250u);
    EXPECT_EQ(got.plans.back().child, "child-1249");
}

TYPED_TEST_P(DatasetCinContract, TheDatabaseRefusesACategoryTheCensusHasNot) {
    CinCensus c;
    c.plans = {{"a", Date{2016, 5, 24}, std::nullopt, "", "XXX", std::nullopt, 0}};
    const auto id = this->add_import("2016-17");
    EXPECT_THROW(this->replace(2016, id, c), sql::Error);
    EXPECT_TRUE(this->census(2016).empty());
}

TYPED_TEST_P(DatasetCinContract, APartnershipsRulesAreKeptAndReplacedAndTheDatabaseRefusesOnesOutOfBounds) {
    auto rules = [&] {
        std::optional<CinRules> out;
        this->store->read([&](Transaction& tx) { out = dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().rules(this->partnership); });
        return out;
    };
    auto put = [&](const CinRules& r) {
        this->store->write([&](Transaction& tx) { dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().put_rules(this->partnership, r); });
    };
    EXPECT_FALSE(rules()) << "none until set: the defaults";
    put(CinRules{40, 10, 6, 18});
    EXPECT_EQ(rules(), (CinRules{40, 10, 6, 18}));
    put(CinRules{45, 15, 12, 24});
    EXPECT_EQ(rules(), (CinRules{45, 15, 12, 24})) << "replaced, not added";
    for (const auto& setting : cin_rule_settings()) {
        CinRules over{45, 15, 12, 24};
        over.*setting.field = setting.max + 1;
        EXPECT_THROW(put(over), sql::Error) << setting.key;
        CinRules under{45, 15, 12, 24};
        under.*setting.field = setting.min - 1;
        EXPECT_THROW(put(under), sql::Error) << setting.key;
    }
    EXPECT_EQ(rules(), (CinRules{45, 15, 12, 24}));
}

REGISTER_TYPED_TEST_SUITE_P(DatasetCinContract, AYearsCensusIsReadBackWholeInChildOrder, ImportingAYearAgainReplacesThatYearsOnly,
                            ManyChildrenAreWrittenInBatchesAndAllReadBack, TheDatabaseRefusesACategoryTheCensusHasNot,
                            APartnershipsRulesAreKeptAndReplacedAndTheDatabaseRefusesOnesOutOfBounds);

}  // namespace assure::testing
