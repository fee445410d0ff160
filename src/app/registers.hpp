#pragma once
// Use cases of the registers (LADO allegations, child deaths, money). Every change writes an
// audit row of its own explicit shape in the change's transaction. LADO and child-death
// records are need-to-know (Permission::view_registers): every list or record shown is logged
// to the access log, never under the write lock; a year's figures show no record and are not.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/learning.hpp"
#include "core/registers.hpp"
#include "core/registers_risks.hpp"
#include "core/registers_voice.hpp"

namespace assure {

// What a person typed, as text: each field is read by core's parsers and named in its error.
struct LadoInput {
    std::string adult_reference, referred_on, source, sector, role;
    std::vector<std::string> limbs;  // harm_limb keys
    std::string initial_considered_on, initial_outcome, strategy_meeting_on, outcome, outcome_on;
    bool training_needs = false;
    std::string dbs_referred_on, regulator_referred_on, notes;
};

struct ChildDeathInput {
    std::string reference, died_on, sex, age_band, expected;  // expected: "yes" / "no"
    std::string status, category, modifiable, reviewed_on;     // modifiable: "yes" / "no" / ""
};

struct FinanceInput {
    std::string year, kind, basis, contributor, heading, amount, on, description, reason;
};

// The filters a register's page and API offer, as typed; an unknown value is a field error.
struct RegisterFilter {
    std::string year, sector, standing, outcome, status, category, sex, kind, heading, basis, text;
    // risks: band (with controls), owner (a person's id), review_overdue and escalated ("yes");
    // escalations: stage (1-4), agency (an agency's id), overdue ("yes"); both read status/outcome.
    std::string band, owner, review_overdue, escalated, stage, agency, overdue;
    // voice and scrutiny: kind (an activity kind), awaiting ("yes": a point not yet answered)
    std::string awaiting;
};

// Reads "2016-17" into a year, or a field error on `field`.
FinancialYear year_field(const std::string& text, const std::string& field = "year");

LadoReferral record_lado_referral(Services& s, const Actor& actor, const LadoInput& input);
LadoReferral update_lado_referral(Services& s, const Actor& actor, LadoReferralId id, int expected_version, const LadoInput& input);
Page<LadoReferral> list_lado_referrals(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page);
LadoReferral read_lado_referral(Services& s, const Actor& actor, LadoReferralId id);
LadoFigures lado_year_figures(Services& s, const Actor& actor, FinancialYear year);

ChildDeath record_child_death(Services& s, const Actor& actor, const ChildDeathInput& input);
ChildDeath update_child_death(Services& s, const Actor& actor, ChildDeathId id, int expected_version, const ChildDeathInput& input);
Page<ChildDeath> list_child_deaths(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page);
ChildDeath read_child_death(Services& s, const Actor& actor, ChildDeathId id);
ChildDeathFigures child_death_year_figures(Services& s, const Actor& actor, FinancialYear year);

// A child death overview panel shared by several partnerships, with its members' names.
struct DeathPanelShown {
    DeathPanel panel;
    std::vector<std::pair<PartnershipId, std::string>> members;  // in id order
};
struct PanelFigures {
    DeathPanelShown panel;
    ChildDeathFigures figures;  // every member's deaths together
};
// The panel the actor's partnership sits on, if any (view_registers, or the administrator who sets it).
std::optional<DeathPanelShown> read_death_panel(Services& s, const Actor& actor);
// The panel's combined figures for the year, beside the partnership's own; none when it sits on no panel.
std::optional<PanelFigures> panel_death_figures(Services& s, const Actor& actor, FinancialYear year);
// The administrator names a panel and the partnerships it reviews the deaths of (by id); a panel
// of that name is changed, else one is made. Each partnership moves off any other panel.
DeathPanelShown set_death_panel(Services& s, const Actor& actor, const std::string& name, const std::vector<std::string>& partnerships);
std::string death_panel_audit_json(const DeathPanel& p);

FinanceEntry record_finance_entry(Services& s, const Actor& actor, const FinanceInput& input);
Page<FinanceEntry> list_finance_entries(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page);
FinanceEntry read_finance_entry(Services& s, const Actor& actor, FinanceEntryId id);
FinanceFigures finance_year_figures(Services& s, const Actor& actor, FinancialYear year);

// The records as written to the audit trail: their own shape, apart from rows and the API.
std::string lado_audit_json(const LadoReferral& r);
std::string child_death_audit_json(const ChildDeath& d);
std::string finance_audit_json(const FinanceEntry& e);

// ---- risks (Permission::view_risks; changes manage_registers) -------------------------------

struct RiskInput {
    std::string title, description, cause, effect, owner;  // owner: a person's id
    std::string likelihood_before, impact_before, likelihood_after, impact_after, controls;
    std::vector<std::string> actions;  // action-plan action ids
    std::string raised_on, review_on, status, closed_on, escalated_on;
    std::string indicator;  // the code of the dataset indicator it was raised from, "" for none
};
// A linked action as the risk's record shows it.
struct LinkedAction {
    ImprovementId id;
    std::string text;
    ActionState state = ActionState::proposed;
    Date due;
};
// A page of risks with what the page needs to show them: owners' names and the partnership's bands.
struct RisksShown {
    Page<Risk> risks;
    std::map<PersonId, std::string> owners;
    RegisterRules rules;
};
struct RiskShown {
    Risk risk;
    std::string owner;
    std::vector<LinkedAction> actions;
    RegisterRules rules;
};
struct RiskHeatMap {
    RiskBasis basis = RiskBasis::after;
    std::vector<std::vector<HeatCell>> rows;  // impact 5 down to 1, likelihood 1 to 5
    int open = 0;
    RegisterRules rules;
};

Risk record_risk(Services& s, const Actor& actor, const RiskInput& input);
Risk update_risk(Services& s, const Actor& actor, RiskId id, int expected_version, const RiskInput& input);
RisksShown list_risks(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page);
RiskShown read_risk(Services& s, const Actor& actor, RiskId id);
RiskHeatMap risk_heat_map(Services& s, const Actor& actor, const std::string& basis);
RiskFigures risk_year_figures(Services& s, const Actor& actor, FinancialYear year);

// ---- escalations and professional disagreements (view_registers, every read logged) ---------

struct EscalationInput {
    std::string reference, raised_by, raised_by_role;  // raised_by: an agency's id
    std::vector<std::string> agencies;                 // the other agencies' ids
    std::string concern, stage1_on, stage2_on, stage3_on, stage4_on, outcome, closed_on, learning;
};
struct EscalationsShown {
    Page<Escalation> escalations;
    std::map<AgencyId, std::string> agencies;  // names of every agency the page mentions
};
struct EscalationShown {
    Escalation escalation;
    std::map<AgencyId, std::string> agencies;
};

Escalation record_escalation(Services& s, const Actor& actor, const EscalationInput& input);
Escalation update_escalation(Services& s, const Actor& actor, EscalationId id, int expected_version, const EscalationInput& input);
EscalationsShown list_escalations(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page);
EscalationShown read_escalation(Services& s, const Actor& actor, EscalationId id);
EscalationFigures escalation_year_figures(Services& s, const Actor& actor, FinancialYear year);

// ---- voice and scrutiny (view_voice; changes manage_registers; no record names a child) ------

struct ActivityPointInput {
    std::string point, response, action;  // action: an action-plan action's number, or ""
    bool sent = false;                    // sent as a point (the API): never dropped as an unused slot
    std::string responded_on;             // the day the response was given, as typed
};
struct ActivityInput {
    std::string kind, title, led_by, held_on, children_heard, how_heard, summary;
    std::vector<ActivityPointInput> points;  // slots left wholly empty are dropped
};
struct ActivityShown {
    Activity activity;
    std::map<ImprovementId, std::string> actions;  // the linked actions' words
};

Activity record_activity(Services& s, const Actor& actor, Strand strand, const ActivityInput& input);
Activity update_activity(Services& s, const Actor& actor, Strand strand, ActivityId id, int expected_version, const ActivityInput& input);
Page<Activity> list_activities(Services& s, const Actor& actor, Strand strand, const RegisterFilter& filter, const PageRequest& page);
ActivityShown read_activity(Services& s, const Actor& actor, Strand strand, ActivityId id);
ActivityFigures activity_year_figures(Services& s, const Actor& actor, Strand strand, FinancialYear year);

std::string activity_audit_json(const Activity& a);
std::string risk_audit_json(const Risk& r);
std::string escalation_audit_json(const Escalation& e);

}  // namespace assure
