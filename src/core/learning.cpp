// Keys, labels and the validation of learning sources, findings, recommendations and
// briefings. Each refusal names the field and says what to do.
#include "core/learning.hpp"

#include <algorithm>

#include "core/fields.hpp"
#include "core/names.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr Names<SourceKind, 11> kSourceKinds{{{
    {SourceKind::practice_review, {"practice_review", "Child safeguarding practice review"}},
    {SourceKind::thematic_audit, {"thematic_audit", "Multi-agency thematic audit"}},
    {SourceKind::deep_dive, {"deep_dive", "Deep dive"}},
    {SourceKind::single_agency_audit, {"single_agency_audit", "Single-agency audit"}},
    {SourceKind::section_11, {"section_11", "Section 11 audit"}},
    {SourceKind::section_175, {"section_175", "Section 175 audit"}},
    {SourceKind::frontline_visit, {"frontline_visit", "Frontline visit"}},
    {SourceKind::peer_review, {"peer_review", "Peer review"}},
    {SourceKind::inspection, {"inspection", "Inspection"}},
    {SourceKind::scrutiny, {"scrutiny", "Independent scrutiny"}},
    {SourceKind::research, {"research", "Research"}},
}}};
constexpr Names<SourceStatus, 3> kSourceStatuses{{{
    {SourceStatus::planned, {"planned", "Planned"}},
    {SourceStatus::in_progress, {"in_progress", "In progress"}},
    {SourceStatus::complete, {"complete", "Complete"}},
}}};
constexpr Names<FindingKind, 2> kFindingKinds{{{
    {FindingKind::good_practice, {"good_practice", "Good practice"}},
    {FindingKind::development, {"development", "Area for development"}},
}}};
constexpr Names<ActionState, 6> kActionStates{{{
    {ActionState::proposed, {"proposed", "Proposed"}},
    {ActionState::agreed, {"agreed", "Agreed"}},
    {ActionState::in_progress, {"in_progress", "In progress"}},
    {ActionState::completed, {"completed", "Completed, awaiting evidence"}},
    {ActionState::evidenced, {"evidenced", "Evidenced and signed off"}},
    {ActionState::superseded, {"superseded", "Superseded"}},
}}};
constexpr Names<EvidenceKind, 2> kEvidenceKinds{{{
    {EvidenceKind::output, {"output", "What was done"}},
    {EvidenceKind::impact, {"impact", "Evidence of impact"}},
}}};
constexpr Names<AuditKind, 2> kAuditKinds{{{
    {AuditKind::section_11, {"section_11", "Section 11"}},
    {AuditKind::section_175, {"section_175", "Section 175"}},
}}};
constexpr Names<GradeScale, 2> kGradeScales{{{
    {GradeScale::four_point, {"four_point", "Grades 1 to 4"}},
    {GradeScale::rag, {"rag", "Red, amber, green"}},
}}};
constexpr Names<ReturnStatus, 2> kReturnStatuses{{{
    {ReturnStatus::draft, {"draft", "Draft"}},
    {ReturnStatus::submitted, {"submitted", "Submitted"}},
}}};
constexpr Names<BriefingKind, 5> kBriefingKinds{{{
    {BriefingKind::seven_minute, {"seven_minute", "7-minute briefing"}},
    {BriefingKind::sixty_minute, {"sixty_minute", "60-minute briefing"}},
    {BriefingKind::newsletter, {"newsletter", "Newsletter"}},
    {BriefingKind::event, {"event", "Learning event"}},
    {BriefingKind::website, {"website", "Website"}},
}}};

// Each chosen agency of the partnership; an error for any other.
std::vector<AgencyId> agency_list(FieldErrors& errors, const std::string& field, const std::vector<std::string>& ids,
                                  const std::vector<Agency>& agencies) {
    std::vector<AgencyId> out;
    for (const auto& raw : ids) {
        const auto a = agency_choice(errors, field, trim(raw), agencies, "Select agencies of this partnership");
        if (!a) return {};
        if (a->valid() && std::find(out.begin(), out.end(), *a) == out.end()) out.push_back(*a);
    }
    return out;
}

}  // namespace

std::vector<AuditStandard> LearningRules::default_section_11() {
    return {{"1", "Senior management commitment", "Senior managers lead a culture that puts safeguarding children first."},
            {"2", "Clear statement of responsibilities", "The agency's responsibilities towards children are stated and known to staff."},
            {"3", "Line of accountability", "A clear line of accountability for safeguarding runs to the board or equivalent."},
            {"4", "Service development informed by children's views", "Services are shaped by what children and families say."},
            {"5", "Staff training", "Staff are trained to the level their role needs and the impact is measured."},
            {"6", "Safer recruitment", "Safer recruitment, vetting and managing allegations are in place."},
            {"7", "Inter-agency working", "Staff work with other agencies and use the partnership's procedures."},
            {"8", "Information sharing", "Information is shared promptly and lawfully to keep children safe."}};
}

std::vector<AuditStandard> LearningRules::default_section_175() {
    return {{"1", "Leadership and management", "Governors and leaders make safeguarding a whole-school priority."},
            {"2", "Designated safeguarding lead", "A trained DSL and deputies with the time and authority to act."},
            {"3", "Policies and procedures", "A child protection policy that follows KCSIE and local procedures."},
            {"4", "Training and induction", "All staff trained at induction and updated at least yearly."},
            {"5", "Safer recruitment", "The single central record complete; a trained panel member on every appointment."},
            {"6", "Allegations against staff", "Concerns about staff are referred to the LADO and recorded."},
            {"7", "Online safety", "Filtering, monitoring and teaching keep pupils safe online."},
            {"8", "Children potentially at greater risk", "Children with a social worker, SEND or missing education are known and supported."},
            {"9", "Records and information sharing", "Concerns recorded, records transferred and information shared."}};
}

std::optional<std::string> known_priority(const LearningRules& rules, std::string_view text) {
    const std::string t = lower(trim(text));
    for (const auto& p : rules.priorities) if (lower(p) == t) return p;
    return std::nullopt;
}

FieldErrors validate_source(const SourceInput& in, const LearningRules& rules, const std::vector<Agency>& agencies,
                            LearningSource& out) {
    FieldErrors errors;
    const auto kind = parse_source_kind(trim(in.kind));
    if (!kind) errors.push_back({"kind", "Select the kind of learning"});
    else out.kind = *kind;
    out.title = trim(in.title);
    if (out.title.empty()) errors.push_back({"title", "Enter a title"});
    check_length(errors, "title", out.title, 200, "Title");
    if (auto d = date_field(errors, "on", in.on, "the date", true)) out.on = *d;
    const auto status = parse_source_status(trim(in.status));
    if (!status) errors.push_back({"status", "Select planned, in progress or complete"});
    else out.status = *status;
    out.summary = trim(in.summary);
    check_length(errors, "summary", out.summary, 5000, "Summary");
    out.priorities.clear();
    for (const auto& p : in.priorities) {
        const auto known = known_priority(rules, p);
        if (!known) {
            errors.push_back({"priorities", "Select priorities from the partnership's list"});
            break;
        }
        if (std::find(out.priorities.begin(), out.priorities.end(), *known) == out.priorities.end()) out.priorities.push_back(*known);
    }
    const std::string review = trim(in.review_id);
    out.review = CaseId{};
    if (!review.empty() && review != "none") {
        const auto v = to_int(review);
        if (!v || *v <= 0) errors.push_back({"review_id", "Select the review this learning came from"});
        else out.review = CaseId{*v};
    }
    if (auto a = agency_choice(errors, "agency_id", trim(in.agency_id), agencies, "Select an agency of this partnership")) out.agency = *a;
    if (kind == SourceKind::single_agency_audit && !out.agency.valid()) {
        errors.push_back({"agency_id", "Select the agency whose audit this is"});
    }
    out.body = trim(in.body);
    check_length(errors, "body", out.body, 200, "Who carried it out");
    out.visitor = trim(in.visitor);
    check_length(errors, "visitor", out.visitor, 200, "Visitor");
    if (kind == SourceKind::frontline_visit && out.visitor.empty()) errors.push_back({"visitor", "Enter who made the visit"});
    out.cases_audited = 0;
    if (const std::string n = trim(in.cases_audited); !n.empty()) {
        const auto v = to_int(n);
        if (!v || *v < 0 || *v > 10000) errors.push_back({"cases_audited", "Enter the number of cases audited as a whole number"});
        else out.cases_audited = static_cast<int>(*v);
    }
    out.auditors = agency_list(errors, "auditor_ids", in.auditor_ids, agencies);
    out.voice = trim(in.voice);
    check_length(errors, "voice", out.voice, 5000, "Feedback from children, families and professionals");
    return errors;
}

FieldErrors validate_finding(const std::string& kind, const std::string& text, Finding& out) {
    FieldErrors errors;
    const auto k = parse_finding_kind(trim(kind));
    if (!k) errors.push_back({"finding_kind", "Select good practice or area for development"});
    else out.kind = *k;
    out.text = trim(text);
    if (out.text.empty()) errors.push_back({"finding", "Enter the finding"});
    check_length(errors, "finding", out.text, 2000, "Finding");
    return errors;
}

FieldErrors validate_recommendation(const std::string& text, const std::string& priority,
                                    const std::vector<std::string>& agency_ids, const LearningRules& rules,
                                    const std::vector<Agency>& agencies, SourceRecommendation& out) {
    FieldErrors errors;
    out.text = trim(text);
    if (out.text.empty()) errors.push_back({"recommendation", "Enter the recommendation"});
    check_length(errors, "recommendation", out.text, 2000, "Recommendation");
    out.priority.clear();
    if (const std::string p = trim(priority); !p.empty() && p != "none") {
        if (auto known = known_priority(rules, p)) out.priority = *known;
        else errors.push_back({"priority", "Select a priority from the partnership's list"});
    }
    out.agencies = agency_list(errors, "agency_ids", agency_ids, agencies);
    return errors;
}

FieldErrors validate_briefing(const BriefingInput& in, const std::vector<LearningSourceId>& known_sources, Briefing& out) {
    FieldErrors errors;
    const auto kind = parse_briefing_kind(trim(in.kind));
    if (!kind) errors.push_back({"kind", "Select the kind of briefing"});
    else out.kind = *kind;
    out.title = trim(in.title);
    if (out.title.empty()) errors.push_back({"title", "Enter a title"});
    check_length(errors, "title", out.title, 200, "Title");
    if (auto d = date_field(errors, "on", in.on, "the date", true)) out.on = *d;
    out.audience = trim(in.audience);
    if (out.audience.empty()) errors.push_back({"audience", "Enter who it was for"});
    check_length(errors, "audience", out.audience, 200, "Audience");
    out.link = trim(in.link);
    if (!out.link.empty() && out.link.rfind("https://", 0) != 0 && out.link.rfind("http://", 0) != 0) {
        errors.push_back({"link", "Enter a web address starting https://"});
    }
    out.reached = 0;
    if (const std::string n = trim(in.reached); !n.empty()) {
        const auto v = to_int(n);
        if (!v || *v < 0 || *v > 1000000) errors.push_back({"reached", "Enter how many people it reached as a whole number"});
        else out.reached = static_cast<int>(*v);
    }
    out.sources.clear();
    for (const auto& raw : in.source_ids) {
        const auto v = to_int(trim(raw));
        if (!v || std::find(known_sources.begin(), known_sources.end(), LearningSourceId{*v}) == known_sources.end()) {
            errors.push_back({"source_ids", "Select the learning it spreads from the list"});
            break;
        }
        out.sources.push_back(LearningSourceId{*v});
    }
    if (out.sources.empty() && errors.empty()) errors.push_back({"source_ids", "Select the learning it spreads"});
    return errors;
}

std::string_view source_kind_key(SourceKind k) { return kSourceKinds.key(k); }
std::string_view source_kind_label(SourceKind k) { return kSourceKinds.label(k); }
std::optional<SourceKind> parse_source_kind(std::string_view key) { return kSourceKinds.parse(key); }
const std::vector<SourceKind>& all_source_kinds() {
    static const auto all = kSourceKinds.values();
    return all;
}
std::string_view source_status_key(SourceStatus s) { return kSourceStatuses.key(s); }
std::string_view source_status_label(SourceStatus s) { return kSourceStatuses.label(s); }
std::optional<SourceStatus> parse_source_status(std::string_view key) { return kSourceStatuses.parse(key); }
std::string_view finding_kind_key(FindingKind k) { return kFindingKinds.key(k); }
std::string_view finding_kind_label(FindingKind k) { return kFindingKinds.label(k); }
std::optional<FindingKind> parse_finding_kind(std::string_view key) { return kFindingKinds.parse(key); }
std::string_view action_state_key(ActionState s) { return kActionStates.key(s); }
std::string_view action_state_label(ActionState s) { return kActionStates.label(s); }
std::optional<ActionState> parse_action_state(std::string_view key) { return kActionStates.parse(key); }
const std::vector<ActionState>& all_action_states() {
    static const auto all = kActionStates.values();
    return all;
}
std::string_view evidence_kind_key(EvidenceKind k) { return kEvidenceKinds.key(k); }
std::string_view evidence_kind_label(EvidenceKind k) { return kEvidenceKinds.label(k); }
std::optional<EvidenceKind> parse_evidence_kind(std::string_view key) { return kEvidenceKinds.parse(key); }
std::string_view audit_kind_key(AuditKind k) { return kAuditKinds.key(k); }
std::string_view audit_kind_label(AuditKind k) { return kAuditKinds.label(k); }
std::optional<AuditKind> parse_audit_kind(std::string_view key) { return kAuditKinds.parse(key); }
std::string_view grade_scale_key(GradeScale s) { return kGradeScales.key(s); }
std::string_view grade_scale_label(GradeScale s) { return kGradeScales.label(s); }
std::optional<GradeScale> parse_grade_scale(std::string_view key) { return kGradeScales.parse(key); }
std::string_view return_status_key(ReturnStatus s) { return kReturnStatuses.key(s); }
std::string_view return_status_label(ReturnStatus s) { return kReturnStatuses.label(s); }
std::optional<ReturnStatus> parse_return_status(std::string_view key) { return kReturnStatuses.parse(key); }
std::string_view briefing_kind_key(BriefingKind k) { return kBriefingKinds.key(k); }
std::string_view briefing_kind_label(BriefingKind k) { return kBriefingKinds.label(k); }
std::optional<BriefingKind> parse_briefing_kind(std::string_view key) { return kBriefingKinds.parse(key); }
const std::vector<BriefingKind>& all_briefing_kinds() {
    static const auto all = kBriefingKinds.values();
    return all;
}
std::string_view trend_label(Trend t) {
    switch (t) {
        case Trend::better: return "Better";
        case Trend::same: return "The same";
        case Trend::worse: return "Worse";
        case Trend::new_standard: return "New";
    }
    return "";
}

}  // namespace assure
