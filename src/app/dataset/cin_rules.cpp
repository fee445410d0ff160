// The census's rules, per partnership, in the census's side of the store.
#include <cctype>
#include <charconv>

#include <nlohmann/json.hpp>

#include "app/dataset_cin_rules.hpp"
#include "app/ports/dataset_cin.hpp"
#include "core/failure.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

DatasetCinRepo& repo_of(Transaction& tx) {
    auto* cin = dynamic_cast<DatasetCinTransaction*>(&tx);
    if (cin == nullptr) throw Failure(FailureCode::unavailable, "this store keeps no children in need census");
    return cin->dataset_cin();
}

std::string rules_json(const CinRules& r) {
    nlohmann::json j;
    for (const auto& setting : cin_rule_settings()) j[std::string(setting.key)] = r.*setting.field;
    return j.dump();
}

}  // namespace

CinRulesView read_cin_rules(Services& s, const Actor& actor) {
    require(actor, Permission::view_dataset);
    CinRulesView v;
    s.store.read([&](Transaction& tx) {
        const auto own = repo_of(tx).rules(actor.partnership);
        v.defaults = !own;
        v.rules = own.value_or(CinRules{});
    });
    v.may_change = actor.can(Permission::manage_dataset);
    return v;
}

CinRules set_cin_rules(Services& s, const Actor& actor, const std::map<std::string, std::string>& typed) {
    require(actor, Permission::manage_dataset);
    CinRules rules;
    FieldErrors errors;
    for (const auto& setting : cin_rule_settings()) {
        const auto it = typed.find(std::string(setting.key));
        const std::string text = it == typed.end() ? std::string() : trim(it->second);
        int n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < setting.min || n > setting.max) {
            std::string what(setting.label);
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
            errors.push_back({std::string(setting.key), "Enter " + what + " as a whole number from " + std::to_string(setting.min) + " to " +
                                                            std::to_string(setting.max)});
            continue;
        }
        rules.*setting.field = n;
    }
    if (!errors.empty()) throw Failure::invalid(errors);
    s.store.write([&](Transaction& tx) {
        auto& repo = repo_of(tx);
        const auto own = repo.rules(actor.partnership);
        const CinRules before = own.value_or(CinRules{});
        if (own && before == rules) return;
        repo.put_rules(actor.partnership, rules);
        record_audit(tx, actor, s.clock.now(), "dataset.cin_rules", "dataset_cin_settings", actor.partnership.str(), rules_json(before),
                     rules_json(rules));
    });
    return rules;
}

}  // namespace assure
