#include "app/audit.hpp"

namespace assure {

Page<AccessEntry> browse_access_log(Services& s, const Actor& actor, AccessQuery query) {
    require(actor, Permission::view_access_log);
    query.partnership = actor.partnership;  // never another partnership's log
    Page<AccessEntry> page;
    s.store.read([&](Transaction& tx) { page = tx.access_entries().query(query); });
    return page;
}

}  // namespace assure
