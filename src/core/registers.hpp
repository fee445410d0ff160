#pragma once
// The partnership's registers (issue 17): allegations against people who work with children
// (LADO), child deaths and money, on one pattern that the other four (risks, escalations, voice,
// scrutiny) follow (docs/decisions/0013-registers.md). Each register is a list of entries of one
// partnership, read by financial year; its yearly figures are counted by the store and turned
// into shares and judgements here, so a figure is never typed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/date_words.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

using LadoReferralId = Id<struct LadoReferralTag>;
using ChildDeathId = Id<struct ChildDeathTag>;
using FinanceEntryId = Id<struct FinanceEntryTag>;

// ---- the pattern: financial years, shares, words ------------------------------------------

// April to March, as the partnership reports (seed 001: "2016/2017"). Named by its first year.
struct FinancialYear {
    int start = 2016;
    auto operator<=>(const FinancialYear&) const = default;
    [[nodiscard]] Date first_day() const { return {start, 4, 1}; }
    [[nodiscard]] Date last_day() const { return {start + 1, 3, 31}; }
    [[nodiscard]] std::string key() const;    // "2016-17"
    [[nodiscard]] std::string label() const;  // "2016 to 2017"
    [[nodiscard]] bool contains(Date d) const { return d >= first_day() && d <= last_day(); }
    static FinancialYear of(Date d);
    // "2016-17" (also "2016/17"); nullopt for anything else, or a second year that does not follow.
    static std::optional<FinancialYear> parse(std::string_view text);
};

// A share in whole percent, rounded half up: 44 of 63 is 70. None when there is nothing to share.
std::optional<int> percent(std::int64_t part, std::int64_t whole);
// A share in hundredths of a percent, rounded half up: 148,901 of 268,000 is 5556 (55.56%).
std::optional<std::int64_t> basis_points(std::int64_t part, std::int64_t whole);
std::string basis_points_text(std::int64_t bp);  // 5556 -> "55.56"

// ---- rules: the numbers the registers are judged by (DOMAIN.md §7) --------------------------

struct RegisterRules {
    // KCSIE before 2018: 80% resolved within a month, 90% within three, all but exceptional
    // cases within twelve (here: this share, 100 unless the partnership sets otherwise).
    int lado_within_one_month_percent = 80;
    int lado_within_three_months_percent = 90;
    int lado_within_twelve_months_percent = 100;
    // Risks: the score (likelihood × impact, 1 to 25) from which each band starts; below
    // medium is low. The common 5×5 matrix's bands: 1–4 low, 5–9 medium, 10–15 high, 16–25 very high.
    int risk_medium_from = 5;
    int risk_high_from = 10;
    int risk_very_high_from = 16;
    // Escalations: working days each stage has to resolve the disagreement before it moves on
    // (stage 1 practitioners, 2 managers, 3 senior managers, 4 the partnership).
    int escalation_stage1_working_days = 5;
    int escalation_stage2_working_days = 5;
    int escalation_stage3_working_days = 10;
    int escalation_stage4_working_days = 20;
    bool operator==(const RegisterRules&) const = default;
};
FieldErrors validate_register_rules(const RegisterRules& rules);

// ---- LADO: allegations against adults who work with children ------------------------------

enum class HarmLimb { harmed, offence, risk_of_harm, unsuitability };
enum class LadoSource { employer, police, social_care, health, education, parent_or_carer, child, anonymous, other };
enum class LadoSector {
    education, early_years, residential_care, foster_care, social_care, health, police, faith, sport_and_leisure,
    voluntary, transport, other
};
enum class InitialOutcome { no_further_action, strategy_meeting, employer_process };
enum class LadoOutcome { substantiated, malicious, false_allegation, unsubstantiated, unfounded };
// How long from referral to resolution, against the month / three months / twelve months targets.
enum class Timeliness { within_one_month, within_three_months, within_twelve_months, over_twelve_months };
// Where a referral stands: concluded with no further action after initial consideration, with
// an outcome, or not yet (investigation continuing, or initial consideration not yet made).
enum class LadoStanding { no_further_action, concluded, continuing };

struct LadoReferral {
    LadoReferralId id;
    PartnershipId partnership;
    std::string adult_reference;  // never a name: the LADO's reference for the adult
    Date referred_on;
    LadoSource source = LadoSource::employer;
    LadoSector sector = LadoSector::education;
    std::string role;             // "Teacher", "Residential social worker"
    std::vector<HarmLimb> limbs;  // at least one, each once, in the harm test's order
    std::optional<Date> initial_considered_on;
    std::optional<InitialOutcome> initial_outcome;
    std::optional<Date> strategy_meeting_on;
    std::optional<LadoOutcome> outcome;
    std::optional<Date> outcome_on;
    bool training_needs = false;
    std::optional<Date> dbs_referred_on;
    std::optional<Date> regulator_referred_on;
    std::string notes;
    Instant created_at = 0;
    int version = 1;
};

// The day it was resolved: initial consideration when that was no further action, else the outcome.
std::optional<Date> resolved_on(const LadoReferral& r);
LadoStanding standing_of(const LadoReferral& r);
std::optional<Timeliness> timeliness_of(const LadoReferral& r);
// Every rule a referral must keep, each refusal naming its field. `today` bounds what can have happened.
FieldErrors validate_lado(const LadoReferral& r, Date today);

// What the store counts for a year (each figure counts what it says; they do not partition).
struct LadoCounts {
    int referrals = 0;                 // referred in the year
    int no_further_action = 0;         // of those, no further action after initial consideration
    int unfounded = 0, unsubstantiated = 0, malicious = 0, false_allegations = 0, substantiated = 0;  // outcomes reached in the year
    int training_needs = 0;            // resolved in the year with training needs identified
    int continuing = 0;                // referred by the year's end and not resolved by it
    int resolved = 0;                  // resolved in the year (no further action or an outcome)
    int within_one_month = 0, within_three_months = 0, within_twelve_months = 0;  // of those resolved
    int dbs_referrals = 0;             // referred to the DBS in the year
    int regulator_referrals = 0;
    bool operator==(const LadoCounts&) const = default;
};

struct TimelinessFigure {
    int count = 0;
    std::optional<int> percent;  // of those resolved in the year
    int target_percent = 0;
    std::optional<bool> met;     // none when nothing was resolved
};

struct LadoFigures {
    FinancialYear year;
    LadoCounts counts;
    std::optional<int> no_further_action_percent;  // of referrals: seed 001's "70%"
    TimelinessFigure within_one_month, within_three_months, within_twelve_months;
    std::vector<std::pair<LadoSector, int>> by_sector;  // referrals in the year, most first
};
LadoFigures lado_figures(FinancialYear year, const LadoCounts& counts, const std::map<LadoSector, int>& by_sector,
                         const RegisterRules& rules);

// ---- child deaths (a child death overview panel's summary) --------------------------------

enum class Sex { male, female, not_known };
enum class AgeBand { under_28_days, days_28_to_364, years_1_to_4, years_5_to_9, years_10_to_14, years_15_to_17 };
// The ten national categories of the child death review guidance.
enum class DeathCategory {
    deliberately_inflicted, suicide_or_self_harm, trauma_external, malignancy, acute_medical_surgical,
    chronic_medical, chromosomal_genetic_congenital, perinatal_neonatal, infection, sudden_unexpected_unexplained
};
enum class ReviewStatus { under_enquiry, complete };

struct ChildDeath {
    ChildDeathId id;
    PartnershipId partnership;
    std::string reference;  // the panel's case reference, never a name
    Date died_on;
    Sex sex = Sex::not_known;
    AgeBand age_band = AgeBand::under_28_days;
    bool expected = false;
    ReviewStatus status = ReviewStatus::under_enquiry;
    std::optional<DeathCategory> category;  // decided by the panel when it completes the review
    std::optional<bool> modifiable;         // modifiable factors identified, likewise
    std::optional<Date> reviewed_on;
    Instant created_at = 0;
    int version = 1;
};
FieldErrors validate_child_death(const ChildDeath& d, Date today);

struct ChildDeathCounts {
    int deaths = 0, male = 0, female = 0, sex_not_known = 0, expected = 0, unexpected = 0;
    int under_enquiry = 0, reviewed = 0, modifiable = 0;
    std::map<AgeBand, int> by_age;
    std::map<DeathCategory, int> by_category;
};
struct ChildDeathFigures {
    FinancialYear year;
    ChildDeathCounts counts;
    std::vector<std::pair<AgeBand, int>> by_age;             // every band, in order
    std::vector<std::pair<DeathCategory, int>> by_category;  // every category, in order
    std::optional<AgeBand> commonest_age;                    // none on a tie or no deaths
    std::optional<int> modifiable_percent;                   // of reviews complete
};
ChildDeathFigures child_death_figures(FinancialYear year, const ChildDeathCounts& counts);

// A child death overview panel shared by several areas (DOMAIN.md §8): each area's partnership
// keeps its own deaths and sees its own figures, and the panel's combined figures are counted
// over every member's entries. A partnership sits on one panel at most.
using DeathPanelId = Id<struct DeathPanelTag>;
struct DeathPanel {
    DeathPanelId id;
    std::string name;                    // "Merseyside Child Death Overview Panel"
    std::vector<PartnershipId> members;  // in id order
    Instant created_at = 0;
};
FieldErrors validate_death_panel(const DeathPanel& panel);

// ---- money --------------------------------------------------------------------------------

enum class FinanceKind { opening_balance, contribution, in_kind, expenditure };
enum class Heading { staffing, reviews, independent_chair, training, child_death_panel, general, it, other };
enum class Basis { actual, projected };

struct FinanceEntry {
    FinanceEntryId id;
    PartnershipId partnership;
    FinancialYear year;
    FinanceKind kind = FinanceKind::contribution;
    Basis basis = Basis::actual;
    std::string contributor;          // contributions and in kind: the agency or fund
    std::optional<Heading> heading;   // expenditure only
    std::int64_t amount_pence = 0;
    Date on;
    std::string description;
    std::string reason;               // why spending takes the balance below zero
    Instant created_at = 0;
    int version = 1;
};
// `earlier_entries`: whether any entry exists for an earlier year (an opening balance is only
// for the first year kept). `carried_forward_after`: the year's carried forward once this entry
// is counted (an expenditure below zero needs a reason).
FieldErrors validate_finance_entry(const FinanceEntry& e, Date today, bool earlier_entries,
                                   std::optional<std::int64_t> carried_forward_after);

struct AmountLine {
    std::string name;           // contributor, or the heading's label
    std::int64_t pence = 0;
    std::optional<std::int64_t> basis_points;  // share of its total
};
// What the store sums for a year: actual entries of the year, projected ones apart, and the
// balance brought in from every earlier year.
struct FinanceSums {
    std::int64_t brought_forward = 0;  // opening balances + contributions - spending, of earlier years
    std::int64_t opening = 0;          // an opening balance entered for this year
    std::int64_t contributions = 0, in_kind = 0, expenditure = 0;
    std::int64_t projected_contributions = 0, projected_expenditure = 0;
    std::vector<std::pair<std::string, std::int64_t>> by_contributor;  // cash contributions
    std::vector<std::pair<std::string, std::int64_t>> in_kind_by_contributor;
    std::map<Heading, std::int64_t> by_heading;
};
struct FinanceFigures {
    FinancialYear year;
    std::int64_t brought_forward = 0;   // includes this year's opening balance
    std::int64_t contributions = 0, in_kind = 0, resources = 0, expenditure = 0, carried_forward = 0;
    std::int64_t projected_contributions = 0, projected_expenditure = 0, projected_carried_forward = 0;
    std::vector<AmountLine> contributors, in_kind_contributors, headings;  // largest first
};
FinanceFigures finance_figures(FinancialYear year, const FinanceSums& sums);
std::string pounds(std::int64_t pence);           // "£148,901" (pence shown only when there are some)
std::string millions(std::int64_t pence);         // "0.268", as seed 001's table (£m, three places)
// "1234.56" or "1234" -> pence; nullopt for anything else (negative, more than two places).
std::optional<std::int64_t> parse_pounds(std::string_view text);

// ---- keys and labels ------------------------------------------------------------------------

#define ASSURE_REGISTER_NAMES(Enum, lower)                       \
    std::string_view lower##_key(Enum v);                        \
    std::string_view lower##_label(Enum v);                      \
    std::optional<Enum> parse_##lower(std::string_view key);     \
    std::vector<Enum> all_##lower##s();
ASSURE_REGISTER_NAMES(HarmLimb, harm_limb)
ASSURE_REGISTER_NAMES(LadoSource, lado_source)
ASSURE_REGISTER_NAMES(LadoSector, lado_sector)
ASSURE_REGISTER_NAMES(InitialOutcome, initial_outcome)
ASSURE_REGISTER_NAMES(LadoOutcome, lado_outcome)
ASSURE_REGISTER_NAMES(LadoStanding, lado_standing)
ASSURE_REGISTER_NAMES(Timeliness, timeliness)
ASSURE_REGISTER_NAMES(Sex, sex)
ASSURE_REGISTER_NAMES(AgeBand, age_band)
ASSURE_REGISTER_NAMES(DeathCategory, death_category)
ASSURE_REGISTER_NAMES(ReviewStatus, review_status)
ASSURE_REGISTER_NAMES(FinanceKind, finance_kind)
ASSURE_REGISTER_NAMES(Heading, heading)
ASSURE_REGISTER_NAMES(Basis, basis)
#undef ASSURE_REGISTER_NAMES

}  // namespace assure
