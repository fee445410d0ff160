#pragma once
// Ports: learning and improvement, shaped by the questions the pages and the API ask
// (docs/decisions/0007-one-store-pattern.md). Lists take a query and answer a page in SQL;
// figures are counts; names come from lookups by id.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/learning.hpp"

namespace assure {

// Which improvement actions a list or a figure is about. Fields left empty do not filter.
// A page lists them by due date (then id).
struct ImprovementQuery {
    PartnershipId partnership;
    std::vector<ActionState> states;          // any of these
    std::optional<AgencyId> agency;           // the owning agency
    std::optional<GroupId> group;             // the monitoring group
    std::string priority;
    std::optional<LearningSourceId> source;
    std::optional<int> recommendation;        // with `source`: raised from this recommendation
    std::optional<AuditReturnId> audit_return;
    std::optional<Date> overdue_on;           // open, and due before this day
    std::optional<Date> stale_on;             // open, and nothing recorded for `stale_days` before this day
    int stale_days = 60;
    bool without_impact = false;              // completed, and no evidence of impact
    std::string text;                         // in what is to be done
    PageRequest page;
};

// Figures over the actions an ImprovementQuery selects (its page is ignored), as of `today`.
struct ImprovementCounts {
    int total = 0;
    int open = 0;                      // proposed, agreed or in progress
    int overdue = 0;
    int stale = 0;                     // open with nothing recorded for stale_days
    int completed_without_impact = 0;
    int evidenced = 0;
};

// Learning sources, newest first (then by id). Fields left empty do not filter.
struct SourceQuery {
    PartnershipId partnership;
    std::optional<SourceKind> kind;
    std::string priority;        // tagged with it, or with a recommendation for it
    std::string text;            // in the title or summary
    std::optional<Date> from;    // done (or planned) on or after
    std::optional<Date> to;      // on or before
    PageRequest page;
};

// A recommendation for a priority, with the source it belongs to.
struct PriorityRecommendation {
    LearningSourceId source;
    std::string source_title;
    SourceRecommendation recommendation;
};

// Where an action raised from an audit gap came from, for its "origin" line.
struct ReturnOrigin {
    AuditReturnId id;
    AuditCycleId cycle;
    AgencyId agency;
    std::string cycle_title;
};

// An agency's submitted return in an earlier cycle, with that cycle.
struct EarlierReturn {
    AuditCycle cycle;
    AuditReturn ret;
};

struct LearningRepo {
    virtual ~LearningRepo() = default;

    // ---- sources: the record with its priorities, findings and recommendations
    virtual Page<LearningSource> sources(const SourceQuery& query) = 0;
    virtual std::optional<LearningSource> find_source(PartnershipId partnership, LearningSourceId id) = 0;
    // The titles of these sources (those that exist in the partnership).
    virtual std::map<LearningSourceId, std::string> source_titles(PartnershipId partnership,
                                                                  const std::vector<LearningSourceId>& ids) = 0;
    virtual int count_sources(const SourceQuery& query) = 0;
    // Recommendations for a priority across the partnership's sources, newest source first.
    virtual std::vector<PriorityRecommendation> recommendations_for(PartnershipId partnership, const std::string& priority) = 0;
    // How many recommendations name the priority: the summary's figure, counted, not listed.
    virtual int count_recommendations_for(PartnershipId partnership, const std::string& priority) = 0;
    virtual LearningSourceId insert_source(const LearningSource& s) = 0;
    virtual bool update_source(const LearningSource& s) = 0;  // optimistic on s.version

    // ---- the action plan
    virtual Page<ImprovementAction> improvements(const ImprovementQuery& query) = 0;
    virtual ImprovementCounts count_improvements(const ImprovementQuery& query, Date today) = 0;
    // How many of the actions the query selects (its page ignored) were open, and open past
    // their due date, at the end of each of `days` (core's improvement_open_on and
    // improvement_overdue_on), in the order given. Callers select by partnership and scope
    // only: a filter by state or overdue today would say nothing of the past.
    virtual std::vector<ImprovementTrendPoint> improvement_trend(const ImprovementQuery& query, const std::vector<Date>& days) = 0;
    virtual std::optional<ImprovementAction> find_improvement(PartnershipId partnership, ImprovementId id) = 0;
    virtual ImprovementId insert_improvement(const ImprovementAction& a) = 0;
    virtual bool update_improvement(const ImprovementAction& a) = 0;  // optimistic on a.version

    // ---- Section 11/175 cycles and returns
    virtual std::vector<AuditCycle> cycles(PartnershipId partnership) = 0;  // newest first; a few a year
    virtual std::optional<AuditCycle> find_cycle(PartnershipId partnership, AuditCycleId id) = 0;
    virtual AuditCycleId insert_cycle(const AuditCycle& c) = 0;
    virtual bool update_cycle(const AuditCycle& c) = 0;

    virtual std::optional<AuditReturn> find_return(PartnershipId partnership, AuditReturnId id) = 0;
    // The agency's return in the cycle (there is at most one).
    virtual std::optional<AuditReturn> find_return(PartnershipId partnership, AuditCycleId cycle, AgencyId agency) = 0;
    // Every return of a cycle, by agency id: bounded by the agencies the cycle invited.
    virtual std::vector<AuditReturn> returns_of(PartnershipId partnership, AuditCycleId cycle) = 0;
    // The agency's submitted return in the latest cycle of `kind` that closed before `before`.
    virtual std::optional<EarlierReturn> earlier_return(PartnershipId partnership, AgencyId agency, AuditKind kind, Date before) = 0;
    virtual std::vector<ReturnOrigin> return_origins(PartnershipId partnership, const std::vector<AuditReturnId>& ids) = 0;
    virtual AuditReturnId insert_return(const AuditReturn& r) = 0;
    virtual bool update_return(const AuditReturn& r) = 0;

    // ---- briefings
    virtual std::vector<Briefing> briefings(PartnershipId partnership) = 0;  // newest first
    // The briefings that spread any of these sources, newest first.
    virtual std::vector<Briefing> briefings_for(PartnershipId partnership, const std::vector<LearningSourceId>& sources) = 0;
    virtual BriefingId insert_briefing(const Briefing& b) = 0;
};

}  // namespace assure
