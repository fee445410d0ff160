// ReadScorecard: every indicator's figure for a period, from the records of the years it
// needs (computed in core), the agencies' returns and the population, with target, RAG,
// benchmarks, direction of travel and trend.
#include <algorithm>
#include <map>
#include <optional>

#include "app/dataset.hpp"
#include "app/dataset/internal.hpp"
#include "app/ports/dataset_cin.hpp"
#include "app/threads.hpp"
#include "core/dataset_cin.hpp"
#include "core/dataset_compute.hpp"

namespace assure {
namespace {

// Below this many records a year is computed in a millisecond or two: not worth a thread.
constexpr std::size_t kWorthAThread = 50'000;

// Figures for the periods of the years asked, each year's records read and computed once.
class Figures {
public:
    Figures(Transaction& tx, const WorkingCalendar& calendar, PartnershipId p, std::vector<IndicatorDefinition> catalogue, int from, int to)
        : tx_(tx), calendar_(calendar), cin_(dynamic_cast<DatasetCinTransaction*>(&tx)), p_(p), catalogue_(std::move(catalogue)),
          population_(tx.dataset().population(p)),
          returned_(tx.dataset().returned_values(p, from, to)) {}

    std::vector<IndicatorValue> of(DatasetPeriod period) {
        const auto& computed = computed_year(period.year);
        const auto pop = population_.find(period.year);
        return assemble(catalogue_, period, computed, returned_, pop == population_.end() ? std::nullopt : std::optional(pop->second));
    }

private:
    const std::vector<IndicatorValue>& computed_year(int year) {
        auto it = computed_.find(year);
        if (it != computed_.end()) return it->second;
        YearRecords r;
        r.year = year;
        r.children = tx_.dataset().children(p_, year);
        r.episodes = tx_.dataset().episodes(p_, year);
        r.missing = tx_.dataset().missing(p_, year, MissingSource::looked_after);
        auto all = tx_.dataset().missing(p_, year, MissingSource::all_children);
        r.missing.insert(r.missing.end(), std::make_move_iterator(all.begin()), std::make_move_iterator(all.end()));
        if (const auto pop = population_.find(year); pop != population_.end()) r.population = pop->second;
        // The CIN census's figures; its referrals look back at the year before's for re-referrals.
        CinCensus census;
        std::vector<CinReferral> earlier;
        if (cin_) {
            census = cin_->dataset_cin().census(p_, year);
            if (!census.empty()) {
                if (!cin_rules_) cin_rules_ = cin_->dataset_cin().rules(p_).value_or(CinRules{});
                earlier = cin_->dataset_cin().referrals(p_, year - 1);
            }
        }
        // Everything read, the two computations are done at once: neither touches the store.
        std::vector<IndicatorValue> values;
        std::vector<IndicatorValue> from_census;
        std::vector<Task> both{[&] { values = compute_year(r); }};
        if (!census.empty()) {
            both.emplace_back([&] { from_census = compute_cin_year(year, census, earlier, r.population, calendar_, *cin_rules_); });
        }
        if (r.episodes.size() + r.missing.size() + census.referrals.size() > kWorthAThread) run_on_threads(both);
        else run_in_turn(both);
        values.insert(values.end(), std::make_move_iterator(from_census.begin()), std::make_move_iterator(from_census.end()));
        return computed_.emplace(year, std::move(values)).first->second;
    }

    Transaction& tx_;
    const WorkingCalendar& calendar_;
    DatasetCinTransaction* cin_;  // none in a store that keeps no census
    std::optional<CinRules> cin_rules_;  // the partnership's, read with the first census
    PartnershipId p_;
    std::vector<IndicatorDefinition> catalogue_;
    std::map<int, std::int64_t> population_;
    std::vector<IndicatorValue> returned_;
    std::map<int, std::vector<IndicatorValue>> computed_;
};

std::vector<DatasetPeriod> trend_periods(DatasetPeriod period) {
    std::vector<DatasetPeriod> out;
    DatasetPeriod p = period;
    for (int i = 0; i < (period.is_year() ? 5 : 8); ++i) {
        out.insert(out.begin(), p);
        p = p.previous();
    }
    return out;
}

// The latest benchmark of each area for a year up to the period's.
std::vector<Benchmark> benchmarks_for(const std::vector<Benchmark>& all, const std::string& code, int year) {
    std::map<BenchmarkArea, Benchmark> latest;
    for (const auto& b : all) {
        if (b.code != code || b.year > year) continue;
        auto it = latest.find(b.area);
        if (it == latest.end() || it->second.year < b.year) latest[b.area] = b;
    }
    std::vector<Benchmark> out;
    for (auto& [area, b] : latest) out.push_back(b);
    return out;
}

}  // namespace

std::set<std::string> codes_counted_from_records(Transaction& tx, const WorkingCalendar& calendar, PartnershipId partnership,
                                                 DatasetPeriod period) {
    auto catalogue = tx.dataset().catalogue(partnership);
    if (catalogue.empty()) catalogue = default_indicator_catalogue();
    Figures figures(tx, calendar, partnership, std::move(catalogue), period.year, period.year);
    std::set<std::string> out;
    for (const auto& v : figures.of(period)) {
        if (v.origin == IndicatorValue::Origin::records) out.insert(v.code);
    }
    return out;
}

std::vector<IndicatorDefinition> dataset_catalogue(Services& s, const Actor& actor) {
    require(actor, Permission::view_dataset);
    std::vector<IndicatorDefinition> out;
    s.store.read([&](Transaction& tx) { out = tx.dataset().catalogue(actor.partnership); });
    return out.empty() ? default_indicator_catalogue() : out;
}

Scorecard read_scorecard(Services& s, const Actor& actor, std::optional<DatasetPeriod> period, bool with_trend) {
    require(actor, Permission::view_dataset);
    Scorecard card;
    s.store.read([&](Transaction& tx) {
        auto& repo = tx.dataset();
        auto catalogue = repo.catalogue(actor.partnership);
        std::vector<Benchmark> benchmarks;
        if (catalogue.empty()) {
            catalogue = default_indicator_catalogue();
            benchmarks = default_benchmarks();
        } else {
            benchmarks = repo.benchmarks(actor.partnership);
        }
        const auto years = repo.years(actor.partnership);
        for (auto it = years.rbegin(); it != years.rend(); ++it) {
            card.periods.push_back({*it, 0});
            for (int q = 4; q >= 1; --q) card.periods.push_back({*it, q});
        }
        card.period = period ? *period : years.empty() ? DatasetPeriod::year_of(london_today(s)) : DatasetPeriod{years.back(), 0};
        const auto shown = with_trend ? trend_periods(card.period) : std::vector<DatasetPeriod>{card.period.previous(), card.period};
        Figures figures(tx, s.calendar, actor.partnership, catalogue, shown.front().year, card.period.year);
        std::vector<std::vector<IndicatorValue>> by_period;
        by_period.reserve(shown.size());
        for (const auto& p : shown) by_period.push_back(figures.of(p));
        for (std::size_t i = 0; i < catalogue.size(); ++i) {
            ScorecardLine line;
            line.definition = catalogue[i];
            line.value = by_period.back()[i];
            line.previous = by_period[by_period.size() - 2][i].value;
            line.rag = rag_of(line.definition, line.value.value);
            line.travel = travel_of(line.definition.polarity, line.previous, line.value.value);
            line.benchmarks = benchmarks_for(benchmarks, line.definition.code, card.period.year);
            if (with_trend) {
                for (const auto& values : by_period) line.trend.push_back(values[i]);
            }
            card.lines.push_back(std::move(line));
        }
    });
    return card;
}

}  // namespace assure
