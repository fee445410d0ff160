// How risks and escalations are kept in rows (registers_rows.hpp): what a person records, and
// what core derives from it (scores; stage deadlines and lateness) so SQL can filter and count.
#include "store/sql/registers_rows.hpp"

namespace assure::sql::registers_rows {
namespace {

constexpr const char* kRisks = "risks";
constexpr const char* kEscalations = "escalations";

// A likelihood or impact read back: on the 1 to 5 scale, or the row is not one this version wrote.
int strict_scale(const Statement& q, int i, std::string_view column) {
    const int v = q.integer(i);
    if (v < 1 || v > kRiskScale) unknown_value(kRisks, column, std::to_string(v));
    return v;
}

void bind_flag(Statement& q, int i, const std::optional<bool>& v) {
    if (v) q.bind(i, *v);
    else q.bind_null(i);
}

}  // namespace

const char* const kRiskColumns =
    "SELECT id, partnership_id, title, description, cause, effect, owner_person_id, likelihood_before, impact_before, "
    "likelihood_after, impact_after, controls, raised_on, review_on, status, closed_on, escalated_on, created_at, version, indicator_code "
    "FROM risks ";
const char* const kRiskWritable =
    "title, description, cause, effect, owner_person_id, likelihood_before, impact_before, likelihood_after, impact_after, controls, "
    "raised_on, review_on, status, closed_on, escalated_on, score_before, score_after, indicator_code";
const char* const kRiskPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
const char* const kRiskAssignments =
    "title = ?, description = ?, cause = ?, effect = ?, owner_person_id = ?, likelihood_before = ?, impact_before = ?, "
    "likelihood_after = ?, impact_after = ?, controls = ?, raised_on = ?, review_on = ?, status = ?, closed_on = ?, escalated_on = ?, "
    "score_before = ?, score_after = ?, indicator_code = ?";

Risk read_risk(const Statement& q) {
    Risk r;
    r.id = RiskId{q.int64(0)};
    r.partnership = PartnershipId{q.int64(1)};
    r.title = q.text(2);
    r.description = q.text(3);
    r.cause = q.text(4);
    r.effect = q.text(5);
    r.owner = PersonId{q.int64(6)};
    r.likelihood_before = strict_scale(q, 7, "likelihood_before");
    r.impact_before = strict_scale(q, 8, "impact_before");
    r.likelihood_after = strict_scale(q, 9, "likelihood_after");
    r.impact_after = strict_scale(q, 10, "impact_after");
    r.controls = q.text(11);
    r.raised_on = strict_date(q, 12, kRisks, "raised_on");
    r.review_on = strict_date(q, 13, kRisks, "review_on");
    r.status = strict_enum(kRisks, "status", q.text(14), parse_risk_status);
    r.closed_on = strict_optional_date(q, 15, kRisks, "closed_on");
    r.escalated_on = strict_optional_date(q, 16, kRisks, "escalated_on");
    r.created_at = q.int64(17);
    r.version = q.integer(18);
    // An indicator's code, or none; an empty code is not one this version wrote.
    if (!q.is_null(19)) {
        r.indicator = q.text(19);
        if (r.indicator->empty()) unknown_value(kRisks, "indicator_code", "");
    }
    return r;
}

int bind_risk(Statement& q, const Risk& r) {
    q.bind(1, r.title).bind(2, r.description).bind(3, r.cause).bind(4, r.effect).bind(5, r.owner.value);
    q.bind(6, r.likelihood_before).bind(7, r.impact_before).bind(8, r.likelihood_after).bind(9, r.impact_after).bind(10, r.controls);
    q.bind(11, r.raised_on.iso()).bind(12, r.review_on.iso()).bind(13, risk_status_key(r.status));
    bind_date(q, 14, r.closed_on);
    bind_date(q, 15, r.escalated_on);
    // Core's scores, kept so a band filters and the figures count in SQL.
    q.bind(16, score_before(r)).bind(17, score_after(r));
    if (r.indicator) q.bind(18, *r.indicator);
    else q.bind_null(18);
    return 19;
}

const char* const kEscalationColumns =
    "SELECT id, partnership_id, reference, raised_by_agency_id, raised_by_role, concern, stage1_on, stage2_on, stage3_on, stage4_on, "
    "outcome, closed_on, learning, stage1_due_on, stage2_due_on, stage3_due_on, stage4_due_on, stage1_late, stage2_late, stage3_late, "
    "stage4_late, created_at, version FROM escalations ";
const char* const kEscalationWritable =
    "reference, raised_by_agency_id, raised_by_role, concern, stage1_on, stage2_on, stage3_on, stage4_on, outcome, closed_on, learning, "
    "stage1_due_on, stage2_due_on, stage3_due_on, stage4_due_on, stage1_late, stage2_late, stage3_late, stage4_late, stage, due_on";
const char* const kEscalationPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
const char* const kEscalationAssignments =
    "reference = ?, raised_by_agency_id = ?, raised_by_role = ?, concern = ?, stage1_on = ?, stage2_on = ?, stage3_on = ?, "
    "stage4_on = ?, outcome = ?, closed_on = ?, learning = ?, stage1_due_on = ?, stage2_due_on = ?, stage3_due_on = ?, "
    "stage4_due_on = ?, stage1_late = ?, stage2_late = ?, stage3_late = ?, stage4_late = ?, stage = ?, due_on = ?";

Escalation read_escalation(const Statement& q) {
    static const char* const stage_on[] = {"stage1_on", "stage2_on", "stage3_on", "stage4_on"};
    static const char* const stage_due[] = {"stage1_due_on", "stage2_due_on", "stage3_due_on", "stage4_due_on"};
    static const char* const stage_late[] = {"stage1_late", "stage2_late", "stage3_late", "stage4_late"};
    Escalation e;
    e.id = EscalationId{q.int64(0)};
    e.partnership = PartnershipId{q.int64(1)};
    e.reference = q.text(2);
    e.raised_by = AgencyId{q.int64(3)};
    e.raised_by_role = q.text(4);
    e.concern = q.text(5);
    for (std::size_t k = 0; k < kEscalationStages; ++k) {
        const int i = static_cast<int>(k);
        e.stage_on[k] = strict_optional_date(q, 6 + i, kEscalations, stage_on[k]);
        e.stage_due[k] = strict_optional_date(q, 13 + i, kEscalations, stage_due[k]);
        if (!q.is_null(17 + i)) e.stage_late[k] = strict_flag(q, 17 + i, kEscalations, stage_late[k]);
    }
    e.outcome = strict_enum(kEscalations, "outcome", q.text(10), parse_escalation_outcome);
    e.closed_on = strict_optional_date(q, 11, kEscalations, "closed_on");
    e.learning = q.text(12);
    e.created_at = q.int64(21);
    e.version = q.integer(22);
    return e;
}

int bind_escalation(Statement& q, const Escalation& e) {
    q.bind(1, e.reference).bind(2, e.raised_by.value).bind(3, e.raised_by_role).bind(4, e.concern);
    for (std::size_t k = 0; k < kEscalationStages; ++k) bind_date(q, 5 + static_cast<int>(k), e.stage_on[k]);
    q.bind(9, escalation_outcome_key(e.outcome));
    bind_date(q, 10, e.closed_on);
    q.bind(11, e.learning);
    for (std::size_t k = 0; k < kEscalationStages; ++k) {
        bind_date(q, 12 + static_cast<int>(k), e.stage_due[k]);
        bind_flag(q, 16 + static_cast<int>(k), e.stage_late[k]);
    }
    // The highest stage reached, and while open the day its time runs out, for the overdue filter.
    const int stage = stage_of(e);
    q.bind(20, stage);
    bind_date(q, 21, e.outcome == EscalationOutcome::open ? e.stage_due[static_cast<std::size_t>(stage - 1)] : std::nullopt);
    return 22;
}

}  // namespace assure::sql::registers_rows
