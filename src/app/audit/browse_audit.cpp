#include "app/audit.hpp"

namespace assure {

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter, const PageRequest& page) {
    require(actor, Permission::view_audit);
    filter.partnership = actor.partnership;  // never another partnership's trail
    AuditPage out;
    s.store.read([&](Transaction& tx) {
        out.entries = tx.audit().query(filter, page);
        out.total = tx.audit().count(filter);
    });
    return out;
}

}  // namespace assure
