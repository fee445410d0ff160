#include "core/dataset_compute.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <string_view>

#include "core/dense_numbers.hpp"

namespace assure {
namespace {

constexpr int kPeriods = 5;  // 0 the year, 1..4 its quarters
constexpr std::int32_t kOpen = INT32_MAX;

struct Care {
    int child;
    std::int32_t start;
    std::int32_t end;  // kOpen while open
    bool new_care;     // RNE S: a new period of care starts
    bool moves;        // RNE other than L: the placement changed (L is a change of legal status only)
    bool continues;    // REC X1: the period of care goes on in the next episode
};

struct Away {
    int child;
    std::int32_t start;
    std::int32_t end;      // kOpen while the child has not returned
    std::int32_t offered;  // the day a return interview was offered; kOpen when none was
};

std::int32_t day(Date d) { return static_cast<std::int32_t>(d.days()); }

struct Span {
    std::int32_t start;
    std::int32_t end;  // inclusive
    [[nodiscard]] bool contains(std::int32_t d) const { return start <= d && d <= end; }
};

// Looked after at the end of day `d`: an episode began on or before it and had not ceased by it.
bool looked_after(const Care* b, const Care* e, std::int32_t d) {
    for (const Care* c = b; c != e && c->start <= d; ++c) {
        if (c->end > d) return true;
    }
    return false;
}

struct Tally {
    std::array<std::int64_t, kPeriods> cla{}, started{}, ceased{}, three_num{}, stable_num{}, stable_den{};
    std::array<std::int64_t, kPeriods> missing_children{}, missing_episodes{}, cla_missing_children{}, cla_missing_episodes{}, three_in_90{};
    std::array<std::int64_t, kPeriods> returned{}, interviewed_in_time{};  // missing episodes ended, and those offered an interview in time
};

}  // namespace

std::vector<IndicatorValue> compute_year(const YearRecords& records) {
    const DatasetPeriod year{records.year, 0};
    std::array<DatasetPeriod, kPeriods> periods{year, {records.year, 1}, {records.year, 2}, {records.year, 3}, {records.year, 4}};
    std::array<Span, kPeriods> spans{};
    for (int p = 0; p < kPeriods; ++p) spans[p] = {day(periods[p].start()), day(periods[p].end())};
    auto quarter_index = [&](std::int32_t d) {
        for (int p = 1; p < kPeriods; ++p) {
            if (spans[p].contains(d)) return p;
        }
        return 0;
    };

    // Children as dense numbers, so the work below sorts and indexes integers, not text.
    DenseNumbers number(records.children.size() + records.episodes.size() / 2 + records.missing.size() / 2);
    for (std::size_t i = 0; i < records.children.size(); ++i) number.number_child_of(records.children, i);
    std::vector<Care> care;
    care.reserve(records.episodes.size());
    for (std::size_t i = 0; i < records.episodes.size(); ++i) {
        const auto& e = records.episodes[i];
        care.push_back({number.number_child_of(records.episodes, i), day(e.start), e.end ? day(*e.end) : kOpen, e.rne == "S", e.rne != "L", e.rec == "X1"});
    }
    std::vector<Away> away;
    away.reserve(records.missing.size());
    bool have_interviews = false;
    for (std::size_t i = 0; i < records.missing.size(); ++i) {
        const auto& m = records.missing[i];
        if (m.kind != 'M') continue;
        away.push_back({number.number_child_of(records.missing, i), day(m.start), m.end ? day(*m.end) : kOpen, m.rhi_offered ? day(*m.rhi_offered) : kOpen});
        have_interviews = have_interviews || m.rhi_offered.has_value();
    }
    const int children = number.size();
    // The month of birth only: a child is taken as born on its first day, so one who turns 16
    // in the period's last month counts as 16.
    std::vector<std::int32_t> sixteenth(static_cast<std::size_t>(children), 0);
    for (const auto& c : records.children) {
        if (c.birth_year > 0) sixteenth[static_cast<std::size_t>(number.find(c.child))] = day(Date{c.birth_year + 16, c.birth_month, 1});
    }

    std::sort(care.begin(), care.end(), [](const Care& a, const Care& b) { return a.child != b.child ? a.child < b.child : a.start < b.start; });
    // The same episode can come in the looked-after children's file and the all-children file:
    // the one that says an interview was offered sorts first, and is the one kept.
    std::sort(away.begin(), away.end(), [](const Away& a, const Away& b) {
        return a.child != b.child ? a.child < b.child : a.start != b.start ? a.start < b.start : a.offered < b.offered;
    });
    away.erase(std::unique(away.begin(), away.end(), [](const Away& a, const Away& b) { return a.child == b.child && a.start == b.start; }),
               away.end());

    Tally t;
    std::vector<std::size_t> care_from(static_cast<std::size_t>(children) + 1, care.size());
    for (std::size_t i = care.size(); i-- > 0;) care_from[static_cast<std::size_t>(care[i].child)] = i;
    for (int c = children - 1; c >= 0; --c) {
        if (care_from[static_cast<std::size_t>(c)] > care_from[static_cast<std::size_t>(c) + 1]) {
            care_from[static_cast<std::size_t>(c)] = care_from[static_cast<std::size_t>(c) + 1];
        }
    }

    for (int c = 0; c < children; ++c) {
        const Care* b = care.data() + care_from[static_cast<std::size_t>(c)];
        const Care* e = care.data() + care_from[static_cast<std::size_t>(c) + 1];
        if (b == e) continue;
        for (int p = 0; p < kPeriods; ++p) {
            const Span s = spans[p];
            bool started = false;
            bool ceased = false;
            int placements = 0;
            for (const Care* x = b; x != e; ++x) {
                if (x->new_care && s.contains(x->start)) started = true;
                if (x->end != kOpen && s.contains(x->end) && !x->continues) ceased = true;
                if (x->start <= s.end && x->end >= s.start) placements += (placements == 0 || x->moves) ? 1 : 0;
            }
            t.started[p] += started;
            t.ceased[p] += ceased;
            if (!looked_after(b, e, s.end)) continue;
            ++t.cla[p];
            if (placements >= 3) ++t.three_num[p];
            // Long-term stability: the chain of touching episodes back from the one open at the end.
            const Care* now = b;
            for (const Care* x = b; x != e && x->start <= s.end; ++x) {
                if (x->end > s.end) now = x;
            }
            std::int32_t care_start = now->start;
            std::int32_t placement_start = now->start;
            bool same_placement = !now->moves;
            for (const Care* x = now; x != b && (x - 1)->end == x->start; --x) {
                care_start = (x - 1)->start;
                if (same_placement) {
                    placement_start = (x - 1)->start;
                    same_placement = !(x - 1)->moves;
                }
            }
            const Date end_date = periods[p].end();
            const std::int32_t sixteen = sixteenth[static_cast<std::size_t>(c)];
            if (sixteen != 0 && sixteen > s.end && care_start <= day(add_months_clamped(end_date, -30))) {
                ++t.stable_den[p];
                if (placement_start <= day(add_months_clamped(end_date, -24))) ++t.stable_num[p];
            }
        }
    }

    // Missing episodes, one child at a time.
    for (std::size_t i = 0; i < away.size();) {
        const int c = away[i].child;
        std::size_t j = i;
        while (j < away.size() && away[j].child == c) ++j;
        const Care* b = care.data() + care_from[static_cast<std::size_t>(c)];
        const Care* e = care.data() + care_from[static_cast<std::size_t>(c) + 1];
        std::array<bool, kPeriods> was_missing{}, was_cla_missing{}, third{};
        for (std::size_t k = i; k < j; ++k) {
            const std::int32_t d = away[k].start;
            const int q = quarter_index(d);
            if (k >= i + 2 && d - away[k - 2].start < 90 && q) third[0] = third[static_cast<std::size_t>(q)] = true;
            // A return interview belongs to the period the child returned in.
            if (const int r = away[k].end == kOpen ? 0 : quarter_index(away[k].end)) {
                const bool in_time = away[k].offered != kOpen && away[k].offered - away[k].end <= kReturnInterviewDays;
                for (const int p : {0, r}) {
                    ++t.returned[p];
                    t.interviewed_in_time[p] += in_time;
                }
            }
            if (!q) continue;
            const bool cla = looked_after(b, e, d);
            for (const int p : {0, q}) {
                ++t.missing_episodes[p];
                was_missing[static_cast<std::size_t>(p)] = true;
                if (cla) {
                    ++t.cla_missing_episodes[p];
                    was_cla_missing[static_cast<std::size_t>(p)] = true;
                }
            }
        }
        for (int p = 0; p < kPeriods; ++p) {
            t.missing_children[p] += was_missing[static_cast<std::size_t>(p)];
            t.cla_missing_children[p] += was_cla_missing[static_cast<std::size_t>(p)];
            t.three_in_90[p] += third[static_cast<std::size_t>(p)];
        }
        i = j;
    }

    std::vector<IndicatorValue> out;
    const bool have_care = !records.episodes.empty();
    const bool have_missing = !records.missing.empty();
    for (int p = 0; p < kPeriods; ++p) {
        const DatasetPeriod period = periods[p];
        auto count = [&](const char* code, std::int64_t v, bool have) {
            IndicatorValue iv{code, period, std::nullopt, std::nullopt, std::nullopt};
            if (have) iv.value = static_cast<double>(v);
            out.push_back(std::move(iv));
        };
        auto ratio = [&](const char* code, std::int64_t num, std::int64_t den, Unit unit, bool have) {
            IndicatorValue iv{code, period, std::nullopt, std::nullopt, std::nullopt};
            if (have) {
                iv.numerator = num;
                iv.denominator = den;
                iv.value = ratio_value(num, den, unit);
            }
            out.push_back(std::move(iv));
        };
        count("cla", t.cla[p], have_care);
        ratio("cla_rate", t.cla[p], records.population.value_or(0), Unit::rate_per_10000, have_care && records.population);
        count("cla_started", t.started[p], have_care);
        count("cla_ceased", t.ceased[p], have_care);
        ratio("cla_three_placements", t.three_num[p], t.cla[p], Unit::percentage, have_care);
        ratio("cla_long_term_stability", t.stable_num[p], t.stable_den[p], Unit::percentage, have_care);
        count("missing_children", t.missing_children[p], have_missing);
        count("missing_episodes", t.missing_episodes[p], have_missing);
        count("missing_cla_children", t.cla_missing_children[p], have_missing);
        count("missing_cla_episodes", t.cla_missing_episodes[p], have_missing);
        count("missing_three_in_90_days", t.three_in_90[p], have_missing);
        ratio("missing_rhi_offered_72h", t.interviewed_in_time[p], t.returned[p], Unit::percentage, have_interviews);
    }
    return out;
}

namespace {

const IndicatorValue* find_value(const std::vector<IndicatorValue>& values, const std::string& code, DatasetPeriod period) {
    for (const auto& v : values) {
        if (v.code == code && v.period == period) return &v;
    }
    return nullptr;
}

const IndicatorDefinition* find_definition(const std::vector<IndicatorDefinition>& catalogue, const std::string& code) {
    for (const auto& d : catalogue) {
        if (d.code == code) return &d;
    }
    return nullptr;
}

// An agency's figure as the dataset reports it: a ratio's value always from its parts.
IndicatorValue returned_figure(const IndicatorDefinition& d, const IndicatorValue& v) {
    IndicatorValue out = v;
    if (v.numerator && v.denominator && d.unit != Unit::count) out.value = ratio_value(*v.numerator, *v.denominator, d.unit);
    return out;
}

IndicatorValue agency_figure(const IndicatorDefinition& d, DatasetPeriod period, const std::vector<IndicatorValue>& returned) {
    if (const auto* v = find_value(returned, d.code, period)) return returned_figure(d, *v);
    IndicatorValue out{d.code, period, std::nullopt, std::nullopt, std::nullopt};
    if (!period.is_year()) return out;
    std::vector<IndicatorValue> quarters;
    for (const DatasetPeriod q : period.quarters()) {
        if (const auto* v = find_value(returned, d.code, q)) quarters.push_back(returned_figure(d, *v));
    }
    switch (d.aggregation) {
        case Aggregation::distinct_children:
            return out;  // a child in two quarters would be counted twice: the year must be returned
        case Aggregation::snapshot:
            if (const auto* q4 = find_value(returned, d.code, DatasetPeriod{period.year, 4})) {
                auto v = returned_figure(d, *q4);
                v.period = period;
                return v;
            }
            return out;
        case Aggregation::sum:
            if (quarters.size() == 4 && std::all_of(quarters.begin(), quarters.end(), [](const auto& q) { return q.value.has_value(); })) {
                double total = 0;
                for (const auto& q : quarters) total += *q.value;
                out.value = total;
            }
            return out;
        case Aggregation::ratio:
            if (quarters.size() == 4 &&
                std::all_of(quarters.begin(), quarters.end(), [](const auto& q) { return q.numerator && q.denominator; })) {
                std::int64_t num = 0;
                std::int64_t den = 0;
                for (const auto& q : quarters) {
                    num += *q.numerator;
                    den += *q.denominator;
                }
                out.numerator = num;
                out.denominator = den;
                out.value = ratio_value(num, den, d.unit);
            }
            return out;
    }
    return out;
}

}  // namespace

std::vector<IndicatorValue> assemble(const std::vector<IndicatorDefinition>& catalogue, DatasetPeriod period,
                                     const std::vector<IndicatorValue>& computed, const std::vector<IndicatorValue>& returned,
                                     std::optional<std::int64_t> population) {
    std::vector<IndicatorValue> out;
    out.reserve(catalogue.size());
    for (const auto& d : catalogue) {
        IndicatorValue v{d.code, period, std::nullopt, std::nullopt, std::nullopt};
        const auto* c = find_value(computed, d.code, period);
        // Counted: a figure, or a ratio the records had nothing to count in (0 of 0).
        const bool counted = c && (c->value || c->denominator);
        if (d.source == IndicatorSource::records || counted) {
            // Counted from the records; for an indicator agencies return, when the records imported
            // carry it (the census, interview days), the records' figure, even when there is none:
            // a year's figures come from one source, never a returned one beside the records'.
            if (c) v = *c;
            if (v.value) v.origin = IndicatorValue::Origin::records;
        } else if (!d.rate_of.empty()) {
            // A rate is never returned as a figure: it is made from its count and the population.
            const auto* count_def = find_definition(catalogue, d.rate_of);
            if (count_def && population) {
                const auto count = agency_figure(*count_def, period, returned);
                if (count.value) {
                    v.numerator = static_cast<std::int64_t>(*count.value);
                    v.denominator = *population;
                    v.value = ratio_value(*v.numerator, *population, d.unit);
                    v.origin = IndicatorValue::Origin::returns;
                }
            }
        } else {
            v = agency_figure(d, period, returned);
            if (v.value) v.origin = IndicatorValue::Origin::returns;
        }
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace assure
