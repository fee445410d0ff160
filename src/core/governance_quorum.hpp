#pragma once
// A group with no quorum rule. Seed 000 sets none for any group, only an expectation of 75%
// attendance, so such a group's meetings are never "not quorate". It is kept as the rule "at
// least 0 members present", which every meeting meets and which a form can give no other way
// (a number of members must be 1 or more): the stored kinds and both engines' columns stay as
// they are (decision 0034). Forms, pages and the API show it as the key "none".
#include <string_view>

#include "core/governance.hpp"

namespace assure {

inline constexpr std::string_view kNoQuorumRuleKey = "none";
inline constexpr QuorumRule no_quorum_rule() { return {QuorumKind::min_members, 0}; }

bool has_quorum_rule(const QuorumRule& q);
// The rule's key as forms and the API show it: "none" for no rule, else quorum_kind_key.
std::string_view quorum_rule_key(const QuorumRule& q);

}  // namespace assure
