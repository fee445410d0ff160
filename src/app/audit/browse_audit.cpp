#include "app/audit.hpp"

namespace assure {

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter, const PageRequest& page) {
    require(actor, Permission::view_audit);
    filter.partnership = actor.partnership;  // never another partnership's trail
    AuditPage out;
    s.store.read([&](Transaction& tx) {
        out.entries = tx.audit().query(filter, page);
        const int counted = tx.audit().count_up_to(filter, kAuditCountLimit + 1);
        out.more_than_total = counted > kAuditCountLimit;
        out.total = out.more_than_total ? kAuditCountLimit : counted;
    });
    return out;
}

}  // namespace assure
