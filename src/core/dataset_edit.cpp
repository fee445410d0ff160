#include "core/dataset_edit.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/fields.hpp"
#include "core/registers.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

std::optional<double> number(const std::string& raw) {
    const std::string text = trim(raw);
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

IndicatorDefinition edited_indicator(IndicatorDefinition d, const IndicatorEdit& e, const std::vector<std::string>& priorities) {
    FieldErrors errors;
    d.name = trim(e.name);
    if (d.name.empty()) errors.push_back({"name", "Enter the indicator's name"});
    check_length(errors, "name", d.name, 150, "The name");
    d.definition = trim(e.definition);
    check_length(errors, "definition", d.definition, 2000, "The definition");
    d.source_agency = trim(e.source_agency);
    if (d.source_agency.empty()) errors.push_back({"source_agency", "Enter the agency that owns the figure"});
    check_length(errors, "source_agency", d.source_agency, 150, "The source agency");
    if (trim(e.target).empty()) {
        d.target.reset();
    } else if (const auto t = number(e.target); !t) {
        errors.push_back({"target", "Enter the target as a number, like 70 or 67.5, or leave it empty for none"});
    } else if (d.unit == Unit::percentage && (*t < 0 || *t > 100)) {
        errors.push_back({"target", "A percentage target must be from 0 to 100"});
    } else if (*t < 0) {
        errors.push_back({"target", "The target must be 0 or more"});
    } else {
        d.target = *t;
    }
    if (trim(e.tolerance).empty()) {
        d.tolerance = 0;
    } else if (const auto t = number(e.tolerance); !t || *t < 0) {
        errors.push_back({"tolerance", "Enter the tolerance as a number of 0 or more, like 5"});
    } else {
        d.tolerance = *t;
    }
    // A priority kept as it was is not checked again: the default catalogue names priorities a
    // partnership may word differently, and keeping one must not block changing the target.
    const std::string kept = d.priority;
    d.priority = trim(e.priority);
    if (!d.priority.empty() && d.priority != kept && std::find(priorities.begin(), priorities.end(), d.priority) == priorities.end()) {
        errors.push_back({"priority", "Select one of the partnership's priorities, or none"});
    }
    if (!errors.empty()) throw Failure::invalid(errors);
    return d;
}

Benchmark checked_benchmark(const IndicatorDefinition& d, const BenchmarkInput& in) {
    FieldErrors errors;
    Benchmark b;
    b.code = d.code;
    if (const auto y = FinancialYear::parse(trim(in.year))) {
        b.year = y->start;
    } else {
        errors.push_back({"year", "Enter the financial year the benchmark describes, like 2016-17"});
    }
    if (const auto a = parse_benchmark_area(trim(in.area))) {
        b.area = *a;
    } else {
        errors.push_back({"area", "Select whether the benchmark is England's, the region's or the statistical neighbours'"});
    }
    if (const auto v = number(in.value); !v) {
        errors.push_back({"value", "Enter the benchmark as a number, like 43.1"});
    } else if (*v < 0 || (d.unit == Unit::percentage && *v > 100)) {
        errors.push_back({"value", d.unit == Unit::percentage ? "A percentage must be from 0 to 100" : "The benchmark must be 0 or more"});
    } else {
        b.value = *v;
    }
    if (!errors.empty()) throw Failure::invalid(errors);
    return b;
}

}  // namespace assure
