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
    for (int i = 0; i < 257; ++i) {
        MissingRecord m{"c" + std::to_string(i % 40), i % 2 ? 'M' : 'A', Date::from_days(Date{2016, 4, 1}.days() + i), std::nullopt, std::nullopt,
                        std::nullopt, 0};
        if (i % 3 == 0) {  // returned the next day, offered an interview two days after that, accepted on the third
            m.end = Date::from_days(m.start.days() + 1);
            m.rhi_offered = Date::from_days(m.start.days() + 3);
            m.rhi_accepted = Date::from_days(m.start.days() + 4);
        }
        rows.push_back(m);
    }
    this->store->write([&](Transaction& tx) {
        tx.dataset().replace_missing(this->partnership, 2016, MissingSource::all_children, id, rows);
        tx.dataset().replace_missing(this->partnership, 2016, MissingSource::looked_after, id, {rows[0]});
    });
    const auto all = this->read([&](DatasetRepo& r) { return r.missing(this->partnership, 2016, MissingSource::all_children); });
    ASSERT_EQ(all.size(), 257u);
    EXPECT_EQ(all[256].start, rows[256].start);
    EXPECT_EQ(all[1].kind, 'M');
    EXPECT_EQ(all[255].end, rows[255].end);
    EXPECT_EQ(all[255].rhi_offered, rows[255].rhi_offered) << "the return interview's days round-trip";
    EXPECT_EQ(all[255].rhi_accepted, rows[255].rhi_accepted);
    EXPECT_FALSE(all[256].rhi_offered.has_value());
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

// ---- the agencies' returns ----

TYPED_TEST_P(DatasetContract, ReturnsRoundTripWithTheirAgencysNameAndAreOnePerAgencyAndQuarter) {
    const Agency council = this->agency("Knowsley Council");
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.return_due_working_days(this->partnership); }), kDefaultReturnDueWorkingDays);
    this->store->write([&](Transaction& tx) { tx.dataset().put_return_due_working_days(this->partnership, 15); });
    this->store->write([&](Transaction& tx) { tx.dataset().put_return_due_working_days(this->partnership, 12); });
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.return_due_working_days(this->partnership); }), 12);
    DatasetReturn r;
    r.partnership = this->partnership;
    r.agency = council.id;
    r.period = {2016, 1};
    r.due_on = Date{2016, 7, 28};
    r.figures = 13;
    this->store->write([&](Transaction& tx) { r.id = tx.dataset().insert_return(r); });
    auto got = this->read([&](DatasetRepo& repo) { return repo.find_return(this->partnership, r.id); });
    ASSERT_TRUE(got);
    EXPECT_EQ(got->agency_name, "Knowsley Council");
    EXPECT_EQ(got->period, (DatasetPeriod{2016, 1}));
    EXPECT_EQ(got->due_on, (Date{2016, 7, 28}));
    EXPECT_EQ(got->figures, 13);
    EXPECT_FALSE(got->submitted_on);
    EXPECT_EQ(got->version, 1);
    // Submitted: the version moves on; the old version is stale.
    got->submitted_on = Date{2016, 7, 29};
    got->submitted_at = 1'469'800'000;
    got->submitted_by_label = "Carol <carol@example.org>";
    bool updated = false;
    this->store->write([&](Transaction& tx) { updated = tx.dataset().update_return(*got); });
    EXPECT_TRUE(updated);
    this->store->write([&](Transaction& tx) { updated = tx.dataset().update_return(*got); });
    EXPECT_FALSE(updated) << "a stale version was written";
    got = this->read([&](DatasetRepo& repo) { return repo.find_return(this->partnership, r.id); });
    EXPECT_EQ(got->submitted_on, (Date{2016, 7, 29}));
    EXPECT_EQ(got->submitted_at, 1'469'800'000);
    EXPECT_EQ(got->version, 2);
    EXPECT_EQ(this->read([&](DatasetRepo& repo) { return repo.agencies_asked(this->partnership, DatasetPeriod{2016, 1}); }),
              std::vector<AgencyId>{council.id});
    try {
        this->store->write([&](Transaction& tx) { tx.dataset().insert_return(r); });
        ADD_FAILURE() << "a second return of one agency for one quarter was stored";
    } catch (const sql::Error& e) {
        EXPECT_EQ(e.kind(), sql::Error::Kind::constraint);
    }
}

TYPED_TEST_P(DatasetContract, ReturnsListByDueDateFilteredByStateAgencyAndQuarterWithCountsFromSql) {
    const Agency a = this->agency("A agency");
    const Agency b = this->agency("B agency");
    // Four quarters for each agency; a's first two returned (the second late), b's none.
    this->store->write([&](Transaction& tx) {
        for (int q = 1; q <= 4; ++q) {
            for (const Agency* ag : {&a, &b}) {
                DatasetReturn r;
                r.partnership = this->partnership;
                r.agency = ag->id;
                r.period = {2016, q};
                r.due_on = Date::from_days(DatasetPeriod{2016, q}.end().days() + 28);
                r.figures = 3;
                if (ag == &a && q <= 2) {
                    r.submitted_on = Date::from_days(r.due_on.days() + (q == 2 ? 3 : -1));
                    r.submitted_at = 1;
                }
                tx.dataset().insert_return(r);
            }
        }
    });
    DatasetReturnQuery q;
    q.partnership = this->partnership;
    q.today = Date{2017, 2, 1};  // Q1-Q3 past due, Q4 not
    auto list = [&](DatasetReturnQuery query) { return this->read([&](DatasetRepo& r) { return r.returns(query); }); };
    auto counts = this->read([&](DatasetRepo& r) { return r.count_returns(q); });
    EXPECT_EQ(counts.outstanding, 6);
    EXPECT_EQ(counts.late, 4);  // a's Q3, b's Q1-Q3
    EXPECT_EQ(counts.returned, 2);
    EXPECT_EQ(counts.returned_late, 1);
    q.state = DatasetReturnListState::late;
    auto late = list(q);
    ASSERT_EQ(late.items.size(), 4u);
    EXPECT_EQ(late.items[0].period, (DatasetPeriod{2016, 1}));
    EXPECT_EQ(late.items[0].agency_name, "B agency");
    EXPECT_EQ(late.items[3].period, (DatasetPeriod{2016, 3}));
    q.state = DatasetReturnListState::returned;
    EXPECT_EQ(list(q).items.size(), 2u);
    q.state = DatasetReturnListState::outstanding;
    q.agency = a.id;
    EXPECT_EQ(list(q).items.size(), 2u);
    EXPECT_EQ(this->read([&](DatasetRepo& r) { return r.count_returns(q); }).outstanding, 2);
    q.agency.reset();
    q.state = DatasetReturnListState::all;
    q.period = "2016-17-Q2";
    EXPECT_EQ(list(q).items.size(), 2u);
    // Paging by keyset: three at a time through all eight, in due-date order, none twice.
    q.period = "";
    q.page.limit = 3;
    std::vector<std::int64_t> seen;
    Date last{2000, 1, 1};
    for (int i = 0; i < 4; ++i) {
        const auto page = list(q);
        for (const auto& r : page.items) {
            EXPECT_LE(last, r.due_on);
            last = r.due_on;
            seen.push_back(r.id.value);
        }
        if (!page.next) break;
        q.page.after = *page.next;
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen.size(), 8u);
    EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

TYPED_TEST_P(DatasetContract, CorrectionsKeepTheFigureBeforeAndAreListedNewestFirst) {
    const Agency a = this->agency("A agency");
    DatasetReturn r;
    r.partnership = this->partnership;
    r.agency = a.id;
    r.period = {2016, 1};
    r.due_on = Date{2016, 7, 28};
    this->store->write([&](Transaction& tx) { r.id = tx.dataset().insert_return(r); });
    for (int i = 0; i < 3; ++i) {
        FigureCorrection c;
        c.ret = r.id;
        c.code = "icpc_in_15_days";
        c.period = r.period;
        c.before = {c.code, r.period, 97.5, 39, 40};
        c.after = {c.code, r.period, i == 2 ? std::nullopt : std::optional<double>(95.0), 38 + i, 40};
        c.reason = "reason " + std::to_string(i);
        c.by_label = "Carol";
        c.at = 100 + i;
        this->store->write([&](Transaction& tx) { tx.dataset().add_correction(this->partnership, c); });
    }
    auto page = this->read([&](DatasetRepo& repo) { return repo.corrections(this->partnership, r.id, PageRequest{2, ""}); });
    ASSERT_EQ(page.items.size(), 2u);
    EXPECT_EQ(page.items[0].reason, "reason 2");
    EXPECT_FALSE(page.items[0].after.value);
    EXPECT_EQ(page.items[0].after.numerator, 40);
    EXPECT_EQ(page.items[1].before.value, 97.5);
    EXPECT_EQ(page.items[1].before.denominator, 40);
    EXPECT_EQ(page.items[1].after.value, 95.0);
    ASSERT_TRUE(page.next);
    page = this->read([&](DatasetRepo& repo) { return repo.corrections(this->partnership, r.id, PageRequest{2, *page.next}); });
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].reason, "reason 0");
    EXPECT_FALSE(page.next);
}

TYPED_TEST_P(DatasetContract, AStoredReturnForAWholeYearIsAnErrorNamingTheColumn) {
    const Agency a = this->agency("A agency");
    DatasetReturn r;
    r.partnership = this->partnership;
    r.agency = a.id;
    r.period = {2016, 1};
    r.due_on = Date{2016, 7, 28};
    this->store->write([&](Transaction& tx) { r.id = tx.dataset().insert_return(r); });
    TypeParam::exec("UPDATE dataset_returns SET period = '2016-17'");
    try {
        this->read([&](DatasetRepo& repo) { return repo.find_return(this->partnership, r.id); });
        ADD_FAILURE() << "a year was read as a return's quarter";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("dataset_returns.period"), std::string::npos) << e.what();
    }
}

TYPED_TEST_P(DatasetContract, ExceptionNotesAndPriorityNarrativesAreOnePerPeriodWithOptimisticVersions) {
    ExceptionNote n;
    n.code = "cp_second_or_subsequent";
    n.period = {2016, 3};
    n.narrative = "Plans closed too early were restarted";
    n.action_taken = "A dip sample";
    n.updated_by_label = "Business Unit";
    n.updated_at = 100;
    bool written = false;
    this->store->write([&](Transaction& tx) { written = tx.dataset().put_exception_note(this->partnership, n); });
    EXPECT_TRUE(written);
    auto notes = this->read([&](DatasetRepo& r) { return r.exception_notes(this->partnership, DatasetPeriod{2016, 3}); });
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].narrative, n.narrative);
    EXPECT_EQ(notes[0].version, 1);
    EXPECT_FALSE(notes[0].action);
    EXPECT_EQ(notes[0].action_text, "");
    EXPECT_TRUE(this->read([&](DatasetRepo& r) { return r.exception_notes(this->partnership, DatasetPeriod{2016, 2}); }).empty());
    n.version = 1;
    n.narrative = "Changed";
    this->store->write([&](Transaction& tx) { written = tx.dataset().put_exception_note(this->partnership, n); });
    EXPECT_TRUE(written);
    this->store->write([&](Transaction& tx) { written = tx.dataset().put_exception_note(this->partnership, n); });
    EXPECT_FALSE(written) << "a stale version was written";
    n.version = 0;
    try {
        this->store->write([&](Transaction& tx) { tx.dataset().put_exception_note(this->partnership, n); });
        ADD_FAILURE() << "a second note for one indicator and period was stored";
    } catch (const sql::Error& e) {
        EXPECT_EQ(e.kind(), sql::Error::Kind::constraint);
    }
    PriorityNarrative p{"Children looked after", {2016, 3}, "Stable", "Business Unit", 100, 0};
    this->store->write([&](Transaction& tx) { written = tx.dataset().put_priority_narrative(this->partnership, p); });
    p.version = 1;
    p.narrative = "Still stable";
    this->store->write([&](Transaction& tx) { written = tx.dataset().put_priority_narrative(this->partnership, p); });
    EXPECT_TRUE(written);
    const auto narratives = this->read([&](DatasetRepo& r) { return r.priority_narratives(this->partnership, DatasetPeriod{2016, 3}); });
    ASSERT_EQ(narratives.size(), 1u);
    EXPECT_EQ(narratives[0].narrative, "Still stable");
    EXPECT_EQ(narratives[0].version, 2);
}

REGISTER_TYPED_TEST_SUITE_P(DatasetContract, TheCatalogueRoundTripsWholeInScorecardOrder, BenchmarksAreOnePerIndicatorYearAndArea,
                            AYearsRecordsReplaceThatYearsOnly, ManyRecordsAreWrittenInBatchesAndAllReadBack,
                            ImportsListNewestFirstByKeysetAndTheLatestOfAKindAndPeriodIsFound,
                            ReturnedFiguresKeepTheirPartsAndOneFigurePerCodeAndPeriod,
                            TheSameEpisodeStartTwiceInAYearIsRefusedByTheDatabase, AnUnknownStoredUnitIsAnErrorNamingTheColumn,
                            ReturnsRoundTripWithTheirAgencysNameAndAreOnePerAgencyAndQuarter,
                            ReturnsListByDueDateFilteredByStateAgencyAndQuarterWithCountsFromSql,
                            CorrectionsKeepTheFigureBeforeAndAreListedNewestFirst, AStoredReturnForAWholeYearIsAnErrorNamingTheColumn,
                            ExceptionNotesAndPriorityNarrativesAreOnePerPeriodWithOptimisticVersions);

}  // namespace assure::testing
