#pragma once
// Ports: the registers (LADO allegations, child deaths, money). Each register has a query
// object (the partnership, then the filters its page offers, then a PageRequest), a list
// answered in SQL, and its year's counts answered by SELECT … sum/count, never by loading rows.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/registers.hpp"
#include "core/registers_risks.hpp"
#include "core/registers_voice.hpp"

namespace assure {

// Order: referred, newest first, then newest id.
struct LadoQuery {
    PartnershipId partnership;
    std::optional<FinancialYear> year;       // referred in the year
    std::optional<LadoSector> sector;
    std::optional<LadoStanding> standing;
    std::optional<LadoOutcome> outcome;
    std::string text;                        // part of the adult's reference or role
    PageRequest page;
};

// Order: died, newest first, then newest id.
struct ChildDeathQuery {
    PartnershipId partnership;
    std::optional<FinancialYear> year;
    std::optional<ReviewStatus> status;
    std::optional<DeathCategory> category;
    std::optional<Sex> sex;
    std::string text;                        // part of the reference
    PageRequest page;
};

// Order: date, newest first, then newest id.
struct FinanceQuery {
    PartnershipId partnership;
    std::optional<FinancialYear> year;
    std::optional<FinanceKind> kind;
    std::optional<Heading> heading;
    std::optional<Basis> basis;
    std::string text;                        // part of the contributor or description
    PageRequest page;
};

// Order: raised, newest first, then newest id.
struct RiskQuery {
    PartnershipId partnership;
    std::optional<FinancialYear> year;       // raised in the year
    std::optional<RiskStatus> status;
    std::optional<std::pair<int, int>> score_after;  // a band's scores with controls, from core's rules
    std::optional<PersonId> owner;
    std::optional<Date> review_overdue_on;   // open, and due for review before this day
    bool escalated = false;                  // escalated to the partners
    std::string text;                        // part of the title, cause or effect
    std::string indicator;                   // raised from this dataset indicator (its code); "" any
    PageRequest page;
};

// Order: raised (stage 1), newest first, then newest id.
struct EscalationQuery {
    PartnershipId partnership;
    std::optional<FinancialYear> year;       // raised in the year
    std::optional<int> stage;                // the highest stage reached
    std::optional<EscalationOutcome> outcome;
    std::optional<AgencyId> agency;          // raised by it or involving it
    std::optional<Date> overdue_on;          // open, and its stage's days ran out before this day
    std::string text;                        // part of the reference, role or concern
    PageRequest page;
};

// Voice and scrutiny (one table, each activity of one strand). Order: held, newest first, then newest id.
struct ActivityQuery {
    PartnershipId partnership;
    Strand strand = Strand::voice;
    std::optional<FinancialYear> year;       // held in the year
    std::optional<ActivityKind> kind;
    bool awaiting = false;                   // a point the partnership has not yet answered
    std::string text;                        // part of the title, who led it or the summary
    PageRequest page;
};

struct RegisterRepo {
    virtual ~RegisterRepo() = default;

    virtual Page<LadoReferral> lado(const LadoQuery& query) = 0;
    virtual std::optional<LadoReferral> find_lado(PartnershipId partnership, LadoReferralId id) = 0;
    virtual LadoCounts count_lado(PartnershipId partnership, FinancialYear year) = 0;
    virtual std::map<LadoSector, int> count_lado_by_sector(PartnershipId partnership, FinancialYear year) = 0;
    virtual LadoReferralId insert_lado(const LadoReferral& r) = 0;
    // Writes only if the stored version still equals r.version; false when it does not.
    virtual bool update_lado(const LadoReferral& r) = 0;

    virtual Page<ChildDeath> child_deaths(const ChildDeathQuery& query) = 0;
    virtual std::optional<ChildDeath> find_child_death(PartnershipId partnership, ChildDeathId id) = 0;
    virtual ChildDeathCounts count_child_deaths(PartnershipId partnership, FinancialYear year) = 0;
    // Whether another death of the partnership (not `except`) has this reference.
    virtual bool child_death_reference_taken(PartnershipId partnership, const std::string& reference, ChildDeathId except) = 0;
    virtual ChildDeathId insert_child_death(const ChildDeath& d) = 0;
    virtual bool update_child_death(const ChildDeath& d) = 0;
    // The panel the partnership sits on, with its members; none when it sits on none.
    virtual std::optional<DeathPanel> death_panel_of(PartnershipId partnership) = 0;
    virtual std::optional<DeathPanel> find_death_panel(const std::string& name) = 0;
    // Writes the panel (a new one when its id is not valid) and makes its members exactly these,
    // moving a partnership off any other panel.
    virtual DeathPanelId put_death_panel(const DeathPanel& panel) = 0;
    // As count_child_deaths, over every member of the panel.
    virtual ChildDeathCounts count_panel_deaths(DeathPanelId panel, FinancialYear year) = 0;

    virtual Page<FinanceEntry> finance(const FinanceQuery& query) = 0;
    virtual std::optional<FinanceEntry> find_finance(PartnershipId partnership, FinanceEntryId id) = 0;
    virtual FinanceSums sum_finance(PartnershipId partnership, FinancialYear year) = 0;
    // Whether the partnership has any entry of a year before `year` (an opening balance is only
    // for the first year kept).
    virtual bool has_finance_before(PartnershipId partnership, FinancialYear year) = 0;
    virtual FinanceEntryId insert_finance(const FinanceEntry& e) = 0;

    // Risks come whole, with their linked actions (one more statement per page, not per row).
    virtual Page<Risk> risks(const RiskQuery& query) = 0;
    virtual std::optional<Risk> find_risk(PartnershipId partnership, RiskId id) = 0;
    virtual RiskCounts count_risks(PartnershipId partnership, FinancialYear year) = 0;
    // Open risks by (likelihood, impact), before or with controls.
    virtual RiskGrid risk_grid(PartnershipId partnership, RiskBasis basis) = 0;
    virtual RiskId insert_risk(const Risk& r) = 0;
    virtual bool update_risk(const Risk& r) = 0;  // optimistic on r.version

    // Escalations come whole, with the agencies involved (one more statement per page).
    virtual Page<Escalation> escalations(const EscalationQuery& query) = 0;
    virtual std::optional<Escalation> find_escalation(PartnershipId partnership, EscalationId id) = 0;
    virtual EscalationCounts count_escalations(PartnershipId partnership, FinancialYear year) = 0;
    virtual bool escalation_reference_taken(PartnershipId partnership, const std::string& reference, EscalationId except) = 0;
    virtual EscalationId insert_escalation(const Escalation& e) = 0;
    virtual bool update_escalation(const Escalation& e) = 0;  // optimistic on e.version

    // Voice and scrutiny activities come whole, with their points (one more statement per page).
    // An activity of the other strand is not found.
    virtual Page<Activity> activities(const ActivityQuery& query) = 0;
    virtual std::optional<Activity> find_activity(PartnershipId partnership, Strand strand, ActivityId id) = 0;
    // Held in the year, by kind: activities, children heard, points, answered, linked.
    virtual std::map<ActivityKind, KindCount> count_activities(PartnershipId partnership, Strand strand, FinancialYear year) = 0;
    virtual ActivityId insert_activity(const Activity& a) = 0;
    virtual bool update_activity(const Activity& a) = 0;  // optimistic on a.version
};

}  // namespace assure
