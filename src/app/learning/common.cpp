// Loading, saving and naming learning records for the use cases.
#include "app/learning/internal.hpp"
#include "app/learning_json.hpp"

namespace assure::learning_detail {

LearningSource load_source(Transaction& tx, const Actor& actor, LearningSourceId id) {
    auto found = tx.learning().find_source(actor.partnership, id);
    if (!found) throw Failure::not_found("learning source " + id.str());
    return *found;
}

void save_source(Services& s, Transaction& tx, const Actor& actor, const LearningSource& before, LearningSource& after,
                 const char* action) {
    after.version = before.version;
    if (!tx.learning().update_source(after)) throw Failure::stale("learning record");
    ++after.version;
    record_audit(tx, actor, s.clock.now(), action, "learning_source", after.id.str(), nlohmann::json(before).dump(),
                 nlohmann::json(after).dump());
}

Names names_of(Transaction& tx, PartnershipId partnership, const std::vector<ImprovementAction>& actions) {
    Names n;
    for (const auto& a : tx.agencies().list(partnership, true)) n.agencies[a.id] = a.name;
    for (const auto& p : tx.people().list(partnership, PersonFilter{std::nullopt, true})) n.people[p.id] = p.name;
    for (const auto& g : tx.governance().groups(partnership)) n.groups[g.id] = g.name;
    for (const auto& a : actions) {
        if (a.source.valid() && !n.sources.contains(a.source)) {
            if (auto src = tx.learning().find_source(partnership, a.source)) n.sources[a.source] = std::move(*src);
        }
        if (a.audit_return.valid() && !n.returns.contains(a.audit_return)) {
            if (auto r = tx.learning().find_return(partnership, a.audit_return)) {
                if (!n.cycles.contains(r->cycle)) {
                    if (auto c = tx.learning().find_cycle(partnership, r->cycle)) n.cycles[r->cycle] = std::move(*c);
                }
                n.returns[a.audit_return] = std::move(*r);
            }
        }
    }
    return n;
}

ImprovementLine line_of(const Services& s, const ImprovementAction& a, const Names& names) {
    auto name = [](const auto& map, auto id) {
        const auto it = map.find(id);
        return it == map.end() ? std::string() : it->second;
    };
    ImprovementLine line{a, name(names.agencies, a.agency), name(names.people, a.lead), name(names.groups, a.group), "", "", false, false};
    if (const auto src = names.sources.find(a.source); src != names.sources.end()) {
        line.origin = src->second.title + (a.recommendation > 0 ? ", recommendation " + std::to_string(a.recommendation) : "");
        line.origin_href = "/learning/" + a.source.str();
    } else if (const auto ret = names.returns.find(a.audit_return); ret != names.returns.end()) {
        const auto cycle = names.cycles.find(ret->second.cycle);
        line.origin = (cycle == names.cycles.end() ? std::string("Audit") : cycle->second.title) + ", standard " + a.standard;
        line.origin_href = "/audits/" + ret->second.cycle.str() + "/returns/" + ret->second.agency.str();
    }
    const Date today = london_today(s);
    line.overdue = improvement_overdue(a, today);
    line.stale = improvement_stale(a, today, s.learning_rules);
    return line;
}

std::optional<AgencyId> agency_scope(Transaction& tx, const Actor& actor) {
    if (actor.role != Role::agency_lead) return std::nullopt;
    const auto user = tx.users().find(actor.user);
    if (!user || !user->person.valid()) return AgencyId{};
    const auto person = tx.people().find(actor.partnership, user->person);
    return person ? person->agency : AgencyId{};
}

}  // namespace assure::learning_detail
