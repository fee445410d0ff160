// England scale: about thirty serious incidents a year, each taken as far through the statutory
// lifecycle as its age allows. Every event passes core's guards (check_event) before it is
// written, so the records are ones the site itself could have made.
#include <nlohmann/json.hpp>

#include <stdexcept>

#include "cli/demo_scale_parts.hpp"
#include "core/reviews.hpp"

namespace assure::cli::scale {
namespace {

const std::vector<std::string> kSummaries = {
    "A baby was admitted to hospital with injuries not explained by the family's account.",
    "A teenager known to several services was seriously harmed in an exploitation-related assault.",
    "A child died at home; the family had been known to early help for neglect.",
    "A young person in care went missing repeatedly and was found seriously harmed.",
    "A toddler was seriously harmed in a household where domestic abuse had been reported."};

struct Step {
    EventKind kind;
    int working_day;  // after the day the partnership became aware
};

// The lifecycle up to the decision, then the rest for a local practice review or a close.
const std::vector<Step> kRapidReview = {{EventKind::notify_panel, 2},       {EventKind::inform_partners, 3},
                                        {EventKind::request_summaries, 3},  {EventKind::summary_returned, 8},
                                        {EventKind::rapid_review_panel, 11}, {EventKind::partners_sign_off, 12},
                                        {EventKind::decide, 13},             {EventKind::panel_response, 25}};
const std::vector<Step> kLocalReview = {{EventKind::commission_reviewer, 35}, {EventKind::notify_bodies, 37},
                                        {EventKind::agree_terms, 40},         {EventKind::progress_check, 70},
                                        {EventKind::progress_check, 100},     {EventKind::final_report, 120},
                                        {EventKind::plan_publication, 122},   {EventKind::send_final_report, 125},
                                        {EventKind::publish, 145},            {EventKind::disseminate, 160},
                                        {EventKind::close, 200}};
const std::vector<Step> kOtherwise = {{EventKind::close, 40}};

Decision decision_for(Rng& rng) {
    const int roll = rng.below(100);
    return roll < 20 ? Decision::local_review : roll < 25 ? Decision::national_review : roll < 65 ? Decision::other_learning
                                                                                               : Decision::no_further_review;
}

}  // namespace

void write_reviews(Area& a) {
    const WorkingCalendar& calendar = a.services.calendar;
    const ReviewRules& rules = a.services.defaults.reviews;
    std::vector<PanelMember> panel;
    for (const auto& u : a.users) {
        if (u.role == Role::business_unit || u.role == Role::partner_lead) panel.push_back({u.id, u.display_name});
    }
    std::map<int, int> numbers;  // year -> cases that year
    // About thirty a year, evenly spread with a little jitter, up to last week.
    const std::int64_t span = a.today.days() - 7 - a.first_day.days();
    const int total = static_cast<int>(span * 30 / 365);
    for (int n = 0; n < total; ++n) {
        const Date aware = weekday_on_or_after(Date::from_days(a.first_day.days() + span * n / total + a.rng.below(7)));
        if (aware >= a.today) continue;
        Case c;
        c.partnership = a.partnership.id;
        c.became_aware_on = aware;
        c.incident_on = add_days(aware, -a.rng.between(0, 10));
        char reference[32];
        std::snprintf(reference, sizeof reference, "SI-%d-%02d", aware.year, ++numbers[aware.year]);
        c.reference = reference;
        c.kind = a.rng.chance(0.3) ? HarmKind::death : HarmKind::serious_harm;
        c.looked_after = a.rng.chance(0.15);
        c.area_of_incident = a.place;
        c.area_of_residence = a.place;
        c.summary = a.rng.pick(kSummaries);
        c.children.push_back({"Child " + std::string(1, static_cast<char>('A' + n % 26))});
        c.agencies = a.some_agencies(a.rng.between(3, 5));
        c.panel = panel;
        c.rules = rules;
        c.created_at = a.at(aware, 9 * 60);

        const Decision decision = decision_for(a.rng);
        std::vector<Step> steps = kRapidReview;
        const auto& rest = decision == Decision::local_review ? kLocalReview : kOtherwise;
        steps.insert(steps.end(), rest.begin(), rest.end());
        for (const auto& step : steps) {
            CaseEvent e;
            e.kind = step.kind;
            e.on = calendar.add_working_days(aware, step.working_day);
            if (e.on >= a.today) break;
            if (e.kind == EventKind::request_summaries || e.kind == EventKind::summary_returned) e.agencies = c.agencies;
            if (e.kind == EventKind::decide) {
                e.decision = decision;
                e.note = "The rapid review found " + std::string(decision == Decision::local_review ? "learning that needs a full review."
                                                                                                  : "its learning is already in hand.");
            }
            if (e.kind == EventKind::panel_response) e.note = "The Panel agreed with the partnership's decision.";
            if (e.kind == EventKind::progress_check) e.note = "The reviewer has met the practitioners; on time.";
            if (e.kind == EventKind::commission_reviewer) e.reviewer_name = "Independent reviewer";
            if (e.kind == EventKind::plan_publication) e.planned_on = calendar.add_working_days(aware, 145);
            e.recorded_at = a.at_random(e.on);
            e.recorded_by = a.business_unit.label;
            const auto problems = check_event(c, replay(c), e, a.today);
            if (!problems.empty()) {
                throw std::logic_error("scale: " + std::string(event_key(e.kind)) + " on " + c.reference + ": " + problems.front().message);
            }
            c.events.push_back(std::move(e));
        }
        c.id = a.tx.cases().insert(c, standing_of(c, calendar));
        a.count("review_cases");
        a.count("review_events", static_cast<std::int64_t>(c.events.size()));
        a.count("review_case_panel", static_cast<std::int64_t>(panel.size()));
        a.audit(aware, "case.notify", "review_case", c.id.str(), nlohmann::json{{"reference", c.reference}}.dump());
        for (const auto& e : c.events) {
            a.audit(e.on, "case.event." + std::string(event_key(e.kind)), "review_case", c.id.str(),
                    nlohmann::json{{"on", e.on.iso()}}.dump());
        }
        a.cases.push_back(c.id);
        const CaseState state = replay(c);
        if (state.decision == Decision::local_review) {
            a.local_reviews.push_back(c.id);
            a.case_decided[c.id] = *state.decided_on;
            for (int r = 1; r <= 3 && state.final_report_on; ++r) {
                a.tx.cases().add_recommendation(Recommendation{RecommendationId{}, c.id, a.partnership.id, r,
                                                               "Agencies should strengthen how they share information at transfer.",
                                                               a.some_agencies(2), "Neglect"});
                a.count("review_recommendations");
            }
        }
    }
}

}  // namespace assure::cli::scale
