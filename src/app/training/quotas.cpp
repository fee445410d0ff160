// Agency quotas on training sessions (app/training_quotas.hpp), over the store's QuotaTransaction
// side interface; the rule and its words are in core.
#include <nlohmann/json.hpp>

#include "app/ports/training_quotas.hpp"
#include "app/training/internal.hpp"
#include "app/training_quotas.hpp"
#include "core/training_quotas.hpp"

namespace assure {

namespace {

QuotaRepo& quotas_of(Transaction& tx) {
    auto* with = dynamic_cast<QuotaTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Agency quotas are not kept by this store", {}, "no QuotaTransaction");
    return with->training_quotas();
}

std::string quota_json(std::optional<int> q) { return nlohmann::json{{"per_agency", q ? nlohmann::json(*q) : nlohmann::json()}}.dump(); }

}  // namespace

namespace training_detail {

void check_agency_quota(Transaction& tx, const TrainingSession& t, const std::optional<AgencyId>& agency, int adding, FieldErrors& e) {
    if (!agency || adding <= 0) return;
    const auto quota = quotas_of(tx).quota(t.partnership, t.id);
    if (!quota) return;
    const auto a = tx.agencies().find(t.partnership, *agency);
    const std::string refusal = quota_refusal(quota, quotas_of(tx).agency_places(t.id, *agency), adding, a ? a->name : "The agency");
    if (!refusal.empty()) e.push_back({"agency_id", refusal});
}

}  // namespace training_detail

std::optional<int> session_quota(Services& s, const Actor& actor, TrainingSessionId session) {
    require(actor, Permission::view_training);
    std::optional<int> q;
    s.store.read([&](Transaction& tx) {
        training_detail::load_session(tx, actor, session);
        q = quotas_of(tx).quota(actor.partnership, session);
    });
    return q;
}

std::optional<int> set_session_quota(Services& s, const Actor& actor, TrainingSessionId session, const std::string& typed) {
    require(actor, Permission::manage_training);
    std::optional<int> q;
    s.store.write([&](Transaction& tx) {
        const TrainingSession t = training_detail::load_session(tx, actor, session);
        FieldErrors e;
        q = check_quota(typed, t.capacity, e);
        if (!e.empty()) throw Failure::invalid(std::move(e));
        const auto before = quotas_of(tx).quota(actor.partnership, session);
        if (before == q) return;
        quotas_of(tx).set_quota(actor.partnership, session, q);
        record_audit(tx, actor, s.clock.now(), "training_session.quota", training_detail::kSessionType, session.str(), quota_json(before), quota_json(q));
    });
    return q;
}

}  // namespace assure
