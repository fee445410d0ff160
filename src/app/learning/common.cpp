// Loading, saving and naming learning records for the use cases.
#include <algorithm>

#include "app/learning/internal.hpp"

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
    record_audit(tx, actor, s.clock.now(), action, "learning_source", after.id.str(), audit_record(before), audit_record(after));
}

Names names_of(Transaction& tx, PartnershipId partnership, const std::vector<ImprovementAction>& actions,
               std::vector<AgencyId> also_agencies) {
    // Only the names this page shows: a directory grows with the partnership, a page does not.
    Names n;
    std::vector<AgencyId> agencies = std::move(also_agencies);
    std::vector<PersonId> people;
    std::vector<LearningSourceId> sources;
    std::vector<AuditReturnId> returns;
    for (const auto& a : actions) {
        if (a.agency.valid()) agencies.push_back(a.agency);
        if (a.lead.valid()) people.push_back(a.lead);
        if (a.source.valid()) sources.push_back(a.source);
        if (a.audit_return.valid()) returns.push_back(a.audit_return);
    }
    auto distinct = [](auto& ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    };
    distinct(agencies);
    distinct(people);
    distinct(sources);
    distinct(returns);
    n.rules = rules_of(tx, partnership).learning;
    if (!agencies.empty()) n.agencies = tx.agencies().names(partnership, agencies);
    if (!people.empty()) n.people = tx.people().names(partnership, people);
    for (const auto& g : tx.governance().groups(partnership)) n.groups[g.id] = g.name;  // a partnership has a dozen
    n.sources = tx.learning().source_titles(partnership, sources);
    for (auto& r : tx.learning().return_origins(partnership, returns)) n.returns[r.id] = std::move(r);
    return n;
}

ImprovementLine line_of(const Services& s, const ImprovementAction& a, const Names& names) {
    auto name = [](const auto& map, auto id) {
        const auto it = map.find(id);
        return it == map.end() ? std::string() : it->second;
    };
    ImprovementLine line{a, name(names.agencies, a.agency), name(names.people, a.lead), name(names.groups, a.group), "", "", false, false};
    if (const auto src = names.sources.find(a.source); src != names.sources.end()) {
        line.origin = src->second + (a.recommendation > 0 ? ", recommendation " + std::to_string(a.recommendation) : "");
        line.origin_href = "/learning/" + a.source.str();
    } else if (const auto ret = names.returns.find(a.audit_return); ret != names.returns.end()) {
        line.origin = (ret->second.cycle_title.empty() ? std::string("Audit") : ret->second.cycle_title) + ", standard " + a.standard;
        line.origin_href = "/audits/" + ret->second.cycle.str() + "/returns/" + ret->second.agency.str();
    }
    const Date today = london_today(s);
    line.overdue = improvement_overdue(a, today);
    line.stale = improvement_stale(a, today, names.rules);
    return line;
}

std::optional<ImprovementQuery> improvement_query(const Services& s, Transaction& tx, const Actor& actor, const ImprovementFilter& f) {
    ImprovementQuery q;
    q.partnership = actor.partnership;
    q.agency = f.agency;
    if (const auto scope = agency_scope(tx, actor)) {
        // An agency lead sees their own agency's actions only (none when not linked to one).
        if (!scope->valid() || (q.agency && *q.agency != *scope)) return std::nullopt;
        q.agency = *scope;
    }
    const std::vector<ActionState> open{ActionState::proposed, ActionState::agreed, ActionState::in_progress};
    if (f.state) {
        if (f.open_only && std::find(open.begin(), open.end(), *f.state) == open.end()) return std::nullopt;
        q.states = {*f.state};
    } else if (f.open_only) {
        q.states = open;
    }
    q.group = f.group;
    q.priority = f.priority;
    q.source = f.source;
    q.text = f.text;
    const Date today = london_today(s);
    if (f.overdue_only) q.overdue_on = today;
    if (f.stale_only) q.stale_on = today;
    q.stale_days = rules_of(tx, actor.partnership).learning.stale_days;
    q.without_impact = f.without_impact_only;
    return q;
}

std::optional<AgencyId> agency_scope(Transaction& tx, const Actor& actor) {
    if (actor.role != Role::agency_lead) return std::nullopt;
    const auto user = tx.users().find(actor.user);
    if (!user || !user->person.valid()) return AgencyId{};
    const auto person = tx.people().find(actor.partnership, user->person);
    return person ? person->agency : AgencyId{};
}

}  // namespace assure::learning_detail
