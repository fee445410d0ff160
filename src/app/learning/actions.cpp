// The action plan: actions raised from recommendations and audit gaps, their progress,
// evidence and state. An agency lead sees and updates their own agency's actions only.
#include <algorithm>

#include "app/learning/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace learning_detail;

namespace {

ImprovementAction load_improvement(Transaction& tx, const Actor& actor, ImprovementId id) {
    auto found = tx.learning().find_improvement(actor.partnership, id);
    if (!found) throw Failure::not_found("improvement action " + id.str());
    // An agency lead does not learn that other agencies' actions exist.
    if (const auto scope = agency_scope(tx, actor); scope && found->agency != *scope) {
        throw Failure::not_found("improvement action " + id.str());
    }
    return *found;
}

bool may_update(Transaction& tx, const Actor& actor, const ImprovementAction& a) {
    if (actor.can(Permission::manage_learning)) return true;
    if (const auto scope = agency_scope(tx, actor); scope && scope->valid() && *scope == a.agency) return true;
    const auto user = tx.users().find(actor.user);
    return user && user->person.valid() && user->person == a.lead;
}

template <class Change>
ImprovementAction change_improvement(Services& s, const Actor& actor, ImprovementId id, int expected_version, const char* action,
                                     Change change) {
    require(actor, Permission::view_learning);
    ImprovementAction after;
    s.store.write([&](Transaction& tx) {
        const ImprovementAction before = load_improvement(tx, actor, id);
        if (!may_update(tx, actor, before)) throw Failure::forbidden("only the owning agency or the business unit updates an action");
        if (before.version != expected_version) throw Failure::stale("action");
        after = before;
        change(after, rules_of(tx, actor.partnership).learning);
        if (!tx.learning().update_improvement(after)) throw Failure::stale("action");
        ++after.version;
        record_audit(tx, actor, s.clock.now(), action, "improvement_action", id.str(), audit_record(before), audit_record(after));
    });
    return after;
}

}  // namespace

std::optional<AgencyId> agency_of_actor(Services& s, const Actor& actor) {
    std::optional<AgencyId> out;
    s.store.read([&](Transaction& tx) { out = agency_scope(tx, actor); });
    return out;
}

ImprovementAction create_improvement(Services& s, const Actor& actor, const ImprovementOrigin& origin, const ImprovementInput& input) {
    require(actor, Permission::manage_learning);
    ImprovementAction a;
    s.store.write([&](Transaction& tx) {
        FieldErrors errors;
        std::string priority = input.priority;
        if (origin.source.valid()) {
            const LearningSource src = load_source(tx, actor, origin.source);
            const auto rec = std::find_if(src.recommendations.begin(), src.recommendations.end(),
                                          [&](const SourceRecommendation& r) { return r.number == origin.recommendation; });
            if (rec == src.recommendations.end()) throw Failure::not_found("recommendation " + std::to_string(origin.recommendation));
            if (trim(priority).empty()) priority = rec->priority.empty() && !src.priorities.empty() ? src.priorities.front() : rec->priority;
            a.source = src.id;
            a.recommendation = rec->number;
        } else {
            const auto ret = tx.learning().find_return(actor.partnership, origin.audit_return);
            if (!ret) throw Failure::not_found("audit return " + origin.audit_return.str());
            const bool known = std::any_of(ret->answers.begin(), ret->answers.end(),
                                           [&](const StandardAnswer& x) { return x.code == origin.standard; });
            if (!known) throw Failure::not_found("standard " + origin.standard);
            if (ret->status != ReturnStatus::submitted) errors.push_back({"text", "Actions are raised from a submitted return"});
            a.audit_return = ret->id;
            a.standard = origin.standard;
        }
        ImprovementContext context{tx.agencies().list(actor.partnership, false), tx.people().list(actor.partnership, PersonFilter{}), {}};
        for (const auto& g : tx.governance().groups(actor.partnership)) context.groups.push_back(g.id);
        ImprovementInput in = input;
        in.priority = priority;
        auto more = validate_improvement(in, rules_of(tx, actor.partnership).learning, context, london_today(s), a);
        errors.insert(errors.end(), more.begin(), more.end());
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        a.partnership = actor.partnership;
        a.state = ActionState::proposed;
        a.created_on = london_today(s);
        a.id = tx.learning().insert_improvement(a);
        record_audit(tx, actor, s.clock.now(), "improvement.create", "improvement_action", a.id.str(), "", audit_record(a));
    });
    return a;
}

Page<ImprovementLine> list_improvements(Services& s, const Actor& actor, const ImprovementFilter& f, const PageRequest& page) {
    require(actor, Permission::view_learning);
    Page<ImprovementLine> out;
    s.store.read([&](Transaction& tx) {
        auto q = improvement_query(s, tx, actor, f);
        if (!q) return;
        q->page = page;
        Page<ImprovementAction> found = tx.learning().improvements(*q);
        const Names names = names_of(tx, actor.partnership, found.items);
        for (const auto& a : found.items) out.items.push_back(line_of(s, a, names));
        out.next = std::move(found.next);
    });
    return out;
}

ImprovementCounts count_improvements(Services& s, const Actor& actor, const ImprovementFilter& f) {
    require(actor, Permission::view_learning);
    ImprovementCounts out;
    s.store.read([&](Transaction& tx) {
        if (const auto q = improvement_query(s, tx, actor, f)) out = tx.learning().count_improvements(*q, london_today(s));
    });
    return out;
}

std::vector<ImprovementTrendPoint> improvement_trend(Services& s, const Actor& actor, const ImprovementFilter& f) {
    require(actor, Permission::view_learning);
    std::vector<ImprovementTrendPoint> out;
    s.store.read([&](Transaction& tx) {
        auto q = improvement_query(s, tx, actor, f);
        if (!q) return;
        q->states.clear();
        q->overdue_on.reset();
        q->stale_on.reset();
        q->without_impact = false;
        out = tx.learning().improvement_trend(*q, improvement_trend_days(london_today(s)));
    });
    return out;
}

ImprovementSummary improvement_summary(Services& s, const Actor& actor, const ImprovementFilter& within, int flagged_limit) {
    require(actor, Permission::view_learning);
    ImprovementSummary out;
    s.store.read([&](Transaction& tx) {
        const auto q = improvement_query(s, tx, actor, within);
        if (!q) return;
        out.counts = tx.learning().count_improvements(*q, london_today(s));
        // Overdue first, then stale; an action that is both is listed once.
        std::vector<ImprovementAction> flagged;
        for (const bool overdue : {true, false}) {
            ImprovementQuery one = *q;
            (overdue ? one.overdue_on : one.stale_on) = london_today(s);
            one.page.limit = flagged_limit;
            for (auto& a : tx.learning().improvements(one).items) {
                const bool seen = std::any_of(flagged.begin(), flagged.end(), [&](const ImprovementAction& x) { return x.id == a.id; });
                if (!seen) flagged.push_back(std::move(a));
            }
        }
        std::stable_sort(flagged.begin(), flagged.end(), [](const ImprovementAction& a, const ImprovementAction& b) { return a.due < b.due; });
        const Names names = names_of(tx, actor.partnership, flagged);
        for (const auto& a : flagged) out.flagged.push_back(line_of(s, a, names));
    });
    return out;
}

ImprovementLine read_improvement(Services& s, const Actor& actor, ImprovementId id) {
    require(actor, Permission::view_learning);
    ImprovementLine line;
    s.store.read([&](Transaction& tx) {
        const ImprovementAction a = load_improvement(tx, actor, id);
        line = line_of(s, a, names_of(tx, actor.partnership, {a}));
    });
    return line;
}

bool may_update_improvement(Services& s, const Actor& actor, const ImprovementAction& a) {
    bool out = false;
    s.store.read([&](Transaction& tx) { out = may_update(tx, actor, a); });
    return out;
}

ImprovementAction update_improvement(Services& s, const Actor& actor, ImprovementId id, int expected_version,
                                     const std::string& state, const std::string& note) {
    return change_improvement(s, actor, id, expected_version, "improvement.update", [&](ImprovementAction& a, const LearningRules& rules) {
        FieldErrors errors;
        const std::string key = trim(state);
        const auto to = key.empty() ? std::optional<ActionState>(a.state) : parse_action_state(key);
        const std::string text = trim(note);
        if (!to) {
            errors.push_back({"state", "Select the action's state"});
        } else {
            const bool partnership_decision = *to != a.state && (*to == ActionState::agreed || *to == ActionState::evidenced ||
                                                                 *to == ActionState::superseded);
            if (partnership_decision && !actor.can(Permission::manage_learning)) {
                errors.push_back({"state", "Only the business unit, for the owning group, agrees, signs off or supersedes an action"});
            } else {
                auto more = check_transition(a, *to, text, rules);
                errors.insert(errors.end(), more.begin(), more.end());
            }
            if (*to == a.state && text.empty()) errors.push_back({"note", "Enter the progress update"});
        }
        if (char_count(text) > 4000) errors.push_back({"note", "Update must be 4000 characters or fewer"});
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        a.updates.push_back({london_today(s), actor.name(), a.state, *to, text});
        if (*to == ActionState::superseded) a.superseded_reason = text;
        a.state = *to;
    });
}

ImprovementAction add_improvement_evidence(Services& s, const Actor& actor, ImprovementId id, int expected_version,
                                           const std::string& kind, const std::string& text, const std::string& link) {
    return change_improvement(s, actor, id, expected_version, "improvement.add_evidence", [&](ImprovementAction& a, const LearningRules&) {
        EvidenceItem e;
        if (auto errors = validate_evidence(kind, text, link, e); !errors.empty()) throw Failure::invalid(std::move(errors));
        if (a.state == ActionState::evidenced || a.state == ActionState::superseded) {
            throw Failure::invalid({{"evidence", "The action is closed; evidence can no longer be added"}});
        }
        e.on = london_today(s);
        e.by = actor.name();
        a.evidence.push_back(e);
    });
}

}  // namespace assure
