#pragma once
// Use cases of the registers (LADO allegations, child deaths, money). Every change writes an
// audit row of its own explicit shape in the change's transaction. LADO and child-death
// records are need-to-know (Permission::view_registers): every list or record shown is logged
// to the access log, never under the write lock; a year's figures show no record and are not.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/registers.hpp"

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

FinanceEntry record_finance_entry(Services& s, const Actor& actor, const FinanceInput& input);
Page<FinanceEntry> list_finance_entries(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page);
FinanceEntry read_finance_entry(Services& s, const Actor& actor, FinanceEntryId id);
FinanceFigures finance_year_figures(Services& s, const Actor& actor, FinancialYear year);

// The records as written to the audit trail: their own shape, apart from rows and the API.
std::string lado_audit_json(const LadoReferral& r);
std::string child_death_audit_json(const ChildDeath& d);
std::string finance_audit_json(const FinanceEntry& e);

}  // namespace assure
