// The registers' records as the audit trail keeps them: an explicit shape of their own, so a
// change to a table or to the API changes neither what the trail says nor how it reads.
#include <nlohmann/json.hpp>

#include "app/registers.hpp"

namespace assure {
namespace {

using nlohmann::json;

json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

template <class E, class Key>
json key_or_null(const std::optional<E>& v, Key key) {
    return v ? json(std::string(key(*v))) : json(nullptr);
}

}  // namespace

std::string lado_audit_json(const LadoReferral& r) {
    json limbs = json::array();
    for (HarmLimb l : r.limbs) limbs.push_back(std::string(harm_limb_key(l)));
    return json{{"adult_reference", r.adult_reference},
                {"referred_on", r.referred_on.iso()},
                {"source", std::string(lado_source_key(r.source))},
                {"sector", std::string(lado_sector_key(r.sector))},
                {"role", r.role},
                {"harm_test", limbs},
                {"initial_considered_on", date_or_null(r.initial_considered_on)},
                {"initial_outcome", key_or_null(r.initial_outcome, initial_outcome_key)},
                {"strategy_meeting_on", date_or_null(r.strategy_meeting_on)},
                {"outcome", key_or_null(r.outcome, lado_outcome_key)},
                {"outcome_on", date_or_null(r.outcome_on)},
                {"training_needs", r.training_needs},
                {"dbs_referred_on", date_or_null(r.dbs_referred_on)},
                {"regulator_referred_on", date_or_null(r.regulator_referred_on)},
                {"notes", r.notes}}
        .dump();
}

std::string child_death_audit_json(const ChildDeath& d) {
    return json{{"reference", d.reference},
                {"died_on", d.died_on.iso()},
                {"sex", std::string(sex_key(d.sex))},
                {"age_band", std::string(age_band_key(d.age_band))},
                {"expected", d.expected},
                {"status", std::string(review_status_key(d.status))},
                {"category", key_or_null(d.category, death_category_key)},
                {"modifiable", d.modifiable ? json(*d.modifiable) : json(nullptr)},
                {"reviewed_on", date_or_null(d.reviewed_on)}}
        .dump();
}

std::string finance_audit_json(const FinanceEntry& e) {
    return json{{"year", e.year.key()},
                {"kind", std::string(finance_kind_key(e.kind))},
                {"basis", std::string(basis_key(e.basis))},
                {"contributor", e.contributor},
                {"heading", key_or_null(e.heading, heading_key)},
                {"amount_pence", e.amount_pence},
                {"on", e.on.iso()},
                {"description", e.description},
                {"reason", e.reason}}
        .dump();
}

std::string risk_audit_json(const Risk& r) {
    json actions = json::array();
    for (const auto a : r.actions) actions.push_back(a.value);
    return json{{"title", r.title},
                {"description", r.description},
                {"cause", r.cause},
                {"effect", r.effect},
                {"owner_person_id", r.owner.value},
                {"before_controls", {{"likelihood", r.likelihood_before}, {"impact", r.impact_before}}},
                {"with_controls", {{"likelihood", r.likelihood_after}, {"impact", r.impact_after}}},
                {"controls", r.controls},
                {"actions", actions},
                {"raised_on", r.raised_on.iso()},
                {"review_on", r.review_on.iso()},
                {"status", std::string(risk_status_key(r.status))},
                {"closed_on", date_or_null(r.closed_on)},
                {"escalated_to_partners_on", date_or_null(r.escalated_on)},
                {"indicator", r.indicator ? json(*r.indicator) : json(nullptr)}}
        .dump();
}

std::string escalation_audit_json(const Escalation& e) {
    json agencies = json::array(), stages = json::array();
    for (const auto a : e.agencies) agencies.push_back(a.value);
    for (const auto& d : e.stage_on) stages.push_back(date_or_null(d));
    return json{{"reference", e.reference},
                {"raised_by_agency_id", e.raised_by.value},
                {"raised_by_role", e.raised_by_role},
                {"agencies_involved", agencies},
                {"concern", e.concern},
                {"stages_reached_on", stages},
                {"outcome", std::string(escalation_outcome_key(e.outcome))},
                {"closed_on", date_or_null(e.closed_on)},
                {"learning", e.learning}}
        .dump();
}

std::string activity_audit_json(const Activity& a) {
    json points = json::array();
    for (const auto& p : a.points) {
        points.push_back({{"point", p.point},
                          {"response", p.response},
                          {"responded_on", p.responded_on ? json(p.responded_on->iso()) : json(nullptr)},
                          {"action_id", p.action ? json(p.action->value) : json(nullptr)}});
    }
    return json{{"register", std::string(strand_key(a.strand))},
                {"kind", std::string(activity_kind_key(a.kind))},
                {"title", a.title},
                {"led_by", a.led_by},
                {"held_on", a.held_on.iso()},
                {"children_heard", a.children_heard},
                {"how_heard", a.how_heard},
                {"summary", a.summary},
                {"points", points}}
        .dump();
}

std::string death_panel_audit_json(const DeathPanel& p) {
    json members = json::array();
    for (const auto m : p.members) members.push_back(m.value);
    return json{{"name", p.name}, {"partnerships", members}}.dump();
}

}  // namespace assure
