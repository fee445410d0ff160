#pragma once
// The store contract for the multi-agency dataset: the catalogue and benchmarks round trip
// whole and in order, a year's records replace that year's only, imports list newest first
// by keyset, figures keep their numerators, constraints hold, and stored values are read
// strictly. Every backend instantiates it.
#include "store/contract.hpp"
#include "store/sql/connection.hpp"

namespace assure::testing {

template <class Factory>
class DatasetContract : public StoreContract<Factory> {
protected:
    DatasetImportId add_import(const std::string& kind, const std::string& period, Instant at = 1'700'000'000) {
        DatasetImport i;
        i.partnership = this->partnership;
        i.kind = kind;
        i.period = period;
        i.file_name = kind + ".csv";
        i.rows_read = 3;
        i.rows_saved = 2;
        i.rows_refused = 1;
        i.changes = {2, 1, 0, false};
        i.by_label = "Business Unit <bu@example.org>";
        i.at = at;
        DatasetImportId id;
        this->store->write([&](Transaction& tx) { id = tx.dataset().insert_import(i); });
        return id;
    }
    template <class Q>
    auto read(Q q) {
        std::invoke_result_t<Q, DatasetRepo&> out{};
        this->store->read([&](Transaction& tx) { out = q(tx.dataset()); });
        return out;
    }
    static EpisodeRecord episode(const std::string& child, Date start, std::optional<Date> end) {
        EpisodeRecord e;
        e.child = child;
        e.start = start;
        e.end = end;
        e.rne = "S";
        e.ls = "C2";
        e.cin = "N1";
        e.place = "U1";
        e.rec = end ? "E11" : "";
        e.reason_place_change = "";
        return e;
    }
};

TYPED_TEST_SUITE_P(DatasetContract);

TYPED_TEST_P(DatasetContract, TheCatalogueRoundTripsWholeInScorecardOrder) {
    IndicatorDefinition a = default_indicator_catalogue().at(1);  // cp_rate: a rate_of, no target
    IndicatorDefinition b = default_indicator_catalogue().at(10);
    b.target = 12.5;
    b.tolerance = 2.25;
    b.position = 1;
    a.position = 2;
    this->store->write([&](Transaction& tx) {
        tx.dataset().put_indicator(this->partnership, a);
        tx.dataset().put_indicator(this->partnership, b);
    });
    const auto got = this->read([&](DatasetRepo& r) { return r.catalogue(this->partnership); });
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].code, b.code);
    EXPECT_EQ(got[0].target, 12.5);
    EXPECT_EQ(got[0].tolerance, 2.25);
    EXPECT_EQ(got[0].unit, b.unit);
    EXPECT_EQ(got[0].aggregation, b.aggregation);
    EXPECT_EQ(got[0].polarity, b.polarity);
    EXPECT_EQ(got[0].source, b.source);
    EXPECT_EQ(got[1].code, "cp_rate");
    EXPECT_EQ(got[1].rate_of, "cp_plans");
    EXPECT_FALSE(got[1].target);
    EXPECT_EQ(got[1].definition, a.definition);
    EXPECT_EQ(got[1].priority, a.priority);
    // Putting a code again replaces it, never adds a second.
    a.name = "Renamed";
    this->store->write([&](Transaction& tx) { tx.dataset().put_indicator(this->partnership, a); });
    const auto again = this->read([&](DatasetRepo& r) { return r.catalogue(this->partnership); });
    ASSERT_EQ(again.size(), 2u);
    EXPECT_EQ(again[1].name, "Renamed");
}

TYPED_TEST_P(DatasetContract, BenchmarksAreOnePerIndicatorYearAndArea) {
    this->store->write([&](Transaction& tx) {
        tx.dataset().put_benchmark(this->partnership, {"cla_rate", 2015, BenchmarkArea::england, 60});
        tx.dataset().put_benchmark(this->partnership, {"cla_rate", 2015, BenchmarkArea::region, 82});
        tx.dataset().put_benchmark(this->partnership, {"cla_rate", 2015, BenchmarkArea::england, 61.5});
    });
    const auto got = this->read([&](DatasetRepo& r) { return r.benchmarks(this->partnership); });
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].area, BenchmarkArea::england);
    EXPECT_DOUBLE_EQ(got[0].value, 61.5);
}

TYPED_TEST_P(DatasetContract, AYearsRecordsReplaceThatYearsOnly) {
    const auto first = this->add_import("ssda903-episodes", "2016-17");
    this->store->write([&](Transaction& tx) {
        tx.dataset().replace_episodes(this->partnership, 2016, first,
                                      {this->episode("b", Date{2016, 5, 1}, Date{2016, 8, 1}), this->episode("a", Date{2016, 4, 1}, std::nullopt)});
        tx.dataset().replace_episodes(this->partnership, 2015, first, {this->episode("a", Date{2015, 4, 1}, std::nullopt)});
        tx.dataset().replace_children(this->partnership, 2016, first, {{"a", 1, 2008, 6, "WBRI", 0}, {"b", 2, 2010, 2, "WBRI", 0}});
    });
    auto got = this->read([&](DatasetRepo& r) { return r.episodes(this->partnership, 2016); });
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].child, "a");  // by child, then start
    EXPECT_FALSE(got[0].end);
    EXPECT_EQ(got[1].end, (Date{2016, 8, 1}));
    EXPECT_EQ(got[1].rec, "E11");
    const auto second = this->add_import("ssda903-episodes", "2016-17");
    this->store->write([&](Transaction& tx) {
        tx.dataset().replace_episodes(this->partnership, 2016, second, {this->episode("c", Date{2016, 6, 1}, std::nullopt)});
    });
    got = this->read([&](DatasetRepo& r) { return r.episodes(this->partnership, 2016); });
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].child, "c");
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.episodes(this->partnership, 2015); }).size(), 1u);
    const auto kids = this->read([&](DatasetRepo& r) { return r.children(this->partnership, 2016); });
    ASSERT_EQ(kids.size(), 2u);
    EXPECT_EQ(kids[0].birth_year, 2008);
    EXPECT_EQ(kids[0].birth_month, 6);
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.years(this->partnership); }), (std::vector<int>{2015, 2016}));
}

TYPED_TEST_P(DatasetContract, ManyRecordsAreWrittenInBatchesAndAllReadBack) {
    const auto id = this->add_import("missing", "2016-17");
    std::vector<MissingRecord> rows;
    for (int i = 0; i < 257; ++i) rows.push_back({"c" + std::to_string(i % 40), i % 2 ? 'M' : 'A', Date::from_days(Date{2016, 4, 1}.days() + i), std::nullopt, 0});
    this->store->write([&](Transaction& tx) {
        tx.dataset().replace_missing(this->partnership, 2016, MissingSource::all_children, id, rows);
        tx.dataset().replace_missing(this->partnership, 2016, MissingSource::looked_after, id, {rows[0]});
    });
    const auto all = this->read([&](DatasetRepo& r) { return r.missing(this->partnership, 2016, MissingSource::all_children); });
    ASSERT_EQ(all.size(), 257u);
    EXPECT_EQ(all[256].start, rows[256].start);
    EXPECT_EQ(all[1].kind, 'M');
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.missing(this->partnership, 2016, MissingSource::looked_after); }).size(), 1u);
}

TYPED_TEST_P(DatasetContract, ImportsListNewestFirstByKeysetAndTheLatestOfAKindAndPeriodIsFound) {
    const auto a = this->add_import("population", "");
    const auto b = this->add_import("ssda903-header", "2016-17");
    const auto c = this->add_import("ssda903-header", "2016-17");
    const auto latest = this->read([&](DatasetRepo& r) { return r.latest_import(this->partnership, "ssda903-header", "2016-17"); });
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->id, c);
    EXPECT_EQ(latest->rows_refused, 1);
    EXPECT_EQ(latest->changes.added, 2);
    EXPECT_EQ(latest->by_label, "Business Unit <bu@example.org>");
    EXPECT_FALSE(this->read([&](DatasetRepo& r) { return r.latest_import(this->partnership, "ssda903-header", "2015-16"); }));
    const auto first = this->read([&](DatasetRepo& r) { return r.imports(this->partnership, PageRequest{2, ""}); });
    ASSERT_EQ(first.items.size(), 2u);
    EXPECT_EQ(first.items[0].id, c);
    EXPECT_EQ(first.items[1].id, b);
    ASSERT_TRUE(first.next);
    const auto second = this->read([&](DatasetRepo& r) { return r.imports(this->partnership, PageRequest{2, *first.next}); });
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].id, a);
    EXPECT_FALSE(second.next);
}

TYPED_TEST_P(DatasetContract, ReturnedFiguresKeepTheirPartsAndOneFigurePerCodeAndPeriod) {
    const auto id = this->add_import("indicator-values", "");
    this->store->write([&](Transaction& tx) {
        tx.dataset().put_value(this->partnership, {"cp_category_emo", DatasetPeriod{2016, 4}, std::nullopt, 110, 220, 0}, id);
        tx.dataset().put_value(this->partnership, {"referrals", DatasetPeriod{2016, 0}, 3259.0, std::nullopt, std::nullopt, 0}, id);
        tx.dataset().put_value(this->partnership, {"referrals", DatasetPeriod{2016, 0}, 3260.5, std::nullopt, std::nullopt, 0}, id);
        tx.dataset().put_value(this->partnership, {"referrals", DatasetPeriod{2019, 0}, 1.0, std::nullopt, std::nullopt, 0}, id);
        tx.dataset().put_population(this->partnership, {2016, 32486, 0}, id);
        tx.dataset().put_population(this->partnership, {2016, 32500, 0}, id);
    });
    const auto got = this->read([&](DatasetRepo& r) { return r.returned_values(this->partnership, 2015, 2017); });
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].code, "cp_category_emo");
    EXPECT_FALSE(got[0].value);
    EXPECT_EQ(*got[0].numerator, 110);
    EXPECT_EQ(*got[0].denominator, 220);
    EXPECT_EQ(got[0].period.key(), "2016-17-Q4");
    EXPECT_DOUBLE_EQ(*got[1].value, 3260.5);
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.population(this->partnership); }), (std::map<int, std::int64_t>{{2016, 32500}}));
}

TYPED_TEST_P(DatasetContract, TheSameEpisodeStartTwiceInAYearIsRefusedByTheDatabase) {
    const auto id = this->add_import("ssda903-episodes", "2016-17");
    try {
        this->store->write([&](Transaction& tx) {
            tx.dataset().replace_episodes(this->partnership, 2016, id,
                                          {this->episode("a", Date{2016, 4, 1}, std::nullopt), this->episode("a", Date{2016, 4, 1}, std::nullopt)});
        });
        ADD_FAILURE() << "two episodes of one child starting on one day were stored";
    } catch (const sql::Error& e) {
        EXPECT_EQ(e.kind(), sql::Error::Kind::constraint);
    }
    EXPECT_TRUE(this->read([&](DatasetRepo& r) { return r.episodes(this->partnership, 2016); }).empty());
}

TYPED_TEST_P(DatasetContract, AnUnknownStoredUnitIsAnErrorNamingTheColumn) {
    this->store->write([&](Transaction& tx) { tx.dataset().put_indicator(this->partnership, default_indicator_catalogue().at(0)); });
    TypeParam::exec("UPDATE dataset_indicators SET unit = 'furlongs'");
    try {
        this->read([&](DatasetRepo& r) { return r.catalogue(this->partnership); });
        ADD_FAILURE() << "an unknown unit was read";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("dataset_indicators.unit"), std::string::npos) << e.what();
    }
}

REGISTER_TYPED_TEST_SUITE_P(DatasetContract, TheCatalogueRoundTripsWholeInScorecardOrder, BenchmarksAreOnePerIndicatorYearAndArea,
                            AYearsRecordsReplaceThatYearsOnly, ManyRecordsAreWrittenInBatchesAndAllReadBack,
                            ImportsListNewestFirstByKeysetAndTheLatestOfAKindAndPeriodIsFound,
                            ReturnedFiguresKeepTheirPartsAndOneFigurePerCodeAndPeriod,
                            TheSameEpisodeStartTwiceInAYearIsRefusedByTheDatabase, AnUnknownStoredUnitIsAnErrorNamingTheColumn);

}  // namespace assure::testing
