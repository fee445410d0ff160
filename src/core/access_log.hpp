#pragma once
// One row of the access log: who was shown which restricted records, when, and in what kind of
// view. It is kept apart from the trail of changes (docs/decisions/0008-access-log.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace assure {

enum class AccessKind {
    list,             // a list of cases
    record,           // one case
    identities,       // one case with the children's identifiable details opened
    recommendations,  // a case's recommendations
    register_list,    // a list of a restricted register's entries (LADO, child deaths)
    register_record,  // one entry of a restricted register
};
const std::vector<AccessKind>& all_access_kinds();
std::string_view access_kind_key(AccessKind k);    // "record"
std::string_view access_kind_label(AccessKind k);  // "Case record"
std::optional<AccessKind> parse_access_kind(std::string_view key);

struct AccessEntry {
    std::int64_t id = 0;
    PartnershipId partnership;
    Instant at = 0;
    UserId actor;
    std::string actor_label;              // name and email at the time, as in the trail of changes
    AccessKind kind = AccessKind::record;
    std::string record_type;              // "review_case"
    std::vector<std::string> record_ids;  // the records shown, in the order shown
};

}  // namespace assure
