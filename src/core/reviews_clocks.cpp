// The statutory clocks of a case, from the rule set the case was judged under.
#include <algorithm>

#include "core/review_regimes.hpp"
#include "core/reviews.hpp"

namespace assure {

Deadlines deadlines(const Case& c, const CaseState& st, const WorkingCalendar& cal) {
    const ReviewRules& r = c.rules;
    Deadlines d;
    d.notify_panel_by = cal.add_working_days(c.became_aware_on, r.notify_panel_working_days);
    d.inform_partners_by = cal.add_working_days(c.became_aware_on, r.inform_partners_working_days);
    // Until the Panel is notified, a notification-anchored clock runs from becoming aware:
    // the earliest the anchor can be, so the date shown is never later than the real one.
    const Date anchor = r.rapid_review_anchor == RapidReviewAnchor::notification && st.notified_on
                            ? *st.notified_on
                            : c.became_aware_on;
    d.rapid_review_by = cal.add_working_days(anchor, r.rapid_review_working_days);
    if (st.decision == Decision::local_review && st.decided_on) {
        d.review_complete_by = add_months_clamped(*st.decided_on, r.review_months);
    }
    if (st.planned_publication) {
        d.send_final_report_by =
            cal.subtract_working_days(*st.planned_publication, r.final_report_working_days_before_publication);
    }
    if (st.published_on) d.keep_published_until = add_months_clamped(*st.published_on, r.keep_published_months);
    return d;
}

std::vector<Milestone> milestones(const Case& c, const CaseState& st, const Deadlines& d) {
    std::vector<Milestone> out;
    auto add = [&](const char* key, const char* label, std::optional<Date> due, std::optional<Date> done) {
        out.push_back({key, label, due, done});
    };
    // Before Working Together 2018 there was no rapid review: the board decided whether to hold a
    // serious case review, with no date set for deciding, and told Ofsted and the national panel.
    // The steps are the same; what they are called, and the rapid review's date, are the guidance's.
    const bool board = !has_rapid_review(regime_of(c));
    add("notify_panel", board ? "Notify Ofsted and the national panel" : "Notify the Panel", d.notify_panel_by, st.notified_on);
    add("inform_partners", board ? "Inform the board's partners" : "Inform the safeguarding partners", d.inform_partners_by, st.informed_on);
    if (board) {
        add("decide", "Decide whether to hold a serious case review", std::nullopt, st.decided_on);
    } else {
        add("rapid_review", "Complete the rapid review and decide", d.rapid_review_by, st.decided_on);
    }
    if (st.decided_on) add("panel_response", board ? "The national panel's view" : "Panel response", std::nullopt, st.panel_response_on);
    if (st.decision == Decision::local_review) {
        add("commission_reviewer", "Commission a reviewer", std::nullopt, st.commissioned_on);
        add("notify_bodies", board ? "Tell Ofsted, the national panel and DfE" : "Tell the Panel, Ofsted and DfE", std::nullopt,
            st.bodies_notified_on);
        add("agree_terms", "Agree terms of reference", std::nullopt, st.terms_agreed_on);
        add("review_complete", board ? "Complete the serious case review" : "Complete the local review", d.review_complete_by, st.final_report_on);
        add("send_final_report",
            board ? "Send the final report to Ofsted and the national panel" : "Send the final report to the Panel and Secretary of State",
            d.send_final_report_by, st.sent_on);
        add("publish", "Publish the report", st.planned_publication, st.published_on);
        add("disseminate", "Disseminate the learning", std::nullopt, st.disseminated_on);
    }
    return out;
}

std::optional<Milestone> next_milestone(const std::vector<Milestone>& all) {
    std::optional<Milestone> best;
    for (const auto& m : all) {
        if (m.done || !m.due) continue;
        if (!best || *m.due < *best->due) best = m;
    }
    return best;
}

CaseStanding standing_of(const Case& c, const WorkingCalendar& calendar) {
    const CaseState state = replay(c);
    CaseStanding out;
    out.stage = state.stage;
    out.decision = state.decision;
    out.reviewer = state.reviewer_user;
    const Deadlines due = deadlines(c, state, calendar);
    if (state.stage != Stage::closed) {
        if (const auto next = next_milestone(milestones(c, state, due))) out.next_due_on = next->due;
    }
    out.notify_due_on = due.notify_panel_by;
    out.notified_on = state.notified_on;
    if (has_rapid_review(regime_of(c))) {  // the clock scrutiny counts did not run before 2018
        out.rapid_review_due_on = due.rapid_review_by;
        out.rapid_review_done_on = state.decided_on;
    }
    return out;
}

Countdown countdown(Date today, Date due, const WorkingCalendar& cal) {
    if (today <= due) return {cal.working_days_between(today, due), false};
    return {std::max(1, cal.working_days_between(due, today)), true};
}

std::vector<PlanStep> rapid_review_plan(const Case& c, const CaseState& st, const WorkingCalendar& cal) {
    if (!has_rapid_review(regime_of(c))) return {};
    const Date anchor = c.rules.rapid_review_anchor == RapidReviewAnchor::notification && st.notified_on
                            ? *st.notified_on
                            : c.became_aware_on;
    // The day plan scales with the rule: the fractions of 15 days that DOMAIN.md names.
    const int n = c.rules.rapid_review_working_days;
    auto day = [&](int of15) { return std::max(1, (of15 * n + 7) / 15); };
    const struct { const char* label; int first; int last; } steps[] = {
        {"Business unit informed", 1, 1},
        {"Agency summaries requested and returned", day(2), day(10)},
        {"Rapid review panel", day(10), day(12)},
        {"Partners sign off and decide", day(12), n},
    };
    std::vector<PlanStep> out;
    for (const auto& s : steps) {
        out.push_back({s.label, s.first, s.last, cal.add_working_days(anchor, s.first), cal.add_working_days(anchor, s.last)});
    }
    return out;
}

int slippage_days(const Deadlines& d, const CaseState& st, Date today) {
    if (!d.review_complete_by) return 0;
    const Date end = st.final_report_on ? *st.final_report_on : today;
    return static_cast<int>(std::max<std::int64_t>(0, end.days() - d.review_complete_by->days()));
}

}  // namespace assure
