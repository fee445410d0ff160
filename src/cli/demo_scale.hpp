#pragma once
// England in one place: many partnerships with years of records each, generated for the
// benchmarks of how a page's cost grows with data (tests/bench/scale.sh). Deterministic: the
// same options give the same records, whatever the engine.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "cli/demo.hpp"

namespace assure::cli {

struct ScaleOptions {
    int partnerships = 150;
    int years = 10;
    std::uint64_t seed = 20261201;
    std::string password;  // every account's; 12+ characters
};

struct ScaleReport {
    std::map<std::string, std::int64_t> rows;  // rows written, by table
    std::vector<DemoAccount> first_partnership_accounts;
    [[nodiscard]] std::int64_t total() const;
};

// Writes the partnerships into an empty store, one write transaction per partnership, straight
// through the repositories (records are made as the use cases would make them, not by them).
// `progress` is told after each partnership.
ScaleReport load_england(Services& services, const ScaleOptions& options,
                         const std::function<void(int done, const ScaleReport&)>& progress = {});

}  // namespace assure::cli
