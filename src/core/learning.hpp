#pragma once
// Learning and improvement: where learning comes from (reviews, audits, visits, inspections),
// what it found and recommended, the actions that follow and the evidence that they worked.
// Values and their rules; every number a rule uses comes from LearningRules (DOMAIN.md §4).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/partnership.hpp"

namespace assure {

// ---- rules ------------------------------------------------------------------------------

struct AuditStandard {
    std::string code;    // "1"
    std::string title;   // "Senior management commitment"
    std::string prompt;  // what the agency is asked to show
};

struct LearningRules {
    std::vector<std::string> priorities = {"Neglect", "Domestic abuse", "Exploitation", "Mental health"};  // seed 002
    int stale_days = 60;                  // an open action with no update for longer is "stale"
    bool evidence_to_complete = true;     // completing an action needs evidence of what was done
    int max_thematic_audits_per_year = 3; // seed 004
    std::vector<AuditStandard> section_11 = default_section_11();
    std::vector<AuditStandard> section_175 = default_section_175();

    static std::vector<AuditStandard> default_section_11();   // the eight standards of DOMAIN.md §4
    static std::vector<AuditStandard> default_section_175();  // KCSIE headings
};

// ---- learning sources -------------------------------------------------------------------

enum class SourceKind {
    practice_review, thematic_audit, deep_dive, single_agency_audit, section_11, section_175,
    frontline_visit, peer_review, inspection, scrutiny, research
};
enum class SourceStatus { planned, in_progress, complete };
enum class FindingKind { good_practice, development };

struct Finding {
    int number = 1;
    FindingKind kind = FindingKind::development;
    std::string text;
};

struct SourceRecommendation {
    int number = 1;
    std::string text;
    std::string priority;                  // one of the partnership's priorities, or ""
    std::vector<AgencyId> agencies;        // who it is for
    RecommendationId review_recommendation;  // brought in from a review's recommendations
};

struct LearningSource {
    LearningSourceId id;
    PartnershipId partnership;
    SourceKind kind = SourceKind::thematic_audit;
    std::string title;
    Date on;                               // when it was done, or is planned for
    SourceStatus status = SourceStatus::complete;
    std::string summary;
    std::vector<std::string> priorities;
    CaseId review;                         // a practice review: the case it came from
    AgencyId agency;                       // a single-agency audit or the service visited
    std::string body;                      // the inspectorate, reviewer or researcher
    std::string visitor;                   // a frontline visit: who visited
    int cases_audited = 0;                 // a multi-agency audit
    std::vector<AgencyId> auditors;        // agencies that audited cases
    std::string voice;                     // feedback from children, families and professionals
    std::vector<Finding> findings;
    std::vector<SourceRecommendation> recommendations;
    int version = 1;
};

struct SourceInput {
    std::string kind, title, on, status, summary;
    std::vector<std::string> priorities;
    std::string review_id = {}, agency_id = {}, body = {}, visitor = {}, cases_audited = {};
    std::vector<std::string> auditor_ids = {};
    std::string voice = {};
};
FieldErrors validate_source(const SourceInput& in, const LearningRules& rules, const std::vector<Agency>& agencies,
                            LearningSource& out);
FieldErrors validate_finding(const std::string& kind, const std::string& text, Finding& out);
FieldErrors validate_recommendation(const std::string& text, const std::string& priority,
                                    const std::vector<std::string>& agency_ids, const LearningRules& rules,
                                    const std::vector<Agency>& agencies, SourceRecommendation& out);
// A priority as the partnership names it ("neglect" -> "Neglect"), or nullopt if it is not one.
std::optional<std::string> known_priority(const LearningRules& rules, std::string_view text);

// ---- actions ----------------------------------------------------------------------------

enum class ActionState { proposed, agreed, in_progress, completed, evidenced, superseded };
enum class EvidenceKind { output, impact };  // what was done; the difference it made

struct EvidenceItem {
    Date on;
    EvidenceKind kind = EvidenceKind::output;
    std::string text;
    std::string link;
    std::string by;
};

struct ActionUpdate {
    Date on;
    std::string by;
    ActionState from = ActionState::proposed;
    ActionState to = ActionState::proposed;
    std::string text;
};

struct ImprovementAction {
    ImprovementId id;
    PartnershipId partnership;
    LearningSourceId source;
    int recommendation = 0;       // its number within the source; 0 for an audit gap
    AuditReturnId audit_return;   // an audit gap: the return and the standard it came from
    std::string standard;
    std::string text;
    AgencyId agency;              // the owning agency
    PersonId lead;
    Date due;
    std::string success_measure;
    GroupId group;                // the group that monitors it and signs it off
    std::string priority;
    ActionState state = ActionState::proposed;
    std::string superseded_reason;
    Date created_on;
    std::vector<EvidenceItem> evidence;
    std::vector<ActionUpdate> updates;  // oldest first
    int version = 1;
};

struct ImprovementInput {
    std::string text, agency_id, lead_id, due, success_measure, group_id, priority;
};
struct ImprovementContext {
    std::vector<Agency> agencies;  // of the partnership
    std::vector<Person> people;
    std::vector<GroupId> groups;
};
FieldErrors validate_improvement(const ImprovementInput& in, const LearningRules& rules, const ImprovementContext& context,
                                 Date today, ImprovementAction& out);

// The moves the state machine allows, whoever asks.
bool transition_allowed(ActionState from, ActionState to);
// Why this move cannot be made now: a reason to supersede, evidence to complete or sign off.
FieldErrors check_transition(const ImprovementAction& a, ActionState to, const std::string& note, const LearningRules& rules);
FieldErrors validate_evidence(const std::string& kind, const std::string& text, const std::string& link, EvidenceItem& out);

bool improvement_open(const ImprovementAction& a);  // proposed, agreed or in progress
bool improvement_overdue(const ImprovementAction& a, Date today);
// The day an action that is no longer open left the open states (its last such move; the day it
// was created when none is recorded); none while it is open. A store keeps it as a column so the
// plan's history can be counted without reading every action's updates.
std::optional<Date> improvement_closed_on(const ImprovementAction& a);
// Whether the action was open, or open and past its due date, at the end of `on`: created by
// then and not yet closed. Judged by the due date it has now (a changed due date is not kept).
bool improvement_open_on(const ImprovementAction& a, Date on);
bool improvement_overdue_on(const ImprovementAction& a, Date on);
// The days the action plan's history is counted on: the last day of each of the `months - 1`
// months before today's, then today, oldest first.
std::vector<Date> improvement_trend_days(Date today, int months = 12);
struct ImprovementTrendPoint {
    Date on;
    int open = 0;
    int overdue = 0;
    bool operator==(const ImprovementTrendPoint&) const = default;
};
// The last day anything was recorded: the latest update or evidence, or when it was raised.
Date last_activity(const ImprovementAction& a);
bool improvement_stale(const ImprovementAction& a, Date today, const LearningRules& rules);
bool has_impact_evidence(const ImprovementAction& a);
// Completed, but nothing yet shows the difference it made.
bool completed_without_impact(const ImprovementAction& a);

// ---- Section 11 and Section 175 audits --------------------------------------------------

enum class AuditKind { section_11, section_175 };
enum class GradeScale { four_point, rag };
enum class ReturnStatus { draft, submitted };

struct AuditCycle {
    AuditCycleId id;
    PartnershipId partnership;
    AuditKind kind = AuditKind::section_11;
    std::string title;
    Date opens;
    Date closes;                  // returns are refused after this day
    GradeScale scale = GradeScale::four_point;
    std::vector<AuditStandard> standards;  // copied in when the cycle opens, so history stays put
    std::vector<AgencyId> invited;
    bool closed = false;          // closed early by the business unit
    int version = 1;
};

struct StandardAnswer {
    std::string code = {};
    std::string grade = {};            // the agency's own: "1"–"4", or "green"/"amber"/"red"
    std::string narrative = {};
    std::string evidence = {};
    std::string moderated_grade = {};  // the business unit's, after challenge
    std::string moderation_note = {};
};

// A return received from another partnership on this server: the organisation submitted it
// there and shared it here. Its answers are the organisation's; moderation here is this
// partnership's own.
struct SharedOrigin {
    PartnershipId partnership;
    std::string partnership_name = {};
    AuditReturnId source;
    Date shared_on;
};
// Where a submitted return was shared to.
struct SharedCopy {
    PartnershipId partnership;
    std::string partnership_name = {};
    AuditCycleId cycle;
    AuditReturnId copy;
    Date shared_on;
};

struct AuditReturn {
    AuditReturnId id;
    AuditCycleId cycle;
    PartnershipId partnership;
    AgencyId agency;
    ReturnStatus status = ReturnStatus::draft;
    std::vector<StandardAnswer> answers = {};
    std::optional<Date> submitted_on = {};
    std::string submitted_by = {};
    std::string challenge_notes = {};
    std::optional<Date> moderated_on = {};
    std::optional<SharedOrigin> shared_from = {};
    std::vector<SharedCopy> shared_with = {};
    int version = 1;
};

struct GradeChoice {
    std::string key;
    std::string label;
    int rank = 0;  // 1 is best
};
const std::vector<GradeChoice>& grade_choices(GradeScale scale);
std::optional<GradeChoice> grade_of(GradeScale scale, std::string_view key);
bool cycle_open_on(const AuditCycle& c, Date day);
// The grade that counts: the moderated grade when there is one, otherwise the agency's own.
std::string effective_grade(const StandardAnswer& a);
// A standard graded "requires improvement" or worse (3–4), or amber or red.
bool is_gap(GradeScale scale, std::string_view grade);

struct CycleInput {
    std::string kind, title, opens, closes, scale;
    std::vector<std::string> invited_ids;
};
FieldErrors validate_cycle(const CycleInput& in, const LearningRules& rules, const std::vector<Agency>& agencies, AuditCycle& out);

struct AnswerInput {
    std::string code, grade, narrative, evidence;
};
// Checks every answer against the cycle's scale; `submit` also needs a grade and narrative for
// every standard and the cycle still open on `today`.
FieldErrors validate_answers(const AuditCycle& cycle, const std::vector<AnswerInput>& in, bool submit, Date today,
                             std::vector<StandardAnswer>& out);

struct ModerationInput {
    std::string code, grade, note;
};
FieldErrors validate_moderation(const AuditCycle& cycle, const std::vector<ModerationInput>& in, std::vector<StandardAnswer>& answers);

enum class Trend { better, same, worse, new_standard };
struct StandardTrend {
    std::string code;
    std::string now;     // effective grades
    std::string before;
    Trend trend = Trend::new_standard;
};
// This return against the agency's return in an earlier cycle, standard by standard (by code).
std::vector<StandardTrend> compare_returns(const AuditCycle& now_cycle, const AuditReturn& now, const AuditCycle& before_cycle,
                                           const AuditReturn& before);

// ---- one return shared with several partnerships ----------------------------------------
// Why a return of `from` cannot go into another partnership's cycle `to` today, given the
// return already there (if any); nullopt when it can. Same kind, an open cycle, the same scale
// and standards, and nothing the organisation submitted there itself.
std::optional<std::string> share_refusal(const AuditCycle& from, const AuditReturn& ret, const AuditCycle& to,
                                         const std::optional<AuditReturn>& existing, Date today);
// What the other partnership receives: the organisation's grades, narrative and evidence as
// submitted, none of this partnership's moderation; it replaces a draft saved there.
AuditReturn shared_copy(const AuditReturn& ret, const std::optional<AuditReturn>& existing, const AuditCycle& to,
                        AgencyId agency_there, const SharedOrigin& origin);

struct StandardResult {
    AuditStandard standard;
    std::vector<std::pair<std::string, int>> counts;  // grade key -> submitted returns with that grade
    int graded = 0;
    int gaps = 0;
    std::optional<double> mean_rank;  // 1 best
};
// Partnership-wide results by standard over the submitted returns.
std::vector<StandardResult> results_by_standard(const AuditCycle& cycle, const std::vector<AuditReturn>& returns);
// The share of graded returns that meet the standard (graded and not a gap: 1 or 2 on four
// points, green on red-amber-green), counted from the returns; none when none was graded.
std::optional<double> share_meeting(const StandardResult& r);
// The partnership's cycle of the same kind that opened last before `cycle` did, if any: the one
// a cycle's results are compared with. `cycles` in any order.
std::optional<AuditCycle> cycle_before(const AuditCycle& cycle, const std::vector<AuditCycle>& cycles);

// ---- dissemination ----------------------------------------------------------------------

enum class BriefingKind { seven_minute, sixty_minute, newsletter, event, website };

struct Briefing {
    BriefingId id;
    PartnershipId partnership;
    BriefingKind kind = BriefingKind::seven_minute;
    std::string title;
    Date on;
    std::string audience;
    std::string link;
    int reached = 0;  // people who attended or opened it
    std::vector<LearningSourceId> sources;
    int version = 1;
};

struct BriefingInput {
    std::string kind, title, on, audience, link, reached;
    std::vector<std::string> source_ids;
};
FieldErrors validate_briefing(const BriefingInput& in, const std::vector<LearningSourceId>& known_sources, Briefing& out);

// ---- keys and labels --------------------------------------------------------------------

std::string_view source_kind_key(SourceKind k);
std::string_view source_kind_label(SourceKind k);
std::optional<SourceKind> parse_source_kind(std::string_view key);
const std::vector<SourceKind>& all_source_kinds();
std::string_view source_status_key(SourceStatus s);
std::string_view source_status_label(SourceStatus s);
std::optional<SourceStatus> parse_source_status(std::string_view key);
std::string_view finding_kind_key(FindingKind k);
std::string_view finding_kind_label(FindingKind k);
std::optional<FindingKind> parse_finding_kind(std::string_view key);
std::string_view action_state_key(ActionState s);
std::string_view action_state_label(ActionState s);
std::optional<ActionState> parse_action_state(std::string_view key);
const std::vector<ActionState>& all_action_states();
std::string_view evidence_kind_key(EvidenceKind k);
std::string_view evidence_kind_label(EvidenceKind k);
std::optional<EvidenceKind> parse_evidence_kind(std::string_view key);
std::string_view audit_kind_key(AuditKind k);
std::string_view audit_kind_label(AuditKind k);
std::optional<AuditKind> parse_audit_kind(std::string_view key);
std::string_view grade_scale_key(GradeScale s);
std::string_view grade_scale_label(GradeScale s);
std::optional<GradeScale> parse_grade_scale(std::string_view key);
std::string_view return_status_key(ReturnStatus s);
std::string_view return_status_label(ReturnStatus s);
std::optional<ReturnStatus> parse_return_status(std::string_view key);
std::string_view trend_label(Trend t);
std::string_view briefing_kind_key(BriefingKind k);
std::string_view briefing_kind_label(BriefingKind k);
std::optional<BriefingKind> parse_briefing_kind(std::string_view key);
const std::vector<BriefingKind>& all_briefing_kinds();

}  // namespace assure
