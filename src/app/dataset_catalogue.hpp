#pragma once
// Use cases: a partnership changes its own indicator catalogue (issue 15 item 1). The default
// catalogue and benchmarks become the partnership's own on the first change (as on the first
// import); each change is audited with the indicator before and after.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/dataset_edit.hpp"

namespace assure {

IndicatorDefinition update_indicator(Services& s, const Actor& actor, const std::string& code, const IndicatorEdit& edit);
// Adds the benchmark, or replaces the one for the same year and area.
Benchmark save_benchmark(Services& s, const Actor& actor, const std::string& code, const BenchmarkInput& in);
// The indicator's benchmarks, newest year first, England before the region before neighbours.
std::vector<Benchmark> indicator_benchmarks(Services& s, const Actor& actor, const std::string& code);

}  // namespace assure
