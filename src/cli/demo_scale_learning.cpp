// England scale: a partnership's learning — about a dozen sources a year (the local practice
// reviews among them) with findings and recommendations, the improvement actions raised from
// them with their updates and evidence, Section 11 and Section 175 cycles with every invited
// agency's return, and briefings.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli/demo_scale_parts.hpp"
#include "core/text.hpp"

namespace assure::cli::scale {
namespace {

struct SourceShape {
    SourceKind kind;
    const char* title;
};
const std::vector<SourceShape> kYearly = {{SourceKind::thematic_audit, "Multi-agency audit: neglect"},
                                          {SourceKind::thematic_audit, "Multi-agency audit: exploitation"},
                                          {SourceKind::thematic_audit, "Multi-agency audit: domestic abuse"},
                                          {SourceKind::frontline_visit, "Frontline visit to the front door"},
                                          {SourceKind::single_agency_audit, "Single-agency audit of strategy discussions"},
                                          {SourceKind::inspection, "Joint targeted area inspection"},
                                          {SourceKind::scrutiny, "Independent scrutineer's annual report"}};

// Updates from proposed towards evidenced, one a month or so, stopping at the state given.
void add_history(Area& a, ImprovementAction& x, ActionState to) {
    const std::vector<ActionState> path = {ActionState::agreed, ActionState::in_progress, ActionState::completed, ActionState::evidenced};
    Date on = x.created_on;
    ActionState from = ActionState::proposed;
    for (const ActionState next : path) {
        if (from == to) break;
        const Date when = add_days(on, a.rng.between(20, 45));
        if (when >= a.today) break;
        on = when;
        if (next == ActionState::completed) x.evidence.push_back({on, EvidenceKind::output, "Procedure revised and circulated", "", a.business_unit.name()});
        if (next == ActionState::evidenced) x.evidence.push_back({on, EvidenceKind::impact, "Re-audit shows the change in practice", "", a.business_unit.name()});
        x.updates.push_back({on, a.business_unit.name(), from, next, "Reported to the monitoring group."});
        from = next;
    }
    x.state = from;
}

ActionState target_for(Area& a, Date created) {
    const auto age = a.today.days() - created.days();
    if (age > 365) return a.rng.chance(0.1) ? ActionState::completed : ActionState::evidenced;
    if (age > 120) return a.rng.chance(0.5) ? ActionState::in_progress : ActionState::completed;
    return a.rng.chance(0.5) ? ActionState::proposed : ActionState::agreed;
}

void write_improvements(Area& a, const LearningSource& s) {
    for (const auto& r : s.recommendations) {
        for (int k = 0, n = a.rng.between(1, 2); k < n; ++k) {
            ImprovementAction x;
            x.partnership = a.partnership.id;
            x.source = s.id;
            x.recommendation = r.number;
            x.text = "Put recommendation " + std::to_string(r.number) + " into practice";
            x.agency = r.agencies.empty() ? a.agencies.front().id : r.agencies.front();
            x.lead = a.rng.pick(a.people).id;
            x.created_on = add_days(s.on, a.rng.between(7, 30));
            if (x.created_on >= a.today) return;
            x.due = add_days(x.created_on, a.rng.between(60, 240));
            x.success_measure = "A re-audit finds the change in most cases";
            x.group = a.rng.pick(a.groups);
            x.priority = r.priority;
            add_history(a, x, target_for(a, x.created_on));
            x.id = a.tx.learning().insert_improvement(x);
            a.count("improvement_actions");
            a.audit(x.created_on, "improvement.create", "improvement_action", x.id.str(), nlohmann::json{{"text", x.text}}.dump());
            for (const auto& u : x.updates) {
                a.audit(u.on, "improvement.update", "improvement_action", x.id.str(), nlohmann::json{{"state", action_state_key(u.to)}}.dump());
            }
        }
    }
}

LearningSource make_source(Area& a, SourceKind kind, const std::string& title, Date on) {
    const auto& priorities = a.services.defaults.learning.priorities;
    LearningSource s;
    s.partnership = a.partnership.id;
    s.kind = kind;
    s.title = title;
    s.on = on;
    s.status = on < add_days(a.today, -60) ? SourceStatus::complete : SourceStatus::in_progress;
    s.summary = "What the partnership learned, and what it will change.";
    s.priorities = {a.rng.pick(priorities)};
    if (kind == SourceKind::thematic_audit) {
        s.cases_audited = a.rng.between(6, 20);
        s.auditors = a.some_agencies(3);
    }
    if (kind == SourceKind::single_agency_audit || kind == SourceKind::frontline_visit) s.agency = a.rng.pick(a.agencies).id;
    if (kind == SourceKind::frontline_visit) s.visitor = a.business_unit.name();
    if (kind == SourceKind::inspection) s.body = "Ofsted, CQC, HMICFRS and HMI Probation";
    for (int f = 1; f <= 4; ++f) {
        s.findings.push_back({f, f % 2 ? FindingKind::good_practice : FindingKind::development, "Finding " + std::to_string(f) + " of the " + lower(title)});
    }
    for (int r = 1, n = a.rng.between(2, 4); r <= n; ++r) {
        s.recommendations.push_back({r, "Agencies should act on finding " + std::to_string(r), a.rng.pick(priorities), a.some_agencies(2), RecommendationId{}});
    }
    return s;
}

void write_source(Area& a, LearningSource& s) {
    s.id = a.tx.learning().insert_source(s);
    a.count("learning_sources");
    a.count("source_recommendations", static_cast<std::int64_t>(s.recommendations.size()));
    a.audit(s.on, "learning.create", "learning_source", s.id.str(), nlohmann::json{{"title", s.title}}.dump());
    write_improvements(a, s);
}

void write_cycle(Area& a, AuditKind kind, int year) {
    const auto& rules = a.services.defaults.learning;
    AuditCycle c;
    c.partnership = a.partnership.id;
    c.kind = kind;
    c.title = std::string(kind == AuditKind::section_11 ? "Section 11 audit " : "Section 175 audit ") + std::to_string(year);
    c.opens = weekday_on_or_after(Date{year, kind == AuditKind::section_11 ? 1 : 9, 10});
    c.closes = weekday_on_or_after(add_days(c.opens, 56));
    if (c.opens < a.first_day || c.opens >= a.today) return;
    c.standards = kind == AuditKind::section_11 ? rules.section_11 : rules.section_175;
    for (const auto& g : a.agencies) {
        if (kind == AuditKind::section_11 || g.sector == "education") c.invited.push_back(g.id);
    }
    if (c.invited.empty()) return;
    c.closed = c.closes < a.today;
    c.id = a.tx.learning().insert_cycle(c);
    a.count("audit_cycles");
    a.audit(c.opens, "audit_cycle.create", "audit_cycle", c.id.str(), nlohmann::json{{"title", c.title}}.dump());
    for (const AgencyId agency : c.invited) {
        AuditReturn r;
        r.cycle = c.id;
        r.partnership = a.partnership.id;
        r.agency = agency;
        const bool submitted = c.closes < a.today && a.rng.chance(0.92);
        for (const auto& standard : c.standards) {
            r.answers.push_back({standard.code, std::to_string(a.rng.between(1, 4)), "How the agency meets this standard.", "Policy and audit"});
        }
        if (submitted) {
            r.status = ReturnStatus::submitted;
            r.submitted_on = add_days(c.opens, a.rng.between(20, 55));
            r.submitted_by = a.business_unit.label;
        }
        r.id = a.tx.learning().insert_return(r);
        a.count("audit_returns");
        a.audit(r.submitted_on.value_or(c.opens), submitted ? "audit_return.submit" : "audit_return.save", "audit_return", r.id.str(), "{}");
        if (!submitted) continue;
        // A gap graded 4 becomes an action on the agency's plan.
        for (const auto& answer : r.answers) {
            if (answer.grade != "4" || !a.rng.chance(0.5)) continue;
            ImprovementAction x;
            x.partnership = a.partnership.id;
            x.audit_return = r.id;
            x.standard = answer.code;
            x.text = "Close the gap against standard " + answer.code;
            x.agency = agency;
            x.created_on = *r.submitted_on;
            x.due = add_days(x.created_on, 180);
            x.group = a.groups.size() > 4 ? a.groups[4] : a.groups.front();
            add_history(a, x, target_for(a, x.created_on));
            x.id = a.tx.learning().insert_improvement(x);
            a.count("improvement_actions");
            a.audit(x.created_on, "improvement.create", "improvement_action", x.id.str(), nlohmann::json{{"text", x.text}}.dump());
        }
    }
}

}  // namespace

void write_learning(Area& a) {
    std::vector<LearningSourceId> recent;
    for (const CaseId id : a.local_reviews) {
        LearningSource s = make_source(a, SourceKind::practice_review, "Local child safeguarding practice review", a.case_decided.at(id));
        s.review = id;
        write_source(a, s);
        recent.push_back(s.id);
    }
    for (int year = a.first_day.year; year <= a.today.year; ++year) {
        for (std::size_t i = 0; i < kYearly.size(); ++i) {
            const Date on = weekday_on_or_after(Date{year, static_cast<int>(1 + i * 12 / kYearly.size()), 12});
            if (on < a.first_day || on >= a.today) continue;
            LearningSource s = make_source(a, kYearly[i].kind, std::string(kYearly[i].title) + " " + std::to_string(year), on);
            write_source(a, s);
            recent.push_back(s.id);
        }
        if (year % 2 == 0) write_cycle(a, AuditKind::section_11, year);
        write_cycle(a, AuditKind::section_175, year);
        for (int q = 0; q < 4 && !recent.empty(); ++q) {
            Briefing b;
            b.partnership = a.partnership.id;
            b.kind = q % 2 ? BriefingKind::seven_minute : BriefingKind::newsletter;
            b.title = "Learning briefing " + std::to_string(year) + " Q" + std::to_string(q + 1);
            b.on = weekday_on_or_after(Date{year, 3 * q + 2, 20});
            if (b.on < a.first_day || b.on >= a.today) continue;
            b.audience = "Practitioners across the partnership";
            b.reached = a.rng.between(40, 400);
            b.sources = {recent.back()};
            b.id = a.tx.learning().insert_briefing(b);
            a.count("briefings");
            a.audit(b.on, "briefing.create", "briefing", b.id.str(), nlohmann::json{{"title", b.title}}.dump());
        }
    }
}

}  // namespace assure::cli::scale
