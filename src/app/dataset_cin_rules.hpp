#pragma once
// The numbers a partnership measures the children in need census's indicators by (core
// CinRules: the assessment and conference timescales, the re-referral window, a long plan).
// Kept out of app/dataset.hpp, which the whole dataset includes.
#include <map>
#include <string>

#include "app/context.hpp"
#include "core/dataset_cin.hpp"

namespace assure {

struct CinRulesView {
    CinRules rules;
    bool defaults = true;     // the partnership has not set its own
    bool may_change = false;  // the business unit
};

// Everyone who reads the dataset.
CinRulesView read_cin_rules(Services& s, const Actor& actor);

// The business unit; `typed` by setting key (core's cin_rule_settings()), each a whole number
// within its bounds or a field error naming it, nothing saved. Audited as
// dataset.cin_rules with the rules before and after; the same rules again change nothing.
CinRules set_cin_rules(Services& s, const Actor& actor, const std::map<std::string, std::string>& typed);

}  // namespace assure
