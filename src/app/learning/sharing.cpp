// One return for several partnerships: an organisation that works with more than one
// partnership on this server submits its Section 11 or 175 return once, and each partnership
// whose agency record is linked to its own (an accepted link, app/agency_links.hpp) receives a
// copy to moderate as its own. The organisation code two records carry is not a link: either
// partnership types it (docs/decisions/0024).
#include <algorithm>

#include "app/learning/internal.hpp"

namespace assure {
namespace learning_detail {
namespace {

bool invites(const AuditCycle& c, AgencyId agency) {
    return std::find(c.invited.begin(), c.invited.end(), agency) != c.invited.end();
}

}  // namespace

std::vector<ShareTarget> share_targets_of(Transaction& tx, const AuditCycle& cycle, const AuditReturn& ret, const Agency& agency,
                                          Date today) {
    std::vector<ShareTarget> out;
    for (const auto& there : tx.agencies().linked(agency.id)) {
        if (there.partnership == agency.partnership) continue;
        const auto partnership = tx.partnerships().find(there.partnership);
        if (!partnership) continue;
        bool any = false;
        for (const auto& c : tx.learning().cycles(there.partnership)) {
            if (c.kind != cycle.kind || !invites(c, there.id) || c.closed || c.closes < today) continue;
            const auto existing = tx.learning().find_return(there.partnership, c.id, there.id);
            ShareTarget t{there.partnership, partnership->name, there.id, c.id, c.title, c.closes, existing.has_value(), ""};
            t.refusal = share_refusal(cycle, ret, c, existing, today).value_or("");
            out.push_back(std::move(t));
            any = true;
        }
        if (!any) {
            out.push_back({there.partnership, partnership->name, there.id, {}, "", {}, false,
                           "No " + std::string(audit_kind_label(cycle.kind)) + " cycle there invites " + there.name + " now"});
        }
    }
    return out;
}

void share_into(Services& s, Transaction& tx, const Actor& actor, const AuditCycle& cycle, const Agency& agency, AuditReturn& ret) {
    const Date today = london_today(s);
    const auto targets = share_targets_of(tx, cycle, ret, agency, today);
    const auto partnership = tx.partnerships().find(actor.partnership);
    const SharedOrigin origin{actor.partnership, partnership ? partnership->name : "", ret.id, today};
    std::string refusals;
    int shared = 0;
    for (const auto& t : targets) {
        if (!t.refusal.empty()) {
            refusals += (refusals.empty() ? "" : "; ") + t.partnership_name + ": " + t.refusal;
            continue;
        }
        const auto c = tx.learning().find_cycle(t.partnership, t.cycle);
        if (!c) continue;  // listed by share_targets_of in this same transaction, so always there
        const auto existing = tx.learning().find_return(t.partnership, t.cycle, t.agency);
        AuditReturn copy = shared_copy(ret, existing, *c, t.agency, origin);
        // The receiving partnership's trail shows who shared it and from where.
        Actor in_there = actor;
        in_there.partnership = t.partnership;
        save_return_record(s, tx, in_there, existing, copy, "audit_return.receive_shared");
        ret.shared_with.push_back({t.partnership, t.partnership_name, t.cycle, copy.id, today});
        ++shared;
    }
    if (shared == 0) {
        throw Failure::invalid({{"share", targets.empty() ? agency.name + " is not linked to an agency of another partnership on this "
                                                                              "service, so its return cannot be shared"
                                                          : "No other partnership can take this return now: " + refusals}});
    }
}

}  // namespace learning_detail

AuditReturn share_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version) {
    require(actor, Permission::view_learning);
    AuditReturn after;
    s.store.write([&](Transaction& tx) {
        learning_detail::Loaded l = learning_detail::load_for_agency(tx, actor, cycle, agency);
        if (!learning_detail::may_edit(tx, actor, agency)) {
            throw Failure::forbidden("only the agency's lead or the business unit shares its return");
        }
        if (!l.ret || l.ret->status != ReturnStatus::submitted) {
            throw Failure::invalid({{"share", "Submit the return before sharing it"}});
        }
        if (l.ret->version != expected_version) throw Failure::stale("return");
        if (l.ret->shared_from) {
            throw Failure::invalid({{"share", "This return was shared here by " + l.ret->shared_from->partnership_name +
                                                  "; only the partnership it was submitted to can share it"}});
        }
        after = *l.ret;
        learning_detail::share_into(s, tx, actor, l.cycle, l.agency, after);
        learning_detail::save_return_record(s, tx, actor, l.ret, after, "audit_return.share");
    });
    return after;
}

}  // namespace assure
