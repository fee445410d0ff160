// LADO allegations: record, amend, list and read (need-to-know, every read logged), and a
// year's figures against the partnership's timeliness targets.
#include "app/registers.hpp"
#include "app/registers/internal.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"

namespace assure {

using namespace registers_detail;

namespace {

constexpr const char* kType = "lado_referral";

LadoReferral referral_from(const LadoInput& in, Date today, LadoReferral r) {
    FieldErrors e;
    r.adult_reference = trim(in.adult_reference);
    r.role = trim(in.role);
    r.notes = trim(in.notes);
    if (auto d = date_field(e, "referred_on", in.referred_on, "the date of the referral", true)) r.referred_on = *d;
    if (auto v = enum_field(e, "source", in.source, parse_lado_source, "Select who made the referral", true)) r.source = *v;
    if (auto v = enum_field(e, "sector", in.sector, parse_lado_sector, "Select the sector the adult works in", true)) r.sector = *v;
    r.limbs.clear();
    for (const auto& key : in.limbs) {
        if (auto limb = parse_harm_limb(key)) r.limbs.push_back(*limb);
        else e.push_back({"limbs", "Select parts of the harm test from the list"});
    }
    std::sort(r.limbs.begin(), r.limbs.end());
    r.initial_considered_on = date_field(e, "initial_considered_on", in.initial_considered_on, "the date of the initial consideration", false);
    r.initial_outcome = enum_field(e, "initial_outcome", in.initial_outcome, parse_initial_outcome,
                                   "Select the outcome of the initial consideration from the list", false);
    r.strategy_meeting_on = date_field(e, "strategy_meeting_on", in.strategy_meeting_on, "the date of the strategy meeting", false);
    r.outcome = enum_field(e, "outcome", in.outcome, parse_lado_outcome, "Select the outcome from the list", false);
    r.outcome_on = date_field(e, "outcome_on", in.outcome_on, "the date of the outcome", false);
    r.training_needs = in.training_needs;
    r.dbs_referred_on = date_field(e, "dbs_referred_on", in.dbs_referred_on, "the date of referral to the DBS", false);
    r.regulator_referred_on = date_field(e, "regulator_referred_on", in.regulator_referred_on, "the date of referral to the regulator", false);
    if (e.empty()) e = validate_lado(r, today);
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return r;
}

LadoReferral load(Transaction& tx, const Actor& actor, LadoReferralId id) {
    auto r = tx.registers().find_lado(actor.partnership, id);
    if (!r) throw Failure::not_found("LADO referral " + id.str());
    return *r;
}

}  // namespace

LadoReferral record_lado_referral(Services& s, const Actor& actor, const LadoInput& input) {
    require(actor, Permission::manage_registers);
    LadoReferral r;
    r.partnership = actor.partnership;
    r.created_at = s.clock.now();
    r = referral_from(input, london_today(s), r);
    s.store.write([&](Transaction& tx) {
        r.id = tx.registers().insert_lado(r);
        record_audit(tx, actor, r.created_at, "lado_referral.create", kType, r.id.str(), "", lado_audit_json(r));
    });
    return r;
}

LadoReferral update_lado_referral(Services& s, const Actor& actor, LadoReferralId id, int expected_version, const LadoInput& input) {
    require(actor, Permission::manage_registers);
    LadoReferral after;
    s.store.write([&](Transaction& tx) {
        const LadoReferral before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("referral");
        after = referral_from(input, london_today(s), before);
        if (!tx.registers().update_lado(after)) throw Failure::stale("referral");
        after.version = before.version + 1;
        record_audit(tx, actor, s.clock.now(), "lado_referral.update", kType, id.str(), lado_audit_json(before), lado_audit_json(after));
    });
    return after;
}

Page<LadoReferral> list_lado_referrals(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_registers);
    FieldErrors e;
    LadoQuery q;
    q.partnership = actor.partnership;
    q.year = optional_year(e, filter.year);
    q.sector = enum_field(e, "sector", filter.sector, parse_lado_sector, "Select a sector from the list", false);
    q.standing = enum_field(e, "standing", filter.standing, parse_lado_standing, "Select where the referral stands from the list", false);
    q.outcome = enum_field(e, "outcome", filter.outcome, parse_lado_outcome, "Select an outcome from the list", false);
    q.text = trim(filter.text);
    q.page = page;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    Page<LadoReferral> out;
    s.store.read([&](Transaction& tx) { out = tx.registers().lado(q); });
    if (!out.items.empty()) log_access(s, actor, AccessKind::register_list, kType, ids_of(out.items));
    return out;
}

LadoReferral read_lado_referral(Services& s, const Actor& actor, LadoReferralId id) {
    require(actor, Permission::view_registers);
    LadoReferral r;
    s.store.read([&](Transaction& tx) { r = load(tx, actor, id); });
    log_access(s, actor, AccessKind::register_record, kType, {id.str()});
    return r;
}

LadoFigures lado_year_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_registers);
    LadoCounts counts;
    std::map<LadoSector, int> sectors;
    RegisterRules rules;
    s.store.read([&](Transaction& tx) {
        counts = tx.registers().count_lado(actor.partnership, year);
        sectors = tx.registers().count_lado_by_sector(actor.partnership, year);
        rules = rules_of(tx, actor.partnership).registers;
    });
    return lado_figures(year, counts, sectors, rules);
}

}  // namespace assure
