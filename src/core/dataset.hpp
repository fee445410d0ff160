#pragma once
// The multi-agency dataset: periods, the indicator catalogue, values, red/amber/green and
// direction of travel. Pure rules; the records an indicator is computed from are in
// dataset_records.hpp and the computation in dataset_compute.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace assure {

using DatasetImportId = Id<struct DatasetImportTag>;

// A financial year (April to March), or one of its quarters. `year` is the year it starts in:
// 2016 is 2016/17, written "2016-17"; its first quarter (April to June 2016) is "2016-17-Q1".
struct DatasetPeriod {
    int year = 2016;
    int quarter = 0;  // 0 for the whole year, else 1..4
    auto operator<=>(const DatasetPeriod&) const = default;

    static std::optional<DatasetPeriod> parse(std::string_view text);
    static DatasetPeriod year_of(Date d);      // the financial year a date falls in
    static DatasetPeriod quarter_of(Date d);   // the quarter a date falls in
    [[nodiscard]] std::string key() const;    // "2016-17", "2016-17-Q1"
    [[nodiscard]] std::string label() const;  // "2016/17", "Q1 2016/17"
    [[nodiscard]] Date start() const;
    [[nodiscard]] Date end() const;           // the last day, inclusive
    [[nodiscard]] bool is_year() const { return quarter == 0; }
    [[nodiscard]] bool contains(Date d) const { return start() <= d && d <= end(); }
    [[nodiscard]] std::vector<DatasetPeriod> quarters() const;  // of the year (a quarter: itself)
    [[nodiscard]] DatasetPeriod previous() const;     // the quarter or year before
};

enum class Unit { count, percentage, rate_per_10000, days };
enum class Polarity { higher_is_better, lower_is_better, neither };
enum class Frequency { month, quarter, year };
// How a period's figure is made from the records or from shorter periods. A year's distinct
// children is not the sum of its quarters; a ratio is recomputed from its parts, never an
// average of percentages.
enum class Aggregation { sum, distinct_children, snapshot, ratio };
enum class BenchmarkArea { england, region, statistical_neighbours };
enum class Rag { none, red, amber, green };
enum class Travel { none, improving, same, worsening, up, down };  // up/down: no polarity

std::string_view unit_key(Unit u);
std::string_view polarity_key(Polarity p);
std::string_view frequency_key(Frequency f);
std::string_view aggregation_key(Aggregation a);
std::string_view benchmark_area_key(BenchmarkArea a);
std::string_view benchmark_area_label(BenchmarkArea a);
std::string_view rag_key(Rag r);
std::string_view rag_label(Rag r);
std::string_view travel_key(Travel t);
std::string_view travel_label(Travel t);
std::optional<Unit> parse_unit(std::string_view key);
std::optional<Polarity> parse_polarity(std::string_view key);
std::optional<Frequency> parse_frequency(std::string_view key);
std::optional<Aggregation> parse_aggregation(std::string_view key);
std::optional<BenchmarkArea> parse_benchmark_area(std::string_view key);

// Where an indicator's figures come from.
enum class IndicatorSource { records, agency_return };
std::string_view indicator_source_key(IndicatorSource s);
std::optional<IndicatorSource> parse_indicator_source(std::string_view key);

struct IndicatorDefinition {
    std::string code;  // cp_rate
    std::string name;
    std::string definition;  // plain English, as the scorecard explains it
    std::string source_agency;
    Unit unit = Unit::count;
    Polarity polarity = Polarity::neither;
    Frequency frequency = Frequency::quarter;
    Aggregation aggregation = Aggregation::sum;
    IndicatorSource source = IndicatorSource::agency_return;
    // A rate per 10,000 children made from another indicator's count and the population.
    std::string rate_of;
    std::optional<double> target;
    double tolerance = 0;  // within this much of the target on the wrong side: amber
    std::string priority;  // the partnership priority it evidences
    int position = 0;      // order on the scorecard
};

struct Benchmark {
    std::string code;
    int year = 0;  // the financial year it describes (2015 for 2015/16)
    BenchmarkArea area = BenchmarkArea::england;
    double value = 0;
};

// One indicator's figure for one period. A ratio or rate keeps its numerator and denominator.
struct IndicatorValue {
    std::string code;
    DatasetPeriod period;
    std::optional<double> value;  // none: no data for the period
    std::optional<std::int64_t> numerator;
    std::optional<std::int64_t> denominator;
    // Where assemble found the figure: counted from the records imported (the SSDA903 extracts,
    // the missing files, the children in need census), or from the agencies' returns.
    enum class Origin { none, records, returns } origin = Origin::none;
};

// The catalogue every new partnership starts with, from seed 001 §6 and the codes.
const std::vector<IndicatorDefinition>& default_indicator_catalogue();
// Published benchmarks that ship with the default catalogue (seed 001 §6).
const std::vector<Benchmark>& default_benchmarks();

// Rounds half away from zero to one decimal place, as published figures are (67.65 -> 67.7).
double round_one_decimal(double v);
// "89.3", "290", "13.0": a figure as the scorecard prints it in its unit.
std::string format_figure(double v, Unit unit);
// Parses a plain decimal ("12", "-3.5", "0.25"); nothing else.
std::optional<double> parse_decimal(std::string_view text);
// A ratio made from its parts in the indicator's unit, rounded to one decimal place; none
// when the denominator is zero.
std::optional<double> ratio_value(std::int64_t numerator, std::int64_t denominator, Unit unit);

Rag rag_of(const IndicatorDefinition& d, std::optional<double> value);
Travel travel_of(Polarity p, std::optional<double> before, std::optional<double> now);

// What changed between the rows of the last import of a period and the rows of this one,
// each row given as its canonical text.
struct ImportChanges {
    int added = 0;
    int removed = 0;
    int unchanged = 0;
    bool first = true;  // no earlier import of the period
};
ImportChanges changes_between(std::vector<std::string> before, std::vector<std::string> after, bool first);

}  // namespace assure
