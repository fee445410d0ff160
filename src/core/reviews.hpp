#pragma once
// Serious incidents and the reviews that follow them: the record, its lifecycle as an
// explicit state machine with guarded events, and the statutory clocks (DOMAIN.md §3).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.hpp"
#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

// ---- rules ----------------------------------------------------------------------------

enum class RapidReviewAnchor { became_aware, notification };

// Every number is a default that a partnership may change. Each case keeps the rule set it
// was judged under, so a later change of rules does not rewrite an old case's deadlines.
struct ReviewRules {
    std::string name = "wt2018-default";
    int notify_panel_working_days = 5;
    int inform_partners_working_days = 5;
    int rapid_review_working_days = 15;
    RapidReviewAnchor rapid_review_anchor = RapidReviewAnchor::became_aware;  // seed 000
    int review_months = 6;
    int final_report_working_days_before_publication = 7;
    int keep_published_months = 12;
    int max_children = 4;
    bool operator==(const ReviewRules&) const = default;
};

// A rule set's name as a person reads it: "wt2018-default" is "Working Together 2018 (default
// rules)", "wt2023-local" "Working Together 2023 (local rules)"; a name of another shape as typed.
std::string rules_name_in_words(const std::string& name);

std::string_view anchor_key(RapidReviewAnchor a);
std::string_view anchor_label(RapidReviewAnchor a);  // "Date the local authority became aware"
std::optional<RapidReviewAnchor> parse_anchor(std::string_view key);
// Refuses nonsense (negative or zero windows), naming the setting.
FieldErrors validate_rules(const ReviewRules& rules);

// ---- the record -----------------------------------------------------------------------

enum class HarmKind { death, serious_harm };
std::string_view harm_key(HarmKind k);
std::string_view harm_label(HarmKind k);
std::optional<HarmKind> parse_harm(std::string_view key);

// A child is named by pseudonym everywhere; the identifiable details are sealed at rest
// and shown only to those allowed (see may_see_identities).
struct Child {
    std::string pseudonym;       // "Child O"
    std::string name = {};            // identifiable
    std::string date_of_birth = {};   // identifiable, YYYY-MM-DD or ""
    std::string notes = {};           // identifiable (address, NHS number…)
    [[nodiscard]] bool has_identity() const { return !name.empty() || !date_of_birth.empty() || !notes.empty(); }
};

enum class Decision { local_review, national_review, other_learning, no_further_review };
std::string_view decision_key(Decision d);
std::string_view decision_label(Decision d);
std::optional<Decision> parse_decision(std::string_view key);

enum class EventKind {
    notify_panel, inform_partners, request_summaries, summary_returned, rapid_review_panel, partners_sign_off,
    decide, panel_response, commission_reviewer, notify_bodies, agree_terms, progress_check, final_report,
    plan_publication, send_final_report, publish, publish_summary, disseminate, close,
};
const std::vector<EventKind>& all_event_kinds();
std::string_view event_key(EventKind e);
std::string_view event_label(EventKind e);   // "Panel notified"
std::optional<EventKind> parse_event(std::string_view key);

struct CaseEvent {
    EventKind kind = EventKind::notify_panel;
    Date on;                          // when it happened
    std::vector<AgencyId> agencies;   // request_summaries: who was asked; summary_returned: who returned
    std::optional<Decision> decision; // decide
    std::optional<Date> planned_on;   // plan_publication: the planned publication date
    std::string reviewer_name;        // commission_reviewer
    UserId reviewer_user;             // commission_reviewer: their account, if they have one
    std::string note;                 // the reason, the Panel's response, a progress note
    Instant recorded_at = 0;
    std::string recorded_by;
};

enum class ConflictView { pending, exclude, take_part };
enum class AppealOutcome { none, upheld, overturned };

// A partner lead's decision that a business-unit member who declared an interest keeps sight of
// the case, because the unit has no one else to run it. Named, dated and reasoned, and shown on
// the case, so the exception is never silent.
struct InterestOverride {
    UserId by;
    std::string by_label;
    Date on;
    std::string reason;
};

// A declared interest in a case (seed 000): the panel recommends, an appeal goes to the
// independent chair. Until the panel has recommended otherwise, the member is excluded, whatever
// their role, the business unit's included; a partner lead's override lets a business-unit
// member keep sight when the unit has no one else.
struct Conflict {
    UserId user;
    std::string user_label;
    Date declared_on;
    std::string interest;
    ConflictView panel = ConflictView::pending;
    AppealOutcome appeal = AppealOutcome::none;
    std::optional<InterestOverride> override_by_lead{};
    [[nodiscard]] bool excludes() const;
};

std::string_view conflict_view_key(ConflictView v);
std::optional<ConflictView> parse_conflict_view(std::string_view key);
std::string_view appeal_key(AppealOutcome a);
std::optional<AppealOutcome> parse_appeal(std::string_view key);

struct PanelMember {
    UserId user;
    std::string label;
};

struct Case {
    CaseId id;
    PartnershipId partnership;
    std::string reference;            // "SI-2026-01"
    Date became_aware_on;
    Date incident_on;
    HarmKind kind = HarmKind::serious_harm;
    bool looked_after = false;
    std::string area_of_incident;
    std::string area_of_residence;
    std::string summary;
    std::vector<Child> children;
    std::vector<AgencyId> agencies;   // involved
    std::vector<PanelMember> panel;   // review group members working on this case
    std::vector<Conflict> conflicts;
    std::vector<CaseEvent> events;    // in the order recorded
    ReviewRules rules;
    std::string sealed_identities;    // the children's identifiable details as stored
    std::string sealed_key_id;        // the id of the key that sealed them (written, not read back)
    int version = 1;
    Instant created_at = 0;
};

// What a person typed when notifying an incident, before it is trusted.
struct IncidentInput {
    std::string became_aware_on;
    std::string incident_on;
    std::string kind;
    bool looked_after = false;
    std::string area_of_incident;
    std::string area_of_residence;
    std::string summary;
    std::vector<Child> children;         // entries with an empty pseudonym are ignored
    std::vector<std::string> agency_ids; // must be agencies of the partnership
};

// Validates and fills `out`. `today` refuses dates in the future.
FieldErrors validate_incident(const IncidentInput& in, const std::vector<AgencyId>& partnership_agencies,
                              const ReviewRules& rules, Date today, Case& out);

// ---- lifecycle ------------------------------------------------------------------------

enum class Stage { notification, rapid_review, decided, local_review, published, follow_up, closed };
std::string_view stage_key(Stage s);
std::string_view stage_label(Stage s);
std::optional<Stage> parse_stage(std::string_view key);

struct SummaryStatus {
    Date requested_on;
    std::optional<Date> returned_on;
};

// Everything the events say so far, replayed in order.
struct CaseState {
    Stage stage = Stage::notification;
    std::optional<Date> notified_on, informed_on, panel_met_on, signed_off_on, decided_on, panel_response_on,
        commissioned_on, bodies_notified_on, terms_agreed_on, final_report_on, planned_publication, sent_on,
        published_on, summary_published_on, disseminated_on, closed_on;
    std::optional<Decision> decision;
    std::string reviewer_name;
    UserId reviewer_user;
    std::map<AgencyId, SummaryStatus> summaries;
    std::vector<Date> progress_checks;
    [[nodiscard]] int summaries_outstanding() const;
};

CaseState replay(const Case& c);

// Why `event` may not happen now, naming the rule; nothing when it may. `today` refuses
// dates in the future. Field names match the API: "event", "on", "agencies", "decision",
// "planned_on", "reviewer_name".
FieldErrors check_event(const Case& c, const CaseState& state, const CaseEvent& event, Date today);

// ---- clocks ---------------------------------------------------------------------------

struct Deadlines {
    Date notify_panel_by;
    Date inform_partners_by;
    Date rapid_review_by;
    std::optional<Date> review_complete_by;     // a local review: decision + review_months
    std::optional<Date> send_final_report_by;   // once publication is planned
    std::optional<Date> keep_published_until;   // once published
};

Deadlines deadlines(const Case& c, const CaseState& state, const WorkingCalendar& calendar);

struct Milestone {
    std::string key;      // "notify_panel"
    std::string label;    // "Notify the Panel"
    std::optional<Date> due;
    std::optional<Date> done;
};

// The statutory milestones that apply to the case so far, in order, with due and done dates.
std::vector<Milestone> milestones(const Case& c, const CaseState& state, const Deadlines& d);
// The first milestone not yet done that has a due date; nothing for a closed case.
std::optional<Milestone> next_milestone(const std::vector<Milestone>& all);

struct Countdown {
    int working_days = 0;  // left (>= 0) or overdue by (> 0)
    bool overdue = false;
};
// Working days from `today` to `due`: due today is 0 left; a day late is 1 overdue.
Countdown countdown(Date today, Date due, const WorkingCalendar& calendar);

// The rapid-review day plan (DOMAIN.md §3): day 1 business unit informed; days 2–10 agency
// summaries; days 10–12 panel; days 12–15 partner sign-off, counted from the anchor.
struct PlanStep {
    std::string label;
    int first_day;
    int last_day;
    Date from;
    Date to;
};
std::vector<PlanStep> rapid_review_plan(const Case& c, const CaseState& state, const WorkingCalendar& calendar);

// Local reviews only: calendar days beyond the review window (0 if on time or not due yet).
int slippage_days(const Deadlines& d, const CaseState& state, Date today);

// ---- what lists filter on -------------------------------------------------------------

// The rules' verdict on a case, kept beside it whenever it is written, so that a store can
// answer "open", "overdue" and "at this stage" without replaying every case. The rule stays
// here; a stored column is only its result.
struct CaseStanding {
    Stage stage = Stage::notification;
    std::optional<Date> next_due_on;   // the next statutory milestone's date; none once closed
    std::optional<Decision> decision;  // the rapid review's decision, once made
    UserId reviewer;                   // the commissioned reviewer's account, if they have one
    // The two clocks scrutiny counts (core/reviews_timeliness.hpp): each one's due date and the
    // day it was met, none until then.
    std::optional<Date> notify_due_on, notified_on;
    std::optional<Date> rapid_review_due_on, rapid_review_done_on;
    // Overdue on `today` when the next milestone was due before it (countdown's rule).
    [[nodiscard]] bool overdue(Date today) const { return next_due_on && today > *next_due_on; }
};
CaseStanding standing_of(const Case& c, const WorkingCalendar& calendar);

// ---- need-to-know ---------------------------------------------------------------------

// Which cases a role reaches, before declared interests are weighed. The business unit and
// partner leads reach every case their declared interest does not exclude them from; anyone
// else only the cases whose panel they sit on or that they were commissioned to review, and
// those too only while no declared interest excludes them. No role has every_case: it is the
// system's own reach (a query with no reader), kept for the store's sake.
enum class CaseReach { every_case, unless_excluded, own_cases };
CaseReach case_reach(Role role);
// Whose figures (counts and the statutory clocks by year, never a record) cover every case of
// the partnership: the scrutineer's, who is there to scrutinise how every review was done
// (seeds 000 and 002) without opening the cases. Everyone else counts the cases they reach.
CaseReach figures_reach(Role role);

// The business unit and partner leads, panel members of the case, and its commissioned
// reviewer may see a case; anyone with an excluding conflict may not.
bool may_see_case(const Case& c, const CaseState& state, UserId user, Role role);
// Names and dates of birth: the business unit, partner leads and the commissioned reviewer.
bool may_see_identities(const Case& c, const CaseState& state, UserId user, Role role);

// Why a partner lead's override of `declarer`'s interest may not be recorded; empty if it may.
// Only a business-unit member's interest, once, with a reason, and only while no other active
// member of the unit (`free_in_unit`: those with no excluding interest in the case) could run it.
FieldErrors check_interest_override(const Case& c, UserId declarer, bool declarer_in_business_unit,
                                    const std::vector<std::string>& free_in_unit, const std::string& reason);

}  // namespace assure
