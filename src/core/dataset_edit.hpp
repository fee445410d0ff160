#pragma once
// Changing a partnership's own indicator catalogue (issue 15 item 1): an indicator's words, its
// data owner, target and tolerance and the priority it evidences; and a benchmark for a year.
// How an indicator is counted (unit, aggregation, source) is the catalogue's definition and is
// not changed here: a figure's meaning must not shift under its history.
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/failure.hpp"

namespace assure {

struct IndicatorEdit {
    std::string name, definition, source_agency, target, tolerance, priority;
};

// `d` with the edit applied, or Failure::invalid naming each field: a name, a target that is a
// number (a percentage from 0 to 100), a tolerance of 0 or more, a priority of the partnership's (or the one it had).
IndicatorDefinition edited_indicator(IndicatorDefinition d, const IndicatorEdit& e, const std::vector<std::string>& priorities);

struct BenchmarkInput {
    std::string year;  // "2016-17"
    std::string area;  // "england", "region", "statistical_neighbours"
    std::string value;
};
// A benchmark for indicator `d`, or Failure::invalid naming each field.
Benchmark checked_benchmark(const IndicatorDefinition& d, const BenchmarkInput& in);

}  // namespace assure
