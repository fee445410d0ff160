// The golden thread from each priority to what was learned, recommended and done; the
// dissemination of learning; the audit calendar for the partnership year.
#include <algorithm>

#include "app/learning/internal.hpp"
#include "app/learning_json.hpp"

namespace assure {

using namespace learning_detail;

namespace {

PriorityThread thread_of(const Services& s, const std::string& priority, const Names& names,
                         const std::vector<ImprovementAction>& actions, const std::vector<Briefing>& briefings,
                         const std::optional<AgencyId>& scope) {
    PriorityThread t;
    t.priority = priority;
    for (const auto& [id, src] : names.sources) {
        bool linked = std::find(src.priorities.begin(), src.priorities.end(), priority) != src.priorities.end();
        for (const auto& r : src.recommendations) {
            if (r.priority != priority) continue;
            t.recommendations.push_back(r);
            t.recommendation_sources.push_back(id);
            linked = true;
        }
        if (linked) t.sources.push_back(src);
    }
    for (const auto& a : actions) {
        if (a.priority != priority || (scope && a.agency != *scope)) continue;
        ImprovementLine line = line_of(s, a, names);
        t.open += improvement_open(a) ? 1 : 0;
        t.overdue += line.overdue ? 1 : 0;
        t.completed_without_impact += completed_without_impact(a) ? 1 : 0;
        t.evidenced += a.state == ActionState::evidenced ? 1 : 0;
        t.actions.push_back(std::move(line));
    }
    for (const auto& b : briefings) {
        const bool spreads = std::any_of(b.sources.begin(), b.sources.end(), [&](LearningSourceId id) {
            return std::any_of(t.sources.begin(), t.sources.end(), [&](const LearningSource& src) { return src.id == id; });
        });
        if (spreads) t.briefings.push_back(b);
    }
    std::sort(t.sources.begin(), t.sources.end(), [](const LearningSource& a, const LearningSource& b) { return b.on < a.on; });
    return t;
}

}  // namespace

std::vector<PriorityThread> golden_threads(Services& s, const Actor& actor) {
    require(actor, Permission::view_learning);
    std::vector<PriorityThread> out;
    s.store.read([&](Transaction& tx) {
        const auto actions = tx.learning().improvements(actor.partnership);
        Names names = names_of(tx, actor.partnership, actions);
        for (auto& src : tx.learning().sources(actor.partnership)) names.sources[src.id] = std::move(src);  // the thread shows them all
        const auto briefings = tx.learning().briefings(actor.partnership);
        const auto scope = agency_scope(tx, actor);
        for (const auto& p : s.learning_rules.priorities) out.push_back(thread_of(s, p, names, actions, briefings, scope));
    });
    return out;
}

PriorityThread golden_thread(Services& s, const Actor& actor, const std::string& priority) {
    const auto known = known_priority(s.learning_rules, priority);
    if (!known) throw Failure::not_found("priority " + priority);
    for (auto& t : golden_threads(s, actor)) if (t.priority == *known) return t;
    throw Failure::not_found("priority " + priority);
}

std::vector<Briefing> list_briefings(Services& s, const Actor& actor) {
    require(actor, Permission::view_learning);
    std::vector<Briefing> out;
    s.store.read([&](Transaction& tx) { out = tx.learning().briefings(actor.partnership); });
    std::sort(out.begin(), out.end(), [](const Briefing& a, const Briefing& b) { return b.on < a.on; });
    return out;
}

Briefing create_briefing(Services& s, const Actor& actor, const BriefingInput& input) {
    require(actor, Permission::manage_learning);
    Briefing b;
    s.store.write([&](Transaction& tx) {
        std::vector<LearningSourceId> known;
        for (const auto& src : tx.learning().sources(actor.partnership)) known.push_back(src.id);
        if (auto errors = validate_briefing(input, known, b); !errors.empty()) throw Failure::invalid(std::move(errors));
        b.partnership = actor.partnership;
        b.id = tx.learning().insert_briefing(b);
        record_audit(tx, actor, s.clock.now(), "briefing.create", "briefing", b.id.str(), "", nlohmann::json(b).dump());
    });
    return b;
}

LearningCalendar learning_calendar(Services& s, const Actor& actor, int year) {
    require(actor, Permission::view_learning);
    LearningCalendar cal;
    cal.year = year;
    const Date from{year, 4, 1};
    const Date to{year + 1, 3, 31};
    s.store.read([&](Transaction& tx) {
        for (const auto& src : tx.learning().sources(actor.partnership)) {
            if (src.on < from || to < src.on) continue;
            if (src.kind != SourceKind::thematic_audit && src.kind != SourceKind::deep_dive && src.kind != SourceKind::frontline_visit &&
                src.kind != SourceKind::single_agency_audit && src.kind != SourceKind::peer_review) continue;
            if (src.kind == SourceKind::thematic_audit) ++cal.thematic_audits;
            cal.entries.push_back({src.on, std::string(source_kind_label(src.kind)) + ": " + src.title, "/learning/" + src.id.str(),
                                   std::string(source_status_label(src.status))});
        }
        for (const auto& c : tx.learning().cycles(actor.partnership)) {
            if (c.closes < from || to < c.opens) continue;
            cal.entries.push_back({c.opens, c.title + " opens", "/audits/" + c.id.str(), ""});
            cal.entries.push_back({c.closes, c.title + " closes", "/audits/" + c.id.str(), ""});
        }
    });
    std::stable_sort(cal.entries.begin(), cal.entries.end(), [](const CalendarEntry& a, const CalendarEntry& b) { return a.on < b.on; });
    cal.over_thematic_limit = cal.thematic_audits > s.learning_rules.max_thematic_audits_per_year;
    return cal;
}

}  // namespace assure
