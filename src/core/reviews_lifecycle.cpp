// The lifecycle of a case as a state machine: replaying events, and the guard on each event.
// Every refusal names the rule it applies, so the person knows what has to happen first.
#include <algorithm>

#include "core/date_words.hpp"
#include "core/reviews.hpp"

namespace assure {
namespace {

bool is_open_review(Stage s) { return s == Stage::local_review || s == Stage::published; }

void apply(CaseState& st, const CaseEvent& e) {
    switch (e.kind) {
        case EventKind::notify_panel:
            st.notified_on = e.on;
            st.stage = Stage::rapid_review;
            break;
        case EventKind::inform_partners: st.informed_on = e.on; break;
        case EventKind::request_summaries:
            for (const auto& a : e.agencies) st.summaries[a] = SummaryStatus{e.on, std::nullopt};
            break;
        case EventKind::summary_returned:
            for (const auto& a : e.agencies) st.summaries[a].returned_on = e.on;
            break;
        case EventKind::rapid_review_panel: st.panel_met_on = e.on; break;
        case EventKind::partners_sign_off: st.signed_off_on = e.on; break;
        case EventKind::decide:
            st.decided_on = e.on;
            st.decision = e.decision;
            st.stage = Stage::decided;
            break;
        case EventKind::panel_response:
            st.panel_response_on = e.on;
            st.stage = st.decision == Decision::local_review ? Stage::local_review : Stage::follow_up;
            break;
        case EventKind::commission_reviewer:
            st.commissioned_on = e.on;
            st.reviewer_name = e.reviewer_name;
            st.reviewer_user = e.reviewer_user;
            break;
        case EventKind::notify_bodies: st.bodies_notified_on = e.on; break;
        case EventKind::agree_terms: st.terms_agreed_on = e.on; break;
        case EventKind::progress_check: st.progress_checks.push_back(e.on); break;
        case EventKind::final_report: st.final_report_on = e.on; break;
        case EventKind::plan_publication: st.planned_publication = e.planned_on; break;
        case EventKind::send_final_report: st.sent_on = e.on; break;
        case EventKind::publish:
            st.published_on = e.on;
            st.stage = Stage::published;
            break;
        case EventKind::publish_summary: st.summary_published_on = e.on; break;
        case EventKind::disseminate: st.disseminated_on = e.on; break;
        case EventKind::close:
            st.closed_on = e.on;
            st.stage = Stage::closed;
            break;
    }
}

// Collects refusals for one event. Each helper adds at most one message per field.
struct Guard {
    const CaseEvent& e;
    FieldErrors errors;

    void refuse(const std::string& field, const std::string& message) {
        for (const auto& x : errors) if (x.field == field) return;
        errors.push_back({field, message});
    }
    void need(bool ok, const std::string& message) { if (!ok) refuse("event", message); }
    void once(const std::optional<Date>& done, const std::string& what) {
        if (done) refuse("event", what + " was already recorded on " + date_in_words(*done));
    }
    // The event cannot be dated before what it depends on.
    void after(const std::optional<Date>& prerequisite, const std::string& what) {
        if (prerequisite && e.on < *prerequisite) {
            refuse("on", "Date must be on or after " + date_in_words(*prerequisite) + ", when " + what);
        }
    }
};

void check_rapid_review(Guard& g, const Case& c, const CaseState& st) {
    const CaseEvent& e = g.e;
    switch (e.kind) {
        case EventKind::notify_panel:
            g.once(st.notified_on, "Notification to the Panel");
            break;
        case EventKind::inform_partners:
            g.once(st.informed_on, "Informing the partners");
            g.need(!st.decided_on, "The partners are informed before the rapid review decision");
            break;
        case EventKind::request_summaries:
            g.need(st.stage == Stage::rapid_review, "Agency summaries are requested during the rapid review, after the Panel is notified");
            g.after(st.notified_on, "the Panel was notified");
            if (e.agencies.empty()) g.refuse("agencies", "Select the agencies asked for a summary");
            for (const auto& a : e.agencies) {
                if (std::find(c.agencies.begin(), c.agencies.end(), a) == c.agencies.end()) {
                    g.refuse("agencies", "Summaries can be asked only of agencies involved in the case");
                } else if (st.summaries.contains(a)) {
                    g.refuse("agencies", "A summary was already requested from one of these agencies");
                }
            }
            break;
        case EventKind::summary_returned:
            g.need(st.stage == Stage::rapid_review, "Agency summaries are returned during the rapid review");
            if (e.agencies.empty()) g.refuse("agencies", "Select the agency that returned its summary");
            for (const auto& a : e.agencies) {
                auto it = st.summaries.find(a);
                if (it == st.summaries.end()) {
                    g.refuse("agencies", "A summary can be returned only by an agency it was requested from");
                } else if (it->second.returned_on) {
                    g.refuse("agencies", "This agency's summary was already returned on " + date_in_words(*it->second.returned_on));
                } else {
                    g.after(it->second.requested_on, "the summary was requested");
                }
            }
            break;
        case EventKind::rapid_review_panel:
            g.need(st.stage == Stage::rapid_review, "The rapid review panel meets after the Panel is notified and before the decision");
            g.once(st.panel_met_on, "The rapid review panel");
            g.need(!st.summaries.empty(), "The rapid review panel meets after agency summaries are requested");
            if (const int n = st.summaries_outstanding(); n > 0) {
                g.refuse("event", "The rapid review panel meets once every requested agency summary is returned (" +
                                      std::to_string(n) + " outstanding)");
            }
            for (const auto& [agency, s] : st.summaries) g.after(s.returned_on, "an agency summary was returned");
            break;
        case EventKind::partners_sign_off:
            g.need(st.panel_met_on.has_value(), "The partners sign off the rapid review after the panel has met");
            g.once(st.signed_off_on, "Sign-off by the partners");
            g.after(st.panel_met_on, "the panel met");
            break;
        case EventKind::decide:
            g.need(st.signed_off_on.has_value(), "A decision is recorded after the partners sign off the rapid review");
            g.once(st.decided_on, "The decision");
            g.after(st.signed_off_on, "the partners signed off");
            if (!e.decision) g.refuse("decision", "Select the decision");
            if (e.note.empty()) g.refuse("note", "Enter the reasons for the decision");
            break;
        default: break;
    }
}

void check_review(Guard& g, const CaseState& st) {
    const CaseEvent& e = g.e;
    const bool local = st.stage == Stage::local_review;
    switch (e.kind) {
        case EventKind::panel_response:
            g.need(st.stage == Stage::decided, "The Panel's response is recorded after the decision");
            g.after(st.decided_on, "the decision was made");
            if (e.note.empty()) g.refuse("note", "Enter the Panel's response");
            break;
        case EventKind::commission_reviewer:
            g.need(local, "A reviewer is commissioned for a local practice review, after the Panel has responded");
            g.need(!st.final_report_on, "The reviewer cannot change after the final report is received");
            g.after(st.panel_response_on, "the Panel responded");
            if (e.reviewer_name.empty()) g.refuse("reviewer_name", "Enter the name of the reviewer");
            break;
        case EventKind::notify_bodies:
            g.need(local, "The Panel, Ofsted and DfE are told of a local practice review");
            g.need(st.commissioned_on.has_value(), "The Panel, Ofsted and DfE are told once the reviewer is named");
            g.once(st.bodies_notified_on, "Telling the Panel, Ofsted and DfE");
            g.after(st.commissioned_on, "the reviewer was commissioned");
            break;
        case EventKind::agree_terms:
            g.need(local, "Terms of reference are agreed for a local practice review");
            g.once(st.terms_agreed_on, "The terms of reference");
            g.after(st.panel_response_on, "the Panel responded");
            break;
        case EventKind::progress_check:
            g.need(local, "Progress is monitored while a local practice review is under way");
            g.after(st.commissioned_on, "the reviewer was commissioned");
            if (e.note.empty()) g.refuse("note", "Enter what the progress check found");
            break;
        case EventKind::final_report:
            g.need(local, "A final report belongs to a local practice review under way");
            g.need(st.commissioned_on.has_value(), "A final report needs a commissioned reviewer");
            g.need(st.terms_agreed_on.has_value(), "A final report needs agreed terms of reference");
            g.once(st.final_report_on, "The final report");
            g.after(st.terms_agreed_on, "the terms of reference were agreed");
            break;
        case EventKind::plan_publication:
            g.need(local, "Publication is planned for a local practice review not yet published");
            g.need(st.final_report_on.has_value(), "Publication is planned once the final report is received");
            g.after(st.final_report_on, "the final report was received");
            if (!e.planned_on) {
                g.refuse("planned_on", "Enter the planned publication date");
            } else if (*e.planned_on < e.on) {
                g.refuse("planned_on", "Planned publication date must be on or after the date it was planned");
            }
            break;
        case EventKind::send_final_report:
            g.need(local, "The final report is sent while the local practice review is not yet published");
            g.need(st.final_report_on.has_value(), "The final report is sent once it is received");
            g.once(st.sent_on, "Sending the final report");
            g.after(st.final_report_on, "the final report was received");
            break;
        case EventKind::publish:
            g.need(local, "Only a local practice review not yet published can be published");
            g.need(st.sent_on.has_value(),
                   "The final report must be sent to the Panel and the Secretary of State before publication");
            g.after(st.sent_on, "the final report was sent");
            break;
        case EventKind::publish_summary:
            g.need(is_open_review(st.stage), "An executive summary belongs to a local practice review");
            g.need(st.sent_on.has_value(),
                   "The final report must be sent to the Panel and the Secretary of State before anything is published");
            g.once(st.summary_published_on, "The executive summary");
            g.after(st.sent_on, "the final report was sent");
            break;
        case EventKind::disseminate:
            g.need(st.published_on || st.summary_published_on,
                   "Learning is disseminated after the report or its summary is published");
            g.once(st.disseminated_on, "Dissemination");
            g.after(st.published_on ? st.published_on : st.summary_published_on, "it was published");
            break;
        case EventKind::close:
            if (st.stage == Stage::follow_up) {
                g.after(st.panel_response_on, "the Panel responded");
            } else if (is_open_review(st.stage)) {
                g.need(st.disseminated_on.has_value(), "A local practice review closes once its learning is disseminated");
                g.after(st.disseminated_on, "the learning was disseminated");
            } else {
                g.refuse("event", "A case closes after the Panel has responded to the decision");
            }
            break;
        default: break;
    }
}

}  // namespace

int CaseState::summaries_outstanding() const {
    return static_cast<int>(std::count_if(summaries.begin(), summaries.end(),
                                          [](const auto& kv) { return !kv.second.returned_on; }));
}

CaseState replay(const Case& c) {
    CaseState st;
    for (const auto& e : c.events) apply(st, e);
    return st;
}

FieldErrors check_event(const Case& c, const CaseState& st, const CaseEvent& e, Date today) {
    Guard g{e, {}};
    if (st.stage == Stage::closed) {
        g.refuse("event", "The case was closed on " + date_in_words(*st.closed_on) + "; nothing more can be recorded");
        return g.errors;
    }
    if (e.on > today) g.refuse("on", "Date must be today or in the past");
    if (e.on < c.became_aware_on) {
        g.refuse("on", "Date must be on or after " + date_in_words(c.became_aware_on) + ", when the local authority became aware");
    }
    if (e.note.size() > 4000) g.refuse("note", "Note must be 4000 characters or fewer");
    check_rapid_review(g, c, st);
    check_review(g, st);
    return g.errors;
}

}  // namespace assure
