#pragma once
// Use cases of learning and improvement: learning sources and what they found, the action
// plan that follows, the golden thread per priority, Section 11 and Section 175 audits,
// dissemination. Every change is audited in its own transaction. An agency lead sees and
// changes only their own agency's returns and actions.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/paging.hpp"
#include "app/ports/learning.hpp"
#include "core/learning.hpp"

namespace assure {

// ---- sources ----------------------------------------------------------------------------

struct SourceFilter {
    std::optional<SourceKind> kind;
    std::string priority;
    std::string text;  // in the title or summary
};

struct ImprovementLine {
    ImprovementAction action;
    std::string agency_name;
    std::string lead_name;
    std::string group_name;
    std::string origin;  // "Neglect multi-agency audit, recommendation 2"
    std::string origin_href;  // the page of the source or the audit return
    bool overdue = false;
    bool stale = false;
};

struct SourceView {
    LearningSource source;
    std::string agency_name;
    std::vector<std::string> auditor_names;
    std::vector<ImprovementLine> actions;  // raised from this source's recommendations (at most 500)
    std::vector<Briefing> briefings;       // that spread its learning
};

// Newest first, a page at a time.
Page<LearningSource> list_sources(Services& s, const Actor& actor, const SourceFilter& filter, const PageRequest& page);
SourceView read_source(Services& s, const Actor& actor, LearningSourceId id);
LearningSource create_source(Services& s, const Actor& actor, const SourceInput& input);
LearningSource update_source(Services& s, const Actor& actor, LearningSourceId id, int expected_version, const SourceInput& input);
LearningSource add_finding(Services& s, const Actor& actor, LearningSourceId id, int expected_version, const std::string& kind,
                           const std::string& text);
LearningSource add_source_recommendation(Services& s, const Actor& actor, LearningSourceId id, int expected_version,
                                         const std::string& text, const std::string& priority,
                                         const std::vector<std::string>& agency_ids);
// Corrects finding or recommendation `number` in place; the audit trail keeps the words before.
// A recommendation brought in from a review keeps the review's wording (its priority and
// agencies may change).
LearningSource correct_finding(Services& s, const Actor& actor, LearningSourceId id, int expected_version, int number,
                               const std::string& kind, const std::string& text);
LearningSource correct_source_recommendation(Services& s, const Actor& actor, LearningSourceId id, int expected_version, int number,
                                             const std::string& text, const std::string& priority,
                                             const std::vector<std::string>& agency_ids);
// A practice review's recommendations, brought in from the review (each once).
LearningSource import_review_recommendations(Services& s, const Actor& actor, LearningSourceId id, int expected_version);

// ---- actions ----------------------------------------------------------------------------

struct ImprovementFilter {
    std::optional<AgencyId> agency;
    std::optional<ActionState> state;
    bool overdue_only = false;
    bool stale_only = false;
    bool without_impact_only = false;  // completed, no evidence of impact
    bool open_only = false;
    std::string priority;
    std::optional<GroupId> group;
    std::optional<LearningSourceId> source;
    std::string text;  // in what is to be done
};

// Raised from a recommendation of a source (its number), or from a gap in an audit return.
struct ImprovementOrigin {
    LearningSourceId source;
    int recommendation = 0;
    AuditReturnId audit_return;
    std::string standard;
};

ImprovementAction create_improvement(Services& s, const Actor& actor, const ImprovementOrigin& origin, const ImprovementInput& input);
// What the actor may see: everything, or an agency lead's own agency's actions only; by due
// date, a page at a time.
Page<ImprovementLine> list_improvements(Services& s, const Actor& actor, const ImprovementFilter& filter, const PageRequest& page);
// Figures over what the filter selects for the actor, as of today: open, overdue, stale,
// completed without evidence of impact, evidenced.
ImprovementCounts count_improvements(Services& s, const Actor& actor, const ImprovementFilter& filter);
// The plan's history: how many of the actions the filter selects for the actor were open, and
// overdue, at the end of each of the last twelve months (the last point is today). A filter by
// state, overdue, stale or impact is about today and is not applied to the past.
std::vector<ImprovementTrendPoint> improvement_trend(Services& s, const Actor& actor, const ImprovementFilter& filter);
// The home page's and a group's page's summary: the figures, and the overdue and stale actions
// (at most `flagged_limit` of each), by due date.
struct ImprovementSummary {
    ImprovementCounts counts;
    std::vector<ImprovementLine> flagged;
};
ImprovementSummary improvement_summary(Services& s, const Actor& actor, const ImprovementFilter& within, int flagged_limit);
ImprovementLine read_improvement(Services& s, const Actor& actor, ImprovementId id);
// May the actor record progress and evidence on this action (the business unit, or the
// owning agency's lead, or the action's lead)?
bool may_update_improvement(Services& s, const Actor& actor, const ImprovementAction& a);
// A progress note, and a move of state if `state` differs. Agreeing, signing off and
// superseding are the business unit's, on behalf of the owning group.
ImprovementAction update_improvement(Services& s, const Actor& actor, ImprovementId id, int expected_version,
                                     const std::string& state, const std::string& note);
ImprovementAction add_improvement_evidence(Services& s, const Actor& actor, ImprovementId id, int expected_version,
                                           const std::string& kind, const std::string& text, const std::string& link);
// The agency an agency lead speaks for (through their directory entry), if any.
std::optional<AgencyId> agency_of_actor(Services& s, const Actor& actor);

// ---- the golden thread -------------------------------------------------------------------

// The figures of one priority's thread, for the list of priorities.
struct ThreadFigures {
    std::string priority;
    int sources = 0;          // tagged with it, or with a recommendation for it
    int recommendations = 0;
    ImprovementCounts actions;
};
std::vector<ThreadFigures> golden_threads(Services& s, const Actor& actor);

struct PriorityThread {
    std::string priority;
    Page<LearningSource> sources;                        // newest first, a page
    int source_count = 0;
    std::vector<PriorityRecommendation> recommendations;  // for it, newest source first
    Page<ImprovementLine> actions;                       // by due date, a page
    ImprovementCounts counts;
    std::vector<Briefing> briefings;                     // that spread the sources shown
};
// `sources_page` and `actions_page` page the thread's two long lists.
PriorityThread golden_thread(Services& s, const Actor& actor, const std::string& priority, const PageRequest& sources_page,
                             const PageRequest& actions_page);

// ---- Section 11 and Section 175 audits --------------------------------------------------

struct ReturnLine {
    Agency agency;
    std::optional<AuditReturn> ret;
    int gaps = 0;
};

struct CycleView {
    AuditCycle cycle;
    Page<ReturnLine> returns;  // one per invited agency the actor may see, in the order invited, a page
    int invited = 0;           // lines the actor may see in all
    int submitted = 0;
    std::vector<StandardResult> results;
    std::optional<AuditCycle> previous;           // the last cycle of the same kind before it
    std::vector<StandardResult> previous_results;  // that cycle's results, by its standards
    bool open_today = false;
};

std::vector<AuditCycle> list_cycles(Services& s, const Actor& actor);
AuditCycle create_cycle(Services& s, const Actor& actor, const CycleInput& input);
CycleView read_cycle(Services& s, const Actor& actor, AuditCycleId id, const PageRequest& returns_page = {});
void close_cycle(Services& s, const Actor& actor, AuditCycleId id, int expected_version);

// Another partnership on this server where the organisation also works, and whether the return
// can go into its cycle.
struct ShareTarget {
    PartnershipId partnership;
    std::string partnership_name;
    AgencyId agency;               // the organisation's agency record there
    AuditCycleId cycle;            // none when no cycle there invites the organisation
    std::string cycle_title;
    Date closes;
    bool replaces_draft = false;   // a draft saved there gives way to the shared return
    std::string refusal;           // "" when the return can be shared there
};

struct ReturnView {
    AuditCycle cycle;
    Agency agency;
    AuditReturn ret;        // a blank draft when nothing is saved yet (version 0)
    bool may_edit = false;  // the agency's lead (or the business unit) while a draft and the cycle open
    bool may_moderate = false;
    std::optional<AuditCycle> previous_cycle;  // the agency's last earlier cycle of the same kind
    std::vector<StandardTrend> trends;
    std::vector<ImprovementLine> actions;  // raised from this return's gaps
    bool may_share = false;                // the editor, for a return of its own (not one shared here)
    std::vector<ShareTarget> share_targets;
};

ReturnView read_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency);
// Saves the answers as a draft, or submits them (then they can no longer be edited).
// With `share`, a submission also goes to every other partnership on this server that can take
// it (see share_return), in the same transaction.
AuditReturn save_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                        const std::vector<AnswerInput>& answers, bool submit, bool share = false);
// Shares a submitted return with every other partnership on this server where the organisation
// (same organisation code) is invited to an open cycle of the same kind, scale and standards
// and has not submitted its own. Each receives a copy to moderate as its own.
AuditReturn share_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version);
AuditReturn moderate_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                            const std::vector<ModerationInput>& grades, const std::string& challenge_notes);

struct AuditLetter {
    std::string to;       // the agency and its chief officer
    std::string subject;
    std::vector<std::string> good_practice;
    std::vector<std::string> development;
    std::string challenge_notes;
    std::string signed_by;  // the partnership
};
AuditLetter audit_letter(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency);

// ---- dissemination and the audit calendar ------------------------------------------------

std::vector<Briefing> list_briefings(Services& s, const Actor& actor);
Briefing create_briefing(Services& s, const Actor& actor, const BriefingInput& input);

struct CalendarEntry {
    Date on;
    std::string label;  // "Multi-agency thematic audit: Neglect"
    std::string href;
    std::string status;
};
struct LearningCalendar {
    int year = 0;  // the partnership year starting in April
    std::vector<CalendarEntry> entries;
    int thematic_audits = 0;
    int thematic_limit = 0;  // the partnership's most thematic audits a year
    bool over_thematic_limit = false;
};
LearningCalendar learning_calendar(Services& s, const Actor& actor, int year);

}  // namespace assure
