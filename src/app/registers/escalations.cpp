// Escalations and professional disagreements: record and amend one (stage dates in order, the
// agencies the partnership's own), list and read them (need-to-know, every read logged), and a
// year's figures by stage and by agency. Each stage's deadline in working days is worked out
// by core from the partnership's timescales when the escalation is written.
#include <algorithm>

#include "app/registers.hpp"
#include "app/registers/internal.hpp"
#include "core/fields.hpp"

namespace assure {

using namespace registers_detail;

namespace {

constexpr const char* kType = "escalation";

AgencyId agency_id(FieldErrors& e, const std::string& field, const std::string& raw, const std::string& message) {
    const std::string t = trim(raw);
    if (t.empty()) return AgencyId{};
    const auto v = to_int(t);
    if (!v || *v <= 0) {
        e.push_back({field, message});
        return AgencyId{};
    }
    return AgencyId{*v};
}

Escalation escalation_from(const EscalationInput& in, Date today, Escalation x) {
    FieldErrors e;
    x.reference = trim(in.reference);
    x.raised_by = agency_id(e, "raised_by", in.raised_by, "Select the agency of the practitioner who raised it from the list");
    x.raised_by_role = trim(in.raised_by_role);
    x.agencies.clear();
    for (const auto& raw : in.agencies) {
        const AgencyId a = agency_id(e, "agencies", raw, "Select the agencies from the list");
        if (a.valid()) x.agencies.push_back(a);
    }
    std::sort(x.agencies.begin(), x.agencies.end());
    x.concern = trim(in.concern);
    const std::string* stages[] = {&in.stage1_on, &in.stage2_on, &in.stage3_on, &in.stage4_on};
    for (std::size_t k = 0; k < kEscalationStages; ++k) {
        const std::string n = std::to_string(k + 1);
        x.stage_on[k] = date_field(e, "stage" + n + "_on", *stages[k], "the date stage " + n + " was reached", false);
    }
    if (auto v = enum_field(e, "outcome", in.outcome.empty() ? std::string("open") : in.outcome, parse_escalation_outcome,
                            "Select whether it is open, resolved or withdrawn", true)) {
        x.outcome = *v;
    }
    x.closed_on = date_field(e, "closed_on", in.closed_on, "the date it was resolved or withdrawn", false);
    x.learning = trim(in.learning);
    if (e.empty()) e = validate_escalation(x, today);
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return x;
}

std::vector<AgencyId> agencies_named(const Escalation& x) {
    std::vector<AgencyId> ids = x.agencies;
    ids.push_back(x.raised_by);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// Asked in the write transaction: the agencies are the partnership's, the reference is free;
// then the stages' deadlines from the partnership's timescales.
void check_and_derive(Services& s, Transaction& tx, Escalation& x) {
    FieldErrors e;
    const auto names = tx.agencies().names(x.partnership, agencies_named(x));
    if (!names.count(x.raised_by)) e.push_back({"raised_by", "Select the raising agency from the partnership's directory"});
    for (const auto a : x.agencies) {
        if (!names.count(a)) {
            e.push_back({"agencies", "Select the agencies from the partnership's directory"});
            break;
        }
    }
    if (tx.registers().escalation_reference_taken(x.partnership, x.reference, x.id)) {
        e.push_back({"reference", "An escalation with this reference is already recorded: check the reference"});
    }
    if (!e.empty()) throw Failure::invalid(std::move(e));
    derive_timescales(x, rules_of(tx, x.partnership).registers, s.calendar);
}

Escalation load(Transaction& tx, const Actor& actor, EscalationId id) {
    auto x = tx.registers().find_escalation(actor.partnership, id);
    if (!x) throw Failure::not_found("escalation " + id.str());
    return *x;
}

}  // namespace

Escalation record_escalation(Services& s, const Actor& actor, const EscalationInput& input) {
    require(actor, Permission::manage_registers);
    Escalation x;
    x.partnership = actor.partnership;
    x.created_at = s.clock.now();
    x = escalation_from(input, london_today(s), x);
    s.store.write([&](Transaction& tx) {
        check_and_derive(s, tx, x);
        x.id = tx.registers().insert_escalation(x);
        record_audit(tx, actor, x.created_at, "escalation.create", kType, x.id.str(), "", escalation_audit_json(x));
    });
    return x;
}

Escalation update_escalation(Services& s, const Actor& actor, EscalationId id, int expected_version, const EscalationInput& input) {
    require(actor, Permission::manage_registers);
    Escalation after;
    s.store.write([&](Transaction& tx) {
        const Escalation before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("escalation");
        after = escalation_from(input, london_today(s), before);
        check_and_derive(s, tx, after);
        if (!tx.registers().update_escalation(after)) throw Failure::stale("escalation");
        after.version = before.version + 1;
        record_audit(tx, actor, s.clock.now(), "escalation.update", kType, id.str(), escalation_audit_json(before),
                     escalation_audit_json(after));
    });
    return after;
}

EscalationsShown list_escalations(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_registers);
    FieldErrors e;
    EscalationQuery q;
    q.partnership = actor.partnership;
    q.year = optional_year(e, filter.year);
    if (!trim(filter.stage).empty()) {
        const auto stage = to_int(trim(filter.stage));
        if (stage && *stage >= 1 && *stage <= kEscalationStages) q.stage = static_cast<int>(*stage);
        else e.push_back({"stage", "Select a stage from 1 to 4"});
    }
    q.outcome = enum_field(e, "outcome", filter.outcome, parse_escalation_outcome, "Select open, resolved or withdrawn", false);
    const AgencyId agency = agency_id(e, "agency", filter.agency, "Select an agency from the list");
    if (agency.valid()) q.agency = agency;
    const std::string overdue = trim(filter.overdue);
    if (!overdue.empty() && overdue != "yes") e.push_back({"overdue", "Leave empty or choose yes"});
    q.text = trim(filter.text);
    q.page = page;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    if (overdue == "yes") q.overdue_on = london_today(s);
    EscalationsShown out;
    s.store.read([&](Transaction& tx) {
        out.escalations = tx.registers().escalations(q);
        std::vector<AgencyId> ids;
        for (const auto& x : out.escalations.items) {
            for (const auto a : agencies_named(x)) ids.push_back(a);
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        out.agencies = tx.agencies().names(actor.partnership, ids);
    });
    if (!out.escalations.items.empty()) log_access(s, actor, AccessKind::register_list, kType, ids_of(out.escalations.items));
    return out;
}

EscalationShown read_escalation(Services& s, const Actor& actor, EscalationId id) {
    require(actor, Permission::view_registers);
    EscalationShown out;
    s.store.read([&](Transaction& tx) {
        out.escalation = load(tx, actor, id);
        out.agencies = tx.agencies().names(actor.partnership, agencies_named(out.escalation));
    });
    log_access(s, actor, AccessKind::register_record, kType, {id.str()});
    return out;
}

EscalationFigures escalation_year_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_registers);
    EscalationCounts counts;
    std::map<AgencyId, std::string> names;
    s.store.read([&](Transaction& tx) {
        counts = tx.registers().count_escalations(actor.partnership, year);
        std::vector<AgencyId> ids;
        for (const auto& [a, n] : counts.raised_by_agency) ids.push_back(a);
        for (const auto& [a, n] : counts.involving_agency) ids.push_back(a);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        names = tx.agencies().names(actor.partnership, ids);
    });
    return escalation_figures(year, counts, names);
}

}  // namespace assure
