#include "store/sql/training_quotas.hpp"

namespace assure::sql {

std::optional<int> SqlQuotas::quota(PartnershipId partnership, TrainingSessionId session) {
    auto& q = db_.cached("SELECT per_agency FROM training_session_quotas WHERE partnership_id = ? AND session_id = ?");
    q.bind(1, partnership.value).bind(2, session.value);
    std::optional<int> out;
    if (q.step()) out = q.integer(0);
    q.reset();
    return out;
}

void SqlQuotas::set_quota(PartnershipId partnership, TrainingSessionId session, std::optional<int> per_agency) {
    if (!per_agency) {
        db_.cached("DELETE FROM training_session_quotas WHERE partnership_id = ? AND session_id = ?").bind(1, partnership.value).bind(2, session.value).run();
        return;
    }
    db_.cached("INSERT INTO training_session_quotas(session_id, partnership_id, per_agency) VALUES (?, ?, ?) "
               "ON CONFLICT (session_id) DO UPDATE SET per_agency = excluded.per_agency")
        .bind(1, session.value)
        .bind(2, partnership.value)
        .bind(3, *per_agency)
        .run();
}

int SqlQuotas::agency_places(TrainingSessionId session, AgencyId agency) {
    auto& q = db_.cached("SELECT COUNT(*) FROM training_bookings WHERE session_id = ? AND agency_id = ? AND status <> 'cancelled'");
    q.bind(1, session.value).bind(2, agency.value);
    q.step();
    const int n = q.integer(0);
    q.reset();
    return n;
}

}  // namespace assure::sql
