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
    // Set when read, not stored: the row is of a record the reader may not see (a review case
    // or its recommendation), so before_json and after_json were left out.
    bool content_withheld = false;
};

struct AuditFilter {
    PartnershipId partnership;
    std::string entity_type;      // "" = any
    std::string action_prefix;    // "" = any; "agency." matches every agency change
    std::string actor_text;       // "" = any; matched against actor_label
    std::optional<Date> from;     // inclusive, days in England (london_midnight)
    std::optional<Date> to;       // inclusive, days in England
};

// A point in the audit trail's hash chain: a row's id and the hash it carries. The trail is
// verified from one (or from the start), so a check need not read rows already checked.
struct AuditCheckpoint {
    std::int64_t id = 0;   // 0: the start of the trail
    std::string hash;      // "" at the start
};

// What verifying the hash chain found (docs/decisions/0012-audit-hash-chain.md).
struct AuditChainCheck {
    bool intact = true;
    std::int64_t rows = 0;       // rows checked
    AuditCheckpoint head;        // the last row checked and found sound
    std::int64_t broken_row = 0; // the first row that fails: edited, or with rows missing or moved before it
    std::string problem;         // what is wrong with it, in words
};

}  // namespace assure
