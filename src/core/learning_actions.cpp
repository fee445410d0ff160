// The improvement action's state machine and the rules that flag it: overdue, stale, and
// completed without evidence of impact.
#include <algorithm>

#include "core/fields.hpp"
#include "core/learning.hpp"
#include "core/text.hpp"

namespace assure {

FieldErrors validate_improvement(const ImprovementInput& in, const LearningRules& rules, const ImprovementContext& context,
                                 Date today, ImprovementAction& out) {
    FieldErrors errors;
    out.text = trim(in.text);
    if (out.text.empty()) errors.push_back({"text", "Enter what is to be done"});
    check_length(errors, "text", out.text, 2000, "Action");
    const std::string agency = trim(in.agency_id);
    if (agency.empty() || agency == "none") {
        errors.push_back({"agency_id", "Select the agency that owns the action"});
    } else if (auto a = agency_choice(errors, "agency_id", agency, context.agencies,
                                      "The owning agency must be an agency of this partnership")) {
        out.agency = *a;
    }
    const std::string lead = trim(in.lead_id);
    if (lead.empty() || lead == "none") errors.push_back({"lead_id", "Select the lead person"});
    else if (auto p = person_choice(errors, "lead_id", lead, context.people, "Select the lead from the directory")) out.lead = *p;
    if (auto d = date_field(errors, "due", in.due, "the due date", true)) {
        out.due = *d;
        if (*d < today && out.id.value == 0) errors.push_back({"due", "The due date must be today or later"});
    }
    out.success_measure = trim(in.success_measure);
    if (out.success_measure.empty()) errors.push_back({"success_measure", "Enter how the partnership will know it worked"});
    check_length(errors, "success_measure", out.success_measure, 2000, "Success measure");
    out.group = GroupId{};
    if (const std::string g = trim(in.group_id); !g.empty() && g != "none") {
        const auto v = to_int(g);
        if (!v || std::find(context.groups.begin(), context.groups.end(), GroupId{*v}) == context.groups.end()) {
            errors.push_back({"group_id", "Select the group that monitors the action"});
        } else {
            out.group = GroupId{*v};
        }
    }
    out.priority.clear();
    if (const std::string p = trim(in.priority); !p.empty() && p != "none") {
        if (auto known = known_priority(rules, p)) out.priority = *known;
        else errors.push_back({"priority", "Select a priority from the partnership's list"});
    }
    return errors;
}

bool transition_allowed(ActionState from, ActionState to) {
    using S = ActionState;
    if (to == S::superseded) return from != S::evidenced && from != S::superseded;
    switch (from) {
        case S::proposed: return to == S::agreed;
        case S::agreed: return to == S::in_progress;
        case S::in_progress: return to == S::completed;
        case S::completed: return to == S::evidenced || to == S::in_progress;  // signed off, or reopened
        case S::evidenced:
        case S::superseded: return false;
    }
    return false;
}

FieldErrors check_transition(const ImprovementAction& a, ActionState to, const std::string& note, const LearningRules& rules) {
    FieldErrors errors;
    if (to == a.state) return errors;  // a progress update without a move
    if (!transition_allowed(a.state, to)) {
        errors.push_back({"state", "An action that is " + lower(action_state_label(a.state)) + " cannot become " +
                                       lower(action_state_label(to))});
        return errors;
    }
    if (to == ActionState::superseded && trim(note).empty()) errors.push_back({"note", "Say why the action is superseded"});
    if (to == ActionState::completed && rules.evidence_to_complete && a.evidence.empty()) {
        errors.push_back({"state", "Add evidence of what was done before marking the action completed"});
    }
    if (to == ActionState::evidenced && !has_impact_evidence(a)) {
        errors.push_back({"state", "Add evidence of impact before signing the action off"});
    }
    return errors;
}

FieldErrors validate_evidence(const std::string& kind, const std::string& text, const std::string& link, EvidenceItem& out) {
    FieldErrors errors;
    const auto k = parse_evidence_kind(trim(kind));
    if (!k) errors.push_back({"evidence_kind", "Select what the evidence shows"});
    else out.kind = *k;
    out.text = trim(text);
    if (out.text.empty()) errors.push_back({"evidence", "Describe the evidence"});
    check_length(errors, "evidence", out.text, 4000, "Evidence");
    out.link = trim(link);
    if (!out.link.empty() && out.link.rfind("https://", 0) != 0 && out.link.rfind("http://", 0) != 0) {
        errors.push_back({"link", "Enter a web address starting https://"});
    }
    check_length(errors, "link", out.link, 1000, "Link");
    return errors;
}

bool improvement_open(const ImprovementAction& a) {
    return a.state == ActionState::proposed || a.state == ActionState::agreed || a.state == ActionState::in_progress;
}

bool improvement_overdue(const ImprovementAction& a, Date today) { return improvement_open(a) && a.due < today; }

Date last_activity(const ImprovementAction& a) {
    Date last = a.created_on;
    for (const auto& u : a.updates) last = std::max(last, u.on);
    for (const auto& e : a.evidence) last = std::max(last, e.on);
    return last;
}

namespace {
bool open_state(ActionState s) { return s == ActionState::proposed || s == ActionState::agreed || s == ActionState::in_progress; }

// Agreed or in progress: work someone has taken on, so silence about it is news. A proposed
// action waits on the partnership, not on its lead, and is never "without a recent update".
// Kept in step with the store's kUnderWayStates (store/sql/learning.cpp).
bool improvement_under_way(const ImprovementAction& a) { return a.state == ActionState::agreed || a.state == ActionState::in_progress; }

}  // namespace

std::optional<Date> improvement_closed_on(const ImprovementAction& a) {
    if (open_state(a.state)) return std::nullopt;
    std::optional<Date> closed;
    for (const auto& u : a.updates) {
        if (open_state(u.from) && !open_state(u.to)) closed = u.on;  // the last such move, if reopened
    }
    return closed ? *closed : a.created_on;
}

bool improvement_open_on(const ImprovementAction& a, Date on) {
    const auto closed = improvement_closed_on(a);
    return a.created_on <= on && (!closed || on < *closed);
}

bool improvement_overdue_on(const ImprovementAction& a, Date on) { return improvement_open_on(a, on) && a.due < on; }

std::vector<Date> improvement_trend_days(Date today, int months) {
    std::vector<Date> out;
    for (int back = months - 1; back >= 1; --back) {
        const Date month = add_months_clamped(Date{today.year, today.month, 1}, -back);
        out.push_back(Date{month.year, month.month, days_in_month(month.year, month.month)});
    }
    out.push_back(today);
    return out;
}

bool improvement_stale(const ImprovementAction& a, Date today, const LearningRules& rules) {
    return improvement_under_way(a) && today.days() - last_activity(a).days() > rules.stale_days;
}

bool has_impact_evidence(const ImprovementAction& a) {
    return std::any_of(a.evidence.begin(), a.evidence.end(), [](const EvidenceItem& e) { return e.kind == EvidenceKind::impact; });
}

bool completed_without_impact(const ImprovementAction& a) { return a.state == ActionState::completed && !has_impact_evidence(a); }

}  // namespace assure
