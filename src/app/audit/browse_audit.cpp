#include "app/audit.hpp"

#include <algorithm>

namespace assure {

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter) {
    require(actor, Permission::view_audit);
    filter.partnership = actor.partnership;  // never another partnership's trail
    filter.limit = std::clamp(filter.limit, 1, 200);
    filter.offset = std::max(filter.offset, 0);
    AuditPage page;
    s.store.read([&](Transaction& tx) {
        page.entries = tx.audit().query(filter);
        page.total = tx.audit().count(filter);
    });
    return page;
}

}  // namespace assure
