#pragma once
// Browsing the audit trail of changes and the access log of reads. There is deliberately no
// use case that edits or deletes either.
#include <vector>

#include "app/context.hpp"

namespace assure {

struct AuditPage {
    Page<AuditEntry> entries;  // newest first
    int total = 0;             // entries that match the filter, on every page, up to kAuditCountLimit
    bool more_than_total = false;  // the count stopped at kAuditCountLimit
};

// How far the audit page counts the entries that match: beyond it, "More than 1,000 entries".
// Low enough that a partnership's first year and its tenth cost the same to show.
inline constexpr int kAuditCountLimit = 1'000;

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter, const PageRequest& page);
// The actor's partnership's access log, newest first, a page at a time.
Page<AccessEntry> browse_access_log(Services& s, const Actor& actor, AccessQuery query);

}  // namespace assure
