// Notifying a serious incident: the record is created with the partnership's current rules.
#include <cstdio>

#include "app/reviews.hpp"
#include "app/reviews/internal.hpp"

namespace assure {

using namespace reviews_detail;

CaseView notify_incident(Services& s, const Actor& actor, const IncidentInput& input) {
    require(actor, Permission::manage_reviews);
    const Instant now = s.clock.now();
    const Date today = london_date(now);  // the day in England at the instant recorded
    CaseView view;
    s.store.write([&](Transaction& tx) {
        std::vector<AgencyId> agencies;
        for (const auto& a : tx.agencies().list(actor.partnership, false)) agencies.push_back(a.id);
        Case c;
        if (auto errors = validate_incident(input, agencies, rules_of(tx, actor.partnership).reviews, today, c); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        c.partnership = actor.partnership;
        c.created_at = now;
        char ref[32];
        std::snprintf(ref, sizeof ref, "SI-%d-%02d", c.became_aware_on.year, tx.cases().count(actor.partnership) + 1);
        c.reference = ref;
        c.sealed_identities = seal_identities(s, tx, c.children);
        if (!c.sealed_identities.empty()) c.sealed_key_id = s.sealer->key_id();  // which key sealed them
        c.id = tx.cases().insert(c, standing_of(c, s.calendar));
        record_audit(tx, actor, now, "case.notify", "review_case", c.id.str(), "", case_audit_json(c));
        view = view_of(s, c, today);
        view.identities_shown = !c.sealed_identities.empty();
    });
    return view;
}

}  // namespace assure
