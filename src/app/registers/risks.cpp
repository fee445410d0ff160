// The risk register: record and amend a risk (its owner a person of the partnership, its linked
// actions in the partnership's action plan), list it with its bands, the heat map of open risks,
// and a year's figures. Not need-to-know about people: reads are not logged.
#include <algorithm>

#include "app/registers.hpp"
#include "app/registers/internal.hpp"
#include "app/risk_indicators.hpp"
#include "core/fields.hpp"
#include "core/risk_indicators.hpp"

namespace assure {

using namespace registers_detail;

namespace {

constexpr const char* kType = "risk";

// A likelihood or impact as typed: a whole number, which core then holds to 1 to 5.
int scale_field(FieldErrors& e, const std::string& field, const std::string& raw, const std::string& what) {
    const auto v = to_int(trim(raw));
    if (!v || *v < 1 || *v > kRiskScale) {
        e.push_back({field, what + " must be a whole number from 1 to 5"});
        return 0;
    }
    return static_cast<int>(*v);
}

Risk risk_from(const RiskInput& in, Date today, Risk r) {
    FieldErrors e;
    r.title = trim(in.title);
    r.description = trim(in.description);
    r.cause = trim(in.cause);
    r.effect = trim(in.effect);
    r.controls = trim(in.controls);
    const auto owner = to_int(trim(in.owner));
    r.owner = PersonId{owner && *owner > 0 ? *owner : 0};
    if (!trim(in.owner).empty() && !r.owner.valid()) e.push_back({"owner", "Select the person who owns the risk from the list"});
    r.likelihood_before = scale_field(e, "likelihood_before", in.likelihood_before, "Likelihood before controls");
    r.impact_before = scale_field(e, "impact_before", in.impact_before, "Impact before controls");
    r.likelihood_after = scale_field(e, "likelihood_after", in.likelihood_after, "Likelihood with controls");
    r.impact_after = scale_field(e, "impact_after", in.impact_after, "Impact with controls");
    r.actions.clear();
    for (const auto& raw : in.actions) {
        const auto id = to_int(trim(raw));
        if (!id || *id <= 0) {
            e.push_back({"actions", "Enter action numbers from the action plan, for example 12, 15"});
            break;
        }
        r.actions.push_back(ImprovementId{*id});
    }
    std::sort(r.actions.begin(), r.actions.end());
    if (auto d = date_field(e, "raised_on", in.raised_on, "the date the risk was raised", true)) r.raised_on = *d;
    if (auto d = date_field(e, "review_on", in.review_on, "the date of the next review", true)) r.review_on = *d;
    if (auto v = enum_field(e, "status", in.status.empty() ? std::string("open") : in.status, parse_risk_status,
                            "Select whether the risk is open or closed", true)) {
        r.status = *v;
    }
    r.closed_on = date_field(e, "closed_on", in.closed_on, "the date the risk was closed", false);
    r.escalated_on = date_field(e, "escalated_on", in.escalated_on, "the date the risk was escalated to the partners", false);
    const std::string indicator = trim(in.indicator);
    r.indicator = indicator.empty() ? std::nullopt : std::optional<std::string>(indicator);
    if (e.empty()) e = validate_risk(r, today);
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return r;
}

// The owner, every linked action and the indicator it was raised from must be the
// partnership's: asked in the write transaction.
void check_links(Transaction& tx, const Risk& r) {
    FieldErrors e;
    const auto owner = tx.people().find(r.partnership, r.owner);
    if (!owner) e.push_back({"owner", "Select the person who owns the risk from the partnership's directory"});
    for (const auto action : r.actions) {
        if (!tx.learning().find_improvement(r.partnership, action)) {
            e.push_back({"actions", "There is no action " + action.str() + " in the partnership's action plan"});
            break;
        }
    }
    for (auto& error : check_risk_indicator(r.indicator, partnership_catalogue(tx, r.partnership))) e.push_back(std::move(error));
    if (!e.empty()) throw Failure::invalid(std::move(e));
}

Risk load(Transaction& tx, const Actor& actor, RiskId id) {
    auto r = tx.registers().find_risk(actor.partnership, id);
    if (!r) throw Failure::not_found("risk " + id.str());
    return *r;
}

}  // namespace

Risk record_risk(Services& s, const Actor& actor, const RiskInput& input) {
    require(actor, Permission::manage_registers);
    Risk r;
    r.partnership = actor.partnership;
    r.created_at = s.clock.now();
    r = risk_from(input, london_today(s), r);
    s.store.write([&](Transaction& tx) {
        check_links(tx, r);
        r.id = tx.registers().insert_risk(r);
        record_audit(tx, actor, r.created_at, "risk.create", kType, r.id.str(), "", risk_audit_json(r));
    });
    return r;
}

Risk update_risk(Services& s, const Actor& actor, RiskId id, int expected_version, const RiskInput& input) {
    require(actor, Permission::manage_registers);
    Risk after;
    s.store.write([&](Transaction& tx) {
        const Risk before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("risk");
        after = risk_from(input, london_today(s), before);
        check_links(tx, after);
        if (!tx.registers().update_risk(after)) throw Failure::stale("risk");
        after.version = before.version + 1;
        record_audit(tx, actor, s.clock.now(), "risk.update", kType, id.str(), risk_audit_json(before), risk_audit_json(after));
    });
    return after;
}

RisksShown list_risks(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_risks);
    FieldErrors e;
    RiskQuery q;
    q.partnership = actor.partnership;
    q.year = optional_year(e, filter.year);
    q.status = enum_field(e, "status", filter.status, parse_risk_status, "Select open or closed", false);
    const auto band = enum_field(e, "band", filter.band, parse_risk_band, "Select a band from the list", false);
    if (!trim(filter.owner).empty()) {
        const auto owner = to_int(trim(filter.owner));
        if (owner && *owner > 0) q.owner = PersonId{*owner};
        else e.push_back({"owner", "Select an owner from the list"});
    }
    const auto yes = [&](const char* field, const std::string& raw) {
        const std::string t = trim(raw);
        if (!t.empty() && t != "yes") e.push_back({field, "Leave empty or choose yes"});
        return t == "yes";
    };
    const bool overdue = yes("review_overdue", filter.review_overdue);
    q.escalated = yes("escalated", filter.escalated);
    q.text = trim(filter.text);
    q.page = page;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    if (overdue) q.review_overdue_on = london_today(s);
    RisksShown out;
    s.store.read([&](Transaction& tx) {
        out.rules = rules_of(tx, actor.partnership).registers;
        if (band) q.score_after = band_scores(*band, out.rules);
        out.risks = tx.registers().risks(q);
        std::vector<PersonId> owners;
        for (const auto& r : out.risks.items) owners.push_back(r.owner);
        std::sort(owners.begin(), owners.end());
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
        out.owners = tx.people().names(actor.partnership, owners);
    });
    return out;
}

RiskShown read_risk(Services& s, const Actor& actor, RiskId id) {
    require(actor, Permission::view_risks);
    RiskShown out;
    s.store.read([&](Transaction& tx) {
        out.risk = load(tx, actor, id);
        out.rules = rules_of(tx, actor.partnership).registers;
        const auto names = tx.people().names(actor.partnership, {out.risk.owner});
        out.owner = names.empty() ? std::string() : names.begin()->second;
        // At most kMaxRiskActions, each found by its key.
        for (const auto action : out.risk.actions) {
            if (auto a = tx.learning().find_improvement(actor.partnership, action)) out.actions.push_back({a->id, a->text, a->state, a->due});
        }
    });
    return out;
}

RiskHeatMap risk_heat_map(Services& s, const Actor& actor, const std::string& basis) {
    require(actor, Permission::view_risks);
    FieldErrors e;
    RiskHeatMap out;
    if (auto b = enum_field(e, "basis", basis, parse_risk_basis, "Choose before or with controls", false)) out.basis = *b;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    RiskGrid grid;
    s.store.read([&](Transaction& tx) {
        out.rules = rules_of(tx, actor.partnership).registers;
        grid = tx.registers().risk_grid(actor.partnership, out.basis);
    });
    out.rows = heat_map(grid, out.rules);
    for (const auto& [cell, n] : grid) out.open += n;
    return out;
}

RiskFigures risk_year_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_risks);
    RiskCounts counts;
    RegisterRules rules;
    s.store.read([&](Transaction& tx) {
        counts = tx.registers().count_risks(actor.partnership, year);
        rules = rules_of(tx, actor.partnership).registers;
    });
    return risk_figures(year, counts, rules);
}

}  // namespace assure
