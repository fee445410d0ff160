#include "app/audit.hpp"

namespace assure {

AuditChainCheck verify_audit_trail(Store& store, const AuditCheckpoint& from) {
    AuditChainCheck check;
    store.read([&](Transaction& tx) { check = tx.audit().verify_chain(from); });
    return check;
}

AuditChainCheck AuditTrailWatch::check(Store& store, bool full, Instant now) {
    AuditCheckpoint from;
    {
        std::lock_guard lock(mutex_);
        if (!full && latest_.checked && latest_.check.intact) from = sound_;
    }
    const bool whole = from.id == 0;
    auto found = verify_audit_trail(store, from);
    std::lock_guard lock(mutex_);
    if (found.intact && !whole) found.rows += latest_.check.rows;  // every row known sound
    // A check from a checkpoint only follows a sound one; only a check of the whole trail can
    // clear a break found earlier.
    if (!found.intact || whole || latest_.check.intact) {
        latest_ = Finding{true, now, found};
        if (found.intact) sound_ = found.head;
    }
    return found;
}

AuditTrailWatch::Finding AuditTrailWatch::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

}  // namespace assure
