#pragma once
// One row of the audit trail: who did what to which record, when, with before and after.
#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace assure {

struct AuditEntry {
    std::int64_t id = 0;
    PartnershipId partnership;
    Instant at = 0;
    UserId actor;                 // zero when the system acted (demo, migrations, CLI)
    std::string actor_label;      // name and email at the time, so renames do not rewrite history
    std::string action;           // "agency.create", "person.update", "case.read", "user.login"
    std::string entity_type;      // "agency"
    std::string entity_id;        // "12"
    std::string before_json;      // "" when nothing existed before
    std::string after_json;       // "" when nothing exists after (or for reads)
};

struct AuditFilter {
    PartnershipId partnership;
    std::string entity_type;      // "" = any
    std::string action_prefix;    // "" = any; "agency." matches every agency change
    std::string actor_text;       // "" = any; matched against actor_label
    std::optional<Date> from;     // inclusive, days in England (london_midnight)
    std::optional<Date> to;       // inclusive, days in England
};

}  // namespace assure
