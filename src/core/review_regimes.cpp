#include "core/review_regimes.hpp"

#include "core/text.hpp"

namespace assure {

Regime regime_on(Date became_aware_on) {
    if (became_aware_on < kWorkingTogether2018From) return Regime::wt2015;
    if (became_aware_on < kWorkingTogether2023From) return Regime::wt2018;
    return Regime::wt2023;
}

Regime regime_of(const Case& c) { return regime_on(c.became_aware_on); }

std::string_view regime_title(Regime r) {
    switch (r) {
        case Regime::wt2015: return "Working Together 2015";
        case Regime::wt2018: return "Working Together 2018";
        case Regime::wt2023: break;
    }
    return "Working Together 2023";
}

std::string_view review_name(Regime r) {
    return r == Regime::wt2015 ? "serious case review" : "local child safeguarding practice review";
}

bool has_rapid_review(Regime r) { return r != Regime::wt2015; }

std::string_view stage_words(Regime r, Stage s) {
    if (r == Regime::wt2015) {
        switch (s) {
            case Stage::rapid_review: return "Deciding whether to hold a serious case review";
            case Stage::decided: return "Awaiting the national panel's view";
            case Stage::local_review: return "Serious case review";
            case Stage::follow_up: return "Other learning review";
            default: break;
        }
    }
    return stage_label(s);
}

std::string_view decision_words(Regime r, Decision d) {
    if (r == Regime::wt2015) {
        switch (d) {
            case Decision::local_review: return "Serious case review";
            case Decision::national_review: return "Referred to the national panel";
            case Decision::other_learning: return "Other learning review (a reflective review)";
            default: break;
        }
    }
    return decision_label(d);
}

std::string_view event_words(Regime r, EventKind e) {
    if (r == Regime::wt2015) {
        switch (e) {
            case EventKind::notify_panel: return "Ofsted and the national panel notified";
            case EventKind::inform_partners: return "Board partners informed";
            case EventKind::request_summaries: return "Agencies asked for their information";
            case EventKind::summary_returned: return "Agency information returned";
            case EventKind::rapid_review_panel: return "Serious incident review group met";
            case EventKind::partners_sign_off: return "Board chair agreed the group's recommendation";
            case EventKind::panel_response: return "National panel's view recorded";
            case EventKind::notify_bodies: return "Ofsted, the national panel and DfE told of the review";
            case EventKind::send_final_report: return "Final report sent to Ofsted and the national panel";
            default: break;
        }
    }
    return event_label(e);
}

std::string regime_summary(const Case& c) {
    const Regime r = regime_of(c);
    const ReviewRules& n = c.rules;
    const std::string months = count_of(n.review_months, "month", "months");
    if (r == Regime::wt2015) {
        return std::string(regime_title(r)) + ": the board decides whether to hold a serious case review; Ofsted and the national panel " +
               "notified within " + count_of(n.notify_panel_working_days, "working day", "working days") +
               "; a review completed within " + months + " of the decision";
    }
    return std::string(regime_title(r)) + ": the Panel notified within " + count_of(n.notify_panel_working_days, "working day", "working days") +
           "; a rapid review within " + count_of(n.rapid_review_working_days, "working day", "working days") + " of " +
           (n.rapid_review_anchor == RapidReviewAnchor::notification ? "notification" : "becoming aware") + "; a local review within " +
           months + " of the decision";
}

}  // namespace assure
