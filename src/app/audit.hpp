#pragma once
// Browsing the audit trail. There is deliberately no use case that edits or deletes it.
#include <vector>

#include "app/context.hpp"

namespace assure {

struct AuditPage {
    Page<AuditEntry> entries;  // newest first
    int total = 0;             // entries that match the filter, on every page
};

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter, const PageRequest& page);

}  // namespace assure
