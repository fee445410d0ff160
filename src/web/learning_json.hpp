#pragma once
// The API's JSON for learning records: what GET answers and POST/PUT/PATCH return. Field by
// field with nlohmann's macros; enums travel as their keys. Output only: requests are read
// field by field (web::Body), the store has its own rows and the audit trail its own records.
#include <nlohmann/json.hpp>

#include "core/learning.hpp"

namespace assure {

template <class Tag>
void to_json(nlohmann::json& j, const Id<Tag>& id) {
    j = id.valid() ? nlohmann::json(id.value) : nlohmann::json(nullptr);
}
template <class Tag>
void from_json(const nlohmann::json& j, Id<Tag>& id) {
    id = Id<Tag>{j.is_number_integer() ? j.get<std::int64_t>() : 0};
}
void to_json(nlohmann::json& j, const Date& d);
void from_json(const nlohmann::json& j, Date& d);

NLOHMANN_JSON_SERIALIZE_ENUM(SourceKind, {{SourceKind::practice_review, "practice_review"},
                                          {SourceKind::thematic_audit, "thematic_audit"},
                                          {SourceKind::deep_dive, "deep_dive"},
                                          {SourceKind::single_agency_audit, "single_agency_audit"},
                                          {SourceKind::section_11, "section_11"},
                                          {SourceKind::section_175, "section_175"},
                                          {SourceKind::frontline_visit, "frontline_visit"},
                                          {SourceKind::peer_review, "peer_review"},
                                          {SourceKind::inspection, "inspection"},
                                          {SourceKind::scrutiny, "scrutiny"},
                                          {SourceKind::research, "research"}})
NLOHMANN_JSON_SERIALIZE_ENUM(SourceStatus, {{SourceStatus::planned, "planned"},
                                            {SourceStatus::in_progress, "in_progress"},
                                            {SourceStatus::complete, "complete"}})
NLOHMANN_JSON_SERIALIZE_ENUM(FindingKind, {{FindingKind::good_practice, "good_practice"}, {FindingKind::development, "development"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ActionState, {{ActionState::proposed, "proposed"},
                                           {ActionState::agreed, "agreed"},
                                           {ActionState::in_progress, "in_progress"},
                                           {ActionState::completed, "completed"},
                                           {ActionState::evidenced, "evidenced"},
                                           {ActionState::superseded, "superseded"}})
NLOHMANN_JSON_SERIALIZE_ENUM(EvidenceKind, {{EvidenceKind::output, "output"}, {EvidenceKind::impact, "impact"}})
NLOHMANN_JSON_SERIALIZE_ENUM(AuditKind, {{AuditKind::section_11, "section_11"}, {AuditKind::section_175, "section_175"}})
NLOHMANN_JSON_SERIALIZE_ENUM(GradeScale, {{GradeScale::four_point, "four_point"}, {GradeScale::rag, "rag"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ReturnStatus, {{ReturnStatus::draft, "draft"}, {ReturnStatus::submitted, "submitted"}})
NLOHMANN_JSON_SERIALIZE_ENUM(BriefingKind, {{BriefingKind::seven_minute, "seven_minute"},
                                            {BriefingKind::sixty_minute, "sixty_minute"},
                                            {BriefingKind::newsletter, "newsletter"},
                                            {BriefingKind::event, "event"},
                                            {BriefingKind::website, "website"}})

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Finding, number, kind, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SourceRecommendation, number, text, priority, agencies, review_recommendation)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LearningSource, id, kind, title, on, status, summary, priorities, review, agency,
                                                body, visitor, cases_audited, auditors, voice, findings, recommendations, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EvidenceItem, on, kind, text, link, by)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ActionUpdate, on, by, from, to, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ImprovementAction, id, source, recommendation, audit_return, standard, text, agency,
                                                lead, due, success_measure, group, priority, state, superseded_reason, created_on,
                                                evidence, updates, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AuditStandard, code, title, prompt)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AuditCycle, id, kind, title, opens, closes, scale, standards, invited, closed, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StandardAnswer, code, grade, narrative, evidence, moderated_grade, moderation_note)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SharedOrigin, partnership, partnership_name, source, shared_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SharedCopy, partnership, partnership_name, cycle, copy, shared_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Briefing, id, kind, title, on, audience, link, reached, sources, version)

// A return's optional dates are written as null when unset.
void to_json(nlohmann::json& j, const AuditReturn& r);

}  // namespace assure
