#include "core/dataset.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace assure {
namespace {

template <class E, std::size_t N>
std::optional<E> find_key(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view key) {
    for (const auto& [e, k] : table) {
        if (k == key) return e;
    }
    return std::nullopt;
}

template <class E, std::size_t N>
std::string_view key_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [v, k] : table) {
        if (v == e) return k;
    }
    return "unknown";
}

constexpr std::array<std::pair<Unit, std::string_view>, 4> kUnits{
    {{Unit::count, "count"}, {Unit::percentage, "percentage"}, {Unit::rate_per_10000, "rate_per_10000"}, {Unit::days, "days"}}};
constexpr std::array<std::pair<Polarity, std::string_view>, 3> kPolarities{
    {{Polarity::higher_is_better, "higher_is_better"}, {Polarity::lower_is_better, "lower_is_better"}, {Polarity::neither, "neither"}}};
constexpr std::array<std::pair<Frequency, std::string_view>, 3> kFrequencies{
    {{Frequency::month, "month"}, {Frequency::quarter, "quarter"}, {Frequency::year, "year"}}};
constexpr std::array<std::pair<Aggregation, std::string_view>, 4> kAggregations{{{Aggregation::sum, "sum"},
                                                                                  {Aggregation::distinct_children, "distinct_children"},
                                                                                  {Aggregation::snapshot, "snapshot"},
                                                                                  {Aggregation::ratio, "ratio"}}};
constexpr std::array<std::pair<BenchmarkArea, std::string_view>, 3> kAreas{
    {{BenchmarkArea::england, "england"}, {BenchmarkArea::region, "region"}, {BenchmarkArea::statistical_neighbours, "statistical_neighbours"}}};
constexpr std::array<std::pair<IndicatorSource, std::string_view>, 2> kSources{
    {{IndicatorSource::records, "records"}, {IndicatorSource::agency_return, "agency_return"}}};

}  // namespace

std::string_view unit_key(Unit u) { return key_of(kUnits, u); }
std::string_view polarity_key(Polarity p) { return key_of(kPolarities, p); }
std::string_view frequency_key(Frequency f) { return key_of(kFrequencies, f); }
std::string_view aggregation_key(Aggregation a) { return key_of(kAggregations, a); }
std::string_view benchmark_area_key(BenchmarkArea a) { return key_of(kAreas, a); }
std::string_view indicator_source_key(IndicatorSource s) { return key_of(kSources, s); }
std::optional<Unit> parse_unit(std::string_view key) { return find_key(kUnits, key); }
std::optional<Polarity> parse_polarity(std::string_view key) { return find_key(kPolarities, key); }
std::optional<Frequency> parse_frequency(std::string_view key) { return find_key(kFrequencies, key); }
std::optional<Aggregation> parse_aggregation(std::string_view key) { return find_key(kAggregations, key); }
std::optional<BenchmarkArea> parse_benchmark_area(std::string_view key) { return find_key(kAreas, key); }
std::optional<IndicatorSource> parse_indicator_source(std::string_view key) { return find_key(kSources, key); }

std::string_view benchmark_area_label(BenchmarkArea a) {
    switch (a) {
        case BenchmarkArea::england: return "England";
        case BenchmarkArea::region: return "Region";
        case BenchmarkArea::statistical_neighbours: return "Statistical neighbours";
    }
    return "Unknown";
}

std::string_view rag_key(Rag r) {
    switch (r) {
        case Rag::none: return "none";
        case Rag::red: return "red";
        case Rag::amber: return "amber";
        case Rag::green: return "green";
    }
    return "none";
}

std::string_view rag_label(Rag r) {
    switch (r) {
        case Rag::none: return "No target";
        case Rag::red: return "Red";
        case Rag::amber: return "Amber";
        case Rag::green: return "Green";
    }
    return "No target";
}

std::string_view travel_key(Travel t) {
    switch (t) {
        case Travel::none: return "none";
        case Travel::improving: return "improving";
        case Travel::same: return "same";
        case Travel::worsening: return "worsening";
        case Travel::up: return "up";
        case Travel::down: return "down";
    }
    return "none";
}

std::string_view travel_label(Travel t) {
    switch (t) {
        case Travel::none: return "No earlier figure";
        case Travel::improving: return "Improving";
        case Travel::same: return "No change";
        case Travel::worsening: return "Worsening";
        case Travel::up: return "Up";
        case Travel::down: return "Down";
    }
    return "No earlier figure";
}

// ---- periods --------------------------------------------------------------------------

std::optional<DatasetPeriod> DatasetPeriod::parse(std::string_view text) {
    // YYYY-YY or YYYY-YY-QN, the second year the first plus one.
    if (text.size() != 7 && text.size() != 10) return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const auto year = digits(0, 4);
    const auto next = digits(5, 2);
    if (!year || !next || text[4] != '-' || *year < 1900) return std::nullopt;
    if ((*year + 1) % 100 != *next) return std::nullopt;
    DatasetPeriod p{*year, 0};
    if (text.size() == 10) {
        if (text[7] != '-' || text[8] != 'Q' || text[9] < '1' || text[9] > '4') return std::nullopt;
        p.quarter = text[9] - '0';
    }
    return p;
}

DatasetPeriod DatasetPeriod::year_of(Date d) { return {d.month >= 4 ? d.year : d.year - 1, 0}; }

DatasetPeriod DatasetPeriod::quarter_of(Date d) {
    const DatasetPeriod y = year_of(d);
    const int months_in = (d.month + 12 - 4) % 12;  // April 0 … March 11
    return {y.year, months_in / 3 + 1};
}

std::string DatasetPeriod::key() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, (year + 1) % 100);
    std::string out = buf;
    if (quarter) out += "-Q" + std::to_string(quarter);
    return out;
}

std::string DatasetPeriod::label() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d/%02d", year, (year + 1) % 100);
    return quarter ? "Q" + std::to_string(quarter) + " " + buf : std::string(buf);
}

Date DatasetPeriod::start() const {
    if (!quarter) return {year, 4, 1};
    const int month = 4 + (quarter - 1) * 3;  // 4, 7, 10, 13
    return month > 12 ? Date{year + 1, month - 12, 1} : Date{year, month, 1};
}

Date DatasetPeriod::end() const {
    if (!quarter) return {year + 1, 3, 31};
    const Date s = start();
    const Date after = add_months_clamped(s, 3);
    return Date::from_days(after.days() - 1);
}

std::vector<DatasetPeriod> DatasetPeriod::quarters() const {
    if (quarter) return {*this};
    return {{year, 1}, {year, 2}, {year, 3}, {year, 4}};
}

DatasetPeriod DatasetPeriod::previous() const {
    if (!quarter) return {year - 1, 0};
    return quarter == 1 ? DatasetPeriod{year - 1, 4} : DatasetPeriod{year, quarter - 1};
}

// ---- figures --------------------------------------------------------------------------

double round_one_decimal(double v) {
    // The tiny nudge keeps 67.65 (stored as 67.6499…) rounding as a person would round it.
    const double scaled = v * 10.0;
    const double nudge = scaled >= 0 ? 1e-9 : -1e-9;
    return std::round(scaled + nudge) / 10.0;
}

std::string format_figure(double v, Unit unit) {
    char buf[32];
    if (unit == Unit::count) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f", round_one_decimal(v));
    }
    return buf;
}

std::optional<double> parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 24) return std::nullopt;
    std::size_t i = text[0] == '-' ? 1 : 0;
    bool dot = false;
    bool digit = false;
    for (std::size_t j = i; j < text.size(); ++j) {
        if (text[j] == '.') {
            if (dot) return std::nullopt;
            dot = true;
        } else if (text[j] >= '0' && text[j] <= '9') {
            digit = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digit || text.back() == '.' || text[i] == '.') return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return v;
}

std::optional<double> ratio_value(std::int64_t numerator, std::int64_t denominator, Unit unit) {
    if (denominator <= 0) return std::nullopt;
    const double scale = unit == Unit::rate_per_10000 ? 10000.0 : unit == Unit::percentage ? 100.0 : 1.0;
    return round_one_decimal(static_cast<double>(numerator) * scale / static_cast<double>(denominator));
}

Rag rag_of(const IndicatorDefinition& d, std::optional<double> value) {
    if (!value || !d.target || d.polarity == Polarity::neither) return Rag::none;
    const double v = *value;
    const double t = *d.target;
    if (d.polarity == Polarity::higher_is_better) {
        if (v >= t) return Rag::green;
        return v >= t - d.tolerance ? Rag::amber : Rag::red;
    }
    if (v <= t) return Rag::green;
    return v <= t + d.tolerance ? Rag::amber : Rag::red;
}

Travel travel_of(Polarity p, std::optional<double> before, std::optional<double> now) {
    if (!before || !now) return Travel::none;
    if (round_one_decimal(*now) == round_one_decimal(*before)) return Travel::same;
    const bool up = *now > *before;
    switch (p) {
        case Polarity::higher_is_better: return up ? Travel::improving : Travel::worsening;
        case Polarity::lower_is_better: return up ? Travel::worsening : Travel::improving;
        case Polarity::neither: return up ? Travel::up : Travel::down;
    }
    return Travel::none;
}

ImportChanges changes_between(std::vector<std::string> before, std::vector<std::string> after, bool first) {
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    ImportChanges c;
    c.first = first;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i] < after[j])) {
            ++c.removed;
            ++i;
        } else if (i == before.size() || after[j] < before[i]) {
            ++c.added;
            ++j;
        } else {
            ++c.unchanged;
            ++i;
            ++j;
        }
    }
    return c;
}

}  // namespace assure
