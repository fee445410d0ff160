// The golden thread from each priority to what was learned, recommended and done; the
// dissemination of learning; the audit calendar for the partnership year.
#include <algorithm>

#include "app/learning/internal.hpp"

namespace assure {

using namespace learning_detail;

std::vector<ThreadFigures> golden_threads(Services& s, const Actor& actor) {
    require(actor, Permission::view_learning);
    std::vector<ThreadFigures> out;
    s.store.read([&](Transaction& tx) {
        // A few queries per priority the partnership names, none per record.
        for (const auto& p : rules_of(tx, actor.partnership).learning.priorities) {
            ThreadFigures t;
            t.priority = p;
            t.sources = tx.learning().count_sources(SourceQuery{actor.partnership, std::nullopt, p, "", std::nullopt, std::nullopt, {}});
            t.recommendations = tx.learning().count_recommendations_for(actor.partnership, p);
            ImprovementFilter f;
            f.priority = p;
            if (const auto q = improvement_query(s, tx, actor, f)) t.actions = tx.learning().count_improvements(*q, london_today(s));
            out.push_back(std::move(t));
        }
    });
    return out;
}

PriorityThread golden_thread(Services& s, const Actor& actor, const std::string& priority, const PageRequest& sources_page,
                             const PageRequest& actions_page) {
    require(actor, Permission::view_learning);
    PriorityThread t;
    s.store.read([&](Transaction& tx) {
        const auto known = known_priority(rules_of(tx, actor.partnership).learning, priority);
        if (!known) throw Failure::not_found("priority " + priority);
        t.priority = *known;
        const SourceQuery sources{actor.partnership, std::nullopt, *known, "", std::nullopt, std::nullopt, sources_page};
        t.sources = tx.learning().sources(sources);
        t.source_count = tx.learning().count_sources(sources);
        t.recommendations = tx.learning().recommendations_for(actor.partnership, *known);
        ImprovementFilter f;
        f.priority = *known;
        if (auto q = improvement_query(s, tx, actor, f)) {
            t.counts = tx.learning().count_improvements(*q, london_today(s));
            q->page = actions_page;
            Page<ImprovementAction> actions = tx.learning().improvements(*q);
            const Names names = names_of(tx, actor.partnership, actions.items);
            for (const auto& a : actions.items) t.actions.items.push_back(line_of(s, a, names));
            t.actions.next = std::move(actions.next);
        }
        std::vector<LearningSourceId> shown;
        for (const auto& src : t.sources.items) shown.push_back(src.id);
        t.briefings = tx.learning().briefings_for(actor.partnership, shown);
    });
    return t;
}

std::vector<Briefing> list_briefings(Services& s, const Actor& actor) {
    require(actor, Permission::view_learning);
    std::vector<Briefing> out;
    s.store.read([&](Transaction& tx) { out = tx.learning().briefings(actor.partnership); });
    return out;
}

Briefing create_briefing(Services& s, const Actor& actor, const BriefingInput& input) {
    require(actor, Permission::manage_learning);
    Briefing b;
    s.store.write([&](Transaction& tx) {
        // Only the sources the briefing names are looked up: those of this partnership are known.
        std::vector<LearningSourceId> named, known;
        for (const auto& id : input.source_ids) {
            if (!id.empty() && id.size() <= 18 && id.find_first_not_of("0123456789") == std::string::npos) named.push_back(LearningSourceId{std::stoll(id)});
        }
        for (const auto& [id, title] : tx.learning().source_titles(actor.partnership, named)) known.push_back(id);
        if (auto errors = validate_briefing(input, known, b); !errors.empty()) throw Failure::invalid(std::move(errors));
        b.partnership = actor.partnership;
        b.id = tx.learning().insert_briefing(b);
        record_audit(tx, actor, s.clock.now(), "briefing.create", "briefing", b.id.str(), "", audit_record(b));
    });
    return b;
}

LearningCalendar learning_calendar(Services& s, const Actor& actor, int year) {
    require(actor, Permission::view_learning);
    LearningCalendar cal;
    cal.year = year;
    const Date from{year, 4, 1};
    const Date to{year + 1, 3, 31};
    int limit = 0;
    s.store.read([&](Transaction& tx) {
        limit = rules_of(tx, actor.partnership).learning.max_thematic_audits_per_year;
        // The year's sources, a page at a time: bounded by one year of learning.
        SourceQuery year_of{actor.partnership, std::nullopt, "", "", from, to, PageRequest{PageRequest::max_limit, ""}};
        for (;;) {
            Page<LearningSource> page = tx.learning().sources(year_of);
            for (const auto& src : page.items) {
                if (src.kind != SourceKind::thematic_audit && src.kind != SourceKind::deep_dive && src.kind != SourceKind::frontline_visit &&
                    src.kind != SourceKind::single_agency_audit && src.kind != SourceKind::peer_review) continue;
                if (src.kind == SourceKind::thematic_audit) ++cal.thematic_audits;
                cal.entries.push_back({src.on, std::string(source_kind_label(src.kind)) + ": " + src.title, "/learning/" + src.id.str(),
                                       std::string(source_status_label(src.status))});
            }
            if (!page.next) break;
            year_of.page.after = *page.next;
        }
        for (const auto& c : tx.learning().cycles(actor.partnership)) {
            if (c.closes < from || to < c.opens) continue;
            cal.entries.push_back({c.opens, c.title + " opens", "/audits/" + c.id.str(), ""});
            cal.entries.push_back({c.closes, c.title + " closes", "/audits/" + c.id.str(), ""});
        }
    });
    std::stable_sort(cal.entries.begin(), cal.entries.end(), [](const CalendarEntry& a, const CalendarEntry& b) { return a.on < b.on; });
    cal.thematic_limit = limit;
    cal.over_thematic_limit = cal.thematic_audits > limit;
    return cal;
}

}  // namespace assure
