// The risk register's and the escalations register's rules: scores and bands, the heat map,
// stage deadlines in working days, what an entry must keep, and the yearly figures.
#include "core/registers_risks.hpp"

#include "core/register_rules.hpp"

#include <algorithm>

#include "core/names.hpp"
#include "core/text.hpp"

namespace assure {
using register_rules::text_field;
namespace {

constexpr Names<RiskStatus, 2> kRiskStatuses{{{
    {RiskStatus::open, {"open", "Open"}},
    {RiskStatus::closed, {"closed", "Closed"}},
}}};
constexpr Names<RiskBand, 4> kBands{{{
    {RiskBand::low, {"low", "Low"}},
    {RiskBand::medium, {"medium", "Medium"}},
    {RiskBand::high, {"high", "High"}},
    {RiskBand::very_high, {"very_high", "Very high"}},
}}};
constexpr Names<RiskBasis, 2> kBases{{{
    {RiskBasis::before, {"before", "Before controls"}},
    {RiskBasis::after, {"after", "With controls"}},
}}};
constexpr Names<EscalationOutcome, 3> kOutcomes{{{
    {EscalationOutcome::open, {"open", "Open"}},
    {EscalationOutcome::resolved, {"resolved", "Resolved"}},
    {EscalationOutcome::withdrawn, {"withdrawn", "Withdrawn"}},
}}};

void on_or_after(FieldErrors& e, const std::string& field, const std::optional<Date>& d, Date from, const std::string& from_what,
                 Date today, const std::string& what) {
    if (!d) return;
    if (*d < from) e.push_back({field, what + " must be the same as or after " + from_what});
    else if (*d > today) e.push_back({field, what + " must be today or in the past"});
}

void scale(FieldErrors& e, const char* field, int v, const char* what) {
    if (v < 1 || v > kRiskScale) e.push_back({field, std::string(what) + " must be a whole number from 1 to 5"});
}

}  // namespace

ASSURE_REGISTER_NAMES_FROM(RiskStatus, risk_status, kRiskStatuses)
ASSURE_REGISTER_NAMES_FROM(RiskBand, risk_band, kBands)
ASSURE_REGISTER_NAMES_FROM(RiskBasis, risk_basis, kBases)
ASSURE_REGISTER_NAMES_FROM(EscalationOutcome, escalation_outcome, kOutcomes)

// ---- risks ------------------------------------------------------------------------------------

int score_before(const Risk& r) { return r.likelihood_before * r.impact_before; }
int score_after(const Risk& r) { return r.likelihood_after * r.impact_after; }

RiskBand band_of(int score, const RegisterRules& rules) {
    if (score >= rules.risk_very_high_from) return RiskBand::very_high;
    if (score >= rules.risk_high_from) return RiskBand::high;
    if (score >= rules.risk_medium_from) return RiskBand::medium;
    return RiskBand::low;
}

std::pair<int, int> band_scores(RiskBand band, const RegisterRules& rules) {
    switch (band) {
        case RiskBand::low: return {1, rules.risk_medium_from - 1};
        case RiskBand::medium: return {rules.risk_medium_from, rules.risk_high_from - 1};
        case RiskBand::high: return {rules.risk_high_from, rules.risk_very_high_from - 1};
        case RiskBand::very_high: return {rules.risk_very_high_from, kRiskScale * kRiskScale};
    }
    return {1, kRiskScale * kRiskScale};
}

bool review_overdue(const Risk& r, Date today) { return r.status == RiskStatus::open && r.review_on < today; }

FieldErrors validate_risk(const Risk& r, Date today) {
    FieldErrors e;
    text_field(e, "title", r.title, 200, "risk's title", true);
    text_field(e, "description", r.description, 4000, "description", false);
    text_field(e, "cause", r.cause, 2000, "cause", true);
    text_field(e, "effect", r.effect, 2000, "effect", true);
    if (!r.owner.valid()) e.push_back({"owner", "Select the person who owns the risk"});
    scale(e, "likelihood_before", r.likelihood_before, "Likelihood before controls");
    scale(e, "impact_before", r.impact_before, "Impact before controls");
    scale(e, "likelihood_after", r.likelihood_after, "Likelihood with controls");
    scale(e, "impact_after", r.impact_after, "Impact with controls");
    if (e.empty() && score_after(r) > score_before(r)) {
        e.push_back({"likelihood_after", "The score with controls (" + std::to_string(score_after(r)) +
                                             ") cannot be higher than the score before them (" + std::to_string(score_before(r)) + ")"});
    }
    text_field(e, "controls", r.controls, 4000, "controls", false);
    if (r.actions.size() > kMaxRiskActions) e.push_back({"actions", "Link 10 actions or fewer"});
    for (std::size_t i = 1; i < r.actions.size(); ++i) {
        if (r.actions[i] <= r.actions[i - 1]) {
            e.push_back({"actions", "Link each action once"});
            break;
        }
    }
    // Which indicators are the partnership's is asked of its catalogue (risk_indicators.hpp).
    if (r.indicator && (r.indicator->empty() || r.indicator->size() > 64)) {
        e.push_back({"indicator", "Select an indicator from the partnership's dataset"});
    }
    if (r.raised_on > today) e.push_back({"raised_on", "The date the risk was raised must be today or in the past"});
    if (r.review_on < r.raised_on) e.push_back({"review_on", "The review date must be the same as or after the date the risk was raised"});
    if (r.status == RiskStatus::closed && !r.closed_on) e.push_back({"closed_on", "Enter the date the risk was closed"});
    if (r.status == RiskStatus::open && r.closed_on) e.push_back({"closed_on", "Leave the closing date empty while the risk is open"});
    on_or_after(e, "closed_on", r.closed_on, r.raised_on, "the date it was raised", today, "The closing date");
    on_or_after(e, "escalated_on", r.escalated_on, r.raised_on, "the date it was raised", today, "The date escalated to the partners");
    return e;
}

std::vector<std::vector<HeatCell>> heat_map(const RiskGrid& grid, const RegisterRules& rules) {
    std::vector<std::vector<HeatCell>> rows;
    for (int impact = kRiskScale; impact >= 1; --impact) {
        std::vector<HeatCell> row;
        for (int likelihood = 1; likelihood <= kRiskScale; ++likelihood) {
            const auto it = grid.find({likelihood, impact});
            const int score = likelihood * impact;
            row.push_back({likelihood, impact, score, it == grid.end() ? 0 : it->second, band_of(score, rules)});
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

RiskFigures risk_figures(FinancialYear year, const RiskCounts& counts, const RegisterRules& rules) {
    RiskFigures f;
    f.year = year;
    f.counts = counts;
    const auto bands = [&](const std::map<int, int>& by_score) {
        std::vector<std::pair<RiskBand, int>> out;
        for (RiskBand b : all_risk_bands()) out.emplace_back(b, 0);
        for (const auto& [score, n] : by_score) out[static_cast<std::size_t>(band_of(score, rules))].second += n;
        return out;
    };
    f.by_band_before = bands(counts.open_by_score_before);
    f.by_band_after = bands(counts.open_by_score_after);
    return f;
}

// ---- escalations ----------------------------------------------------------------------------

int stage_of(const Escalation& e) {
    int stage = 1;
    for (int k = 0; k < kEscalationStages; ++k) {
        if (e.stage_on[static_cast<std::size_t>(k)]) stage = k + 1;
    }
    return stage;
}

int stage_working_days(int stage, const RegisterRules& rules) {
    switch (stage) {
        case 1: return rules.escalation_stage1_working_days;
        case 2: return rules.escalation_stage2_working_days;
        case 3: return rules.escalation_stage3_working_days;
        default: return rules.escalation_stage4_working_days;
    }
}

std::string_view stage_label(int stage) {
    switch (stage) {
        case 1: return "Stage 1: practitioners";
        case 2: return "Stage 2: managers";
        case 3: return "Stage 3: senior managers";
        default: return "Stage 4: the partnership";
    }
}

void derive_timescales(Escalation& e, const RegisterRules& rules, const WorkingCalendar& calendar) {
    for (std::size_t k = 0; k < kEscalationStages; ++k) {
        e.stage_due[k].reset();
        e.stage_late[k].reset();
        if (!e.stage_on[k]) continue;
        e.stage_due[k] = calendar.add_working_days(*e.stage_on[k], stage_working_days(static_cast<int>(k) + 1, rules));
        // A stage ends when the next is reached, or when the escalation is resolved or withdrawn.
        std::optional<Date> ended = k + 1 < kEscalationStages ? e.stage_on[k + 1] : std::nullopt;
        if (!ended && e.outcome != EscalationOutcome::open) ended = e.closed_on;
        if (ended) e.stage_late[k] = *ended > *e.stage_due[k];
    }
}

bool escalation_overdue(const Escalation& e, Date today) {
    if (e.outcome != EscalationOutcome::open) return false;
    const auto& due = e.stage_due[static_cast<std::size_t>(stage_of(e) - 1)];
    return due && today > *due;
}

FieldErrors validate_escalation(const Escalation& e, Date today) {
    FieldErrors errors;
    text_field(errors, "reference", e.reference, 40, "reference (not a name)", true);
    if (!e.raised_by.valid()) errors.push_back({"raised_by", "Select the agency of the practitioner who raised it"});
    text_field(errors, "raised_by_role", e.raised_by_role, 120, "role of the practitioner who raised it", true);
    if (e.agencies.empty()) errors.push_back({"agencies", "Select the other agencies in the disagreement"});
    for (std::size_t i = 0; i < e.agencies.size(); ++i) {
        if (e.agencies[i] == e.raised_by) {
            errors.push_back({"agencies", "Select only the other agencies: the raising agency is recorded already"});
            break;
        }
        if (i > 0 && e.agencies[i] <= e.agencies[i - 1]) {
            errors.push_back({"agencies", "Select each agency once"});
            break;
        }
    }
    text_field(errors, "concern", e.concern, 2000, "what the disagreement is about", true);
    if (!e.stage_on[0]) {
        errors.push_back({"stage1_on", "Enter the date it was raised (stage 1)"});
    } else if (*e.stage_on[0] > today) {
        errors.push_back({"stage1_on", "The date it was raised must be today or in the past"});
    }
    std::optional<Date> last = e.stage_on[0];
    for (std::size_t k = 1; k < kEscalationStages; ++k) {
        const std::string field = "stage" + std::to_string(k + 1) + "_on";
        if (!e.stage_on[k]) continue;
        if (!e.stage_on[k - 1]) {
            errors.push_back({field, "Enter the date stage " + std::to_string(k) + " was reached first: stages are reached in order"});
            continue;
        }
        on_or_after(errors, field, e.stage_on[k], *e.stage_on[k - 1], "the date stage " + std::to_string(k) + " was reached", today,
                    "The date stage " + std::to_string(k + 1) + " was reached");
        last = e.stage_on[k];
    }
    if (e.outcome == EscalationOutcome::open && e.closed_on) {
        errors.push_back({"closed_on", "Leave the closing date empty while the escalation is open"});
    }
    if (e.outcome != EscalationOutcome::open) {
        if (!e.closed_on) errors.push_back({"closed_on", "Enter the date it was " + std::string(escalation_outcome_key(e.outcome))});
        else if (last) on_or_after(errors, "closed_on", e.closed_on, *last, "the date its last stage was reached", today, "The closing date");
    }
    text_field(errors, "learning", e.learning, 4000, "learning", false);
    return errors;
}

EscalationFigures escalation_figures(FinancialYear year, const EscalationCounts& c, const std::map<AgencyId, std::string>& names) {
    EscalationFigures f;
    f.year = year;
    f.counts = c;
    for (int k = 0; k < kEscalationStages; ++k) {
        const auto i = static_cast<std::size_t>(k);
        StageFigure s{k + 1, c.reached[i], c.resolved[i], c.ended[i], c.late[i], percent(c.ended[i] - c.late[i], c.ended[i])};
        f.resolved += c.resolved[i];
        f.stages.push_back(s);
    }
    std::map<AgencyId, AgencyLine> lines;
    for (const auto& [agency, n] : c.raised_by_agency) lines[agency].raised = n;
    for (const auto& [agency, n] : c.involving_agency) lines[agency].involved = n;
    for (auto& [agency, line] : lines) {
        line.agency = agency;
        const auto it = names.find(agency);
        line.name = it == names.end() ? "Agency " + agency.str() : it->second;
        f.agencies.push_back(line);
    }
    std::stable_sort(f.agencies.begin(), f.agencies.end(), [](const AgencyLine& a, const AgencyLine& b) {
        if (a.raised != b.raised) return a.raised > b.raised;
        return a.name < b.name;
    });
    return f;
}

}  // namespace assure
