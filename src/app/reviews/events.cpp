// Recording a lifecycle event: guarded by the state machine, saved with the record's version.
#include "app/reviews.hpp"
#include "app/reviews/internal.hpp"
#include "core/review_panels.hpp"

namespace assure {
namespace reviews_detail {

Case load_for_change(Transaction& tx, const Actor& actor, CaseId id, int expected_version) {
    Case c = load_visible(tx, actor, id);
    if (c.version != expected_version) throw Failure::stale("case");
    return c;
}

void save(Services& s, Transaction& tx, const Actor& actor, const Case& before, Case& after, const char* action) {
    if (!tx.cases().update(after, standing_of(after, s.calendar))) throw Failure::stale("case");
    after.version = before.version + 1;
    record_audit(tx, actor, s.clock.now(), action, "review_case", after.id.str(), case_audit_json(before),
                 case_audit_json(after));
}

Case append_event(Services& s, Transaction& tx, const Actor& actor, const Case& before, CaseEvent event) {
    const Instant now = s.clock.now();
    if (event.kind == EventKind::commission_reviewer && event.reviewer_user.valid()) {
        auto user = tx.users().find(event.reviewer_user);
        if (!user || user->partnership != actor.partnership || !user->active) {
            throw Failure::invalid({{"reviewer_user_id", "Select an active user account of this partnership"}});
        }
    }
    if (auto errors = check_event(before, replay(before), event, london_date(now)); !errors.empty()) {
        throw Failure::invalid(std::move(errors));
    }
    event.recorded_at = now;
    event.recorded_by = actor.label;
    Case after = before;
    after.events.push_back(event);
    tx.cases().append_event(before.id, event);
    save(s, tx, actor, before, after, "case.event");
    record_audit(tx, actor, now, "case.event." + std::string(event_key(event.kind)), "review_case", before.id.str(), "",
                 event_json(event));
    // Publishing ends every commissioned reviewer's account; commissioning another ends the others'.
    if (ends_reviewer_accounts(event.kind)) {
        end_reviewer_accounts(s, tx, actor, before.id, event.kind == EventKind::commission_reviewer ? event.reviewer_user : UserId{});
    }
    return after;
}

}  // namespace reviews_detail

using namespace reviews_detail;

CaseView record_event(Services& s, const Actor& actor, CaseId id, int expected_version, CaseEvent event) {
    require(actor, Permission::manage_reviews);
    CaseView view;
    s.store.write([&](Transaction& tx) {
        const Case before = load_for_change(tx, actor, id, expected_version);
        view = view_of(s, append_event(s, tx, actor, before, std::move(event)), london_date(s.clock.now()));
    });
    return view;
}

}  // namespace assure
