// A partnership's own indicator catalogue: core checks the change; the dataset's store keeps it.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/dataset.hpp"
#include "app/dataset/internal.hpp"
#include "app/dataset_catalogue.hpp"

namespace assure {
namespace {

IndicatorDefinition find_indicator(Transaction& tx, PartnershipId partnership, const std::string& code) {
    for (auto& d : tx.dataset().catalogue(partnership)) {
        if (d.code == code) return d;
    }
    throw Failure::not_found("indicator " + code);
}

std::string indicator_audit(const IndicatorDefinition& d) {
    nlohmann::json j{{"code", d.code}, {"name", d.name}, {"definition", d.definition}, {"source_agency", d.source_agency},
                     {"target", d.target ? nlohmann::json(*d.target) : nlohmann::json()}, {"tolerance", d.tolerance}, {"priority", d.priority}};
    return j.dump();
}

}  // namespace

IndicatorDefinition update_indicator(Services& s, const Actor& actor, const std::string& code, const IndicatorEdit& edit) {
    require(actor, Permission::manage_dataset);
    IndicatorDefinition out;
    s.store.write([&](Transaction& tx) {
        const Instant now = s.clock.now();
        adopt_catalogue_if_none(tx, actor, now);
        const IndicatorDefinition before = find_indicator(tx, actor.partnership, code);
        out = edited_indicator(before, edit, rules_of(tx, actor.partnership).learning.priorities);
        tx.dataset().put_indicator(actor.partnership, out);
        record_audit(tx, actor, now, "dataset.indicator.update", "dataset_indicator", code, indicator_audit(before), indicator_audit(out));
    });
    return out;
}

Benchmark save_benchmark(Services& s, const Actor& actor, const std::string& code, const BenchmarkInput& in) {
    require(actor, Permission::manage_dataset);
    Benchmark out;
    s.store.write([&](Transaction& tx) {
        const Instant now = s.clock.now();
        adopt_catalogue_if_none(tx, actor, now);
        out = checked_benchmark(find_indicator(tx, actor.partnership, code), in);
        std::string before;
        for (const auto& b : tx.dataset().benchmarks(actor.partnership)) {
            if (b.code == code && b.year == out.year && b.area == out.area) before = nlohmann::json{{"value", b.value}}.dump();
        }
        tx.dataset().put_benchmark(actor.partnership, out);
        record_audit(tx, actor, now, "dataset.benchmark.put", "dataset_indicator", code, before,
                     nlohmann::json{{"year", FinancialYear{out.year}.key()}, {"area", benchmark_area_key(out.area)}, {"value", out.value}}.dump());
    });
    return out;
}

std::vector<Benchmark> indicator_benchmarks(Services& s, const Actor& actor, const std::string& code) {
    require(actor, Permission::view_dataset);
    std::vector<Benchmark> out;
    bool known = false;
    for (const auto& d : dataset_catalogue(s, actor)) known = known || d.code == code;
    if (!known) throw Failure::not_found("indicator " + code);
    s.store.read([&](Transaction& tx) {
        auto all = tx.dataset().benchmarks(actor.partnership);
        if (all.empty() && tx.dataset().catalogue(actor.partnership).empty()) all = default_benchmarks();
        for (auto& b : all) {
            if (b.code == code) out.push_back(std::move(b));
        }
    });
    std::sort(out.begin(), out.end(), [](const Benchmark& a, const Benchmark& b) {
        return a.year != b.year ? a.year > b.year : static_cast<int>(a.area) < static_cast<int>(b.area);
    });
    return out;
}

}  // namespace assure
