#pragma once
// Browsing the audit trail. There is deliberately no use case that edits or deletes it.
#include <vector>

#include "app/context.hpp"

namespace assure {

struct AuditPage {
    std::vector<AuditEntry> entries;
    int total = 0;
};

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter);

}  // namespace assure
