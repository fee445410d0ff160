#pragma once
// Rows of the learning tables <-> core learning types. The mapping is the store's own and
// strict: a stored value this version does not know is an error naming its table and column.
// Each reader takes a statement whose columns are the matching k…Columns, in that order.
#include <string>

#include "core/learning.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql::learning_rows {

inline constexpr const char* kSourceColumns =
    "s.id, s.partnership_id, s.kind, s.on_date, s.title, s.status, s.summary, s.review_id, s.agency_id, s.detail_json, s.version";
inline constexpr const char* kActionColumns =
    "a.id, a.partnership_id, a.source_id, a.recommendation, a.audit_return_id, a.standard, a.text, a.agency_id, a.lead_id, a.due, "
    "a.success_measure, a.group_id, a.priority, a.state, a.superseded_reason, a.created_on, a.detail_json, a.version";
inline constexpr const char* kCycleColumns =
    "c.id, c.partnership_id, c.kind, c.title, c.opens, c.closes, c.scale, c.closed, c.detail_json, c.version";
inline constexpr const char* kReturnColumns =
    "r.id, r.cycle_id, r.partnership_id, r.agency_id, r.status, r.submitted_on, r.submitted_by, r.challenge_notes, "
    "r.moderated_on, r.shared_from_partnership_id, r.shared_from_return_id, r.shared_from_on, r.detail_json, r.version";
inline constexpr const char* kBriefingColumns = "b.id, b.partnership_id, b.kind, b.title, b.on_date, b.audience, b.link, b.reached, b.version";
constexpr int kCycleColumnCount = 10;  // where a return's columns start after a cycle's

// A source without its priorities and recommendations (child tables, read by the repository).
LearningSource source_of(const Statement& q);
std::string source_detail(const LearningSource& s);
SourceRecommendation recommendation_of(const Statement& q, int first);  // number, text, priority, agency_ids, review_recommendation_id
std::string agency_ids_text(const std::vector<AgencyId>& ids);

ImprovementAction action_of(const Statement& q);
std::string action_detail(const ImprovementAction& a);
// The latest day anything was recorded on the action (its "stale" clock) and whether any
// evidence shows impact: columns, so lists and figures need not read the detail.
Date last_recorded_on(const ImprovementAction& a);

AuditCycle cycle_of(const Statement& q, int first = 0);
std::string cycle_detail(const AuditCycle& c);

AuditReturn return_of(const Statement& q, int first = 0);
std::string return_detail(const AuditReturn& r);

// A briefing without its sources (a child table).
Briefing briefing_of(const Statement& q);

// Keys as stored.
std::string key(SourceKind k);
std::string key(SourceStatus s);
std::string key(ActionState s);
std::string key(AuditKind k);
std::string key(GradeScale s);
std::string key(ReturnStatus s);
std::string key(BriefingKind k);

}  // namespace assure::sql::learning_rows
