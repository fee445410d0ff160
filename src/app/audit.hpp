#pragma once
// Browsing the audit trail of changes and the access log of reads. There is deliberately no
// use case that edits or deletes either.
#include <mutex>
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

// Verifies the audit trail's hash chain from `from` (the start when empty), in one read.
AuditChainCheck verify_audit_trail(Store& store, const AuditCheckpoint& from = {});

// Keeps the latest verification of the hash chain, so the audit page can warn without reading
// the trail: a background task calls check(), pages call latest().
class AuditTrailWatch {
public:
    struct Finding {
        bool checked = false;  // false until the first check has finished
        Instant at = 0;        // when it finished
        AuditChainCheck check;
    };
    // Checks the rows added since the last sound head, or every row when `full` (or the first
    // time). A break stays reported until a full check finds the whole trail sound.
    AuditChainCheck check(Store& store, bool full, Instant now);
    [[nodiscard]] Finding latest() const;

private:
    mutable std::mutex mutex_;
    Finding latest_;
    AuditCheckpoint sound_;  // the head of the trail as far as it was last found sound
};

}  // namespace assure
