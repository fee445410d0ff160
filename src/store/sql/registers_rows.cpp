#include "store/sql/registers_rows.hpp"

#include <algorithm>

#include "store/sql/strict.hpp"

namespace assure::sql::registers_rows {
namespace {

constexpr const char* kLado = "lado_referrals";
constexpr const char* kDeaths = "child_deaths";
constexpr const char* kFinance = "finance_entries";

}  // namespace

const char* const kLadoColumns =
    "SELECT id, partnership_id, adult_reference, referred_on, source, sector, role, harmed, offence, risk_of_harm, "
    "unsuitability, initial_considered_on, initial_outcome, strategy_meeting_on, outcome, outcome_on, training_needs, "
    "dbs_referred_on, regulator_referred_on, notes, created_at, version FROM lado_referrals ";
const char* const kLadoWritable =
    "adult_reference, referred_on, source, sector, role, harmed, offence, risk_of_harm, unsuitability, initial_considered_on, "
    "initial_outcome, strategy_meeting_on, outcome, outcome_on, training_needs, dbs_referred_on, regulator_referred_on, notes, "
    "standing, resolved_on, timeliness";
const char* const kLadoPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
const char* const kLadoAssignments =
    "adult_reference = ?, referred_on = ?, source = ?, sector = ?, role = ?, harmed = ?, offence = ?, risk_of_harm = ?, "
    "unsuitability = ?, initial_considered_on = ?, initial_outcome = ?, strategy_meeting_on = ?, outcome = ?, outcome_on = ?, "
    "training_needs = ?, dbs_referred_on = ?, regulator_referred_on = ?, notes = ?, standing = ?, resolved_on = ?, timeliness = ?";

LadoReferral read_lado(const Statement& q) {
    LadoReferral r;
    r.id = LadoReferralId{q.int64(0)};
    r.partnership = PartnershipId{q.int64(1)};
    r.adult_reference = q.text(2);
    r.referred_on = strict_date(q, 3, kLado, "referred_on");
    r.source = strict_enum(kLado, "source", q.text(4), parse_lado_source);
    r.sector = strict_enum(kLado, "sector", q.text(5), parse_lado_sector);
    r.role = q.text(6);
    const HarmLimb limbs[] = {HarmLimb::harmed, HarmLimb::offence, HarmLimb::risk_of_harm, HarmLimb::unsuitability};
    const char* limb_columns[] = {"harmed", "offence", "risk_of_harm", "unsuitability"};
    for (int i = 0; i < 4; ++i) {
        if (strict_flag(q, 7 + i, kLado, limb_columns[i])) r.limbs.push_back(limbs[i]);
    }
    r.initial_considered_on = strict_optional_date(q, 11, kLado, "initial_considered_on");
    r.initial_outcome = optional_enum(q, 12, kLado, "initial_outcome", parse_initial_outcome);
    r.strategy_meeting_on = strict_optional_date(q, 13, kLado, "strategy_meeting_on");
    r.outcome = optional_enum(q, 14, kLado, "outcome", parse_lado_outcome);
    r.outcome_on = strict_optional_date(q, 15, kLado, "outcome_on");
    r.training_needs = strict_flag(q, 16, kLado, "training_needs");
    r.dbs_referred_on = strict_optional_date(q, 17, kLado, "dbs_referred_on");
    r.regulator_referred_on = strict_optional_date(q, 18, kLado, "regulator_referred_on");
    r.notes = q.text(19);
    r.created_at = q.int64(20);
    r.version = q.integer(21);
    return r;
}

int bind_lado(Statement& q, const LadoReferral& r) {
    const auto has = [&](HarmLimb l) { return std::find(r.limbs.begin(), r.limbs.end(), l) != r.limbs.end(); };
    q.bind(1, r.adult_reference).bind(2, r.referred_on.iso()).bind(3, lado_source_key(r.source)).bind(4, lado_sector_key(r.sector));
    q.bind(5, r.role).bind(6, has(HarmLimb::harmed)).bind(7, has(HarmLimb::offence)).bind(8, has(HarmLimb::risk_of_harm));
    q.bind(9, has(HarmLimb::unsuitability));
    bind_date(q, 10, r.initial_considered_on);
    bind_key(q, 11, r.initial_outcome, initial_outcome_key);
    bind_date(q, 12, r.strategy_meeting_on);
    bind_key(q, 13, r.outcome, lado_outcome_key);
    bind_date(q, 14, r.outcome_on);
    q.bind(15, r.training_needs);
    bind_date(q, 16, r.dbs_referred_on);
    bind_date(q, 17, r.regulator_referred_on);
    q.bind(18, r.notes);
    // Core's rules, kept so that lists and figures are asked in SQL.
    q.bind(19, lado_standing_key(standing_of(r)));
    bind_date(q, 20, resolved_on(r));
    bind_key(q, 21, timeliness_of(r), timeliness_key);
    return 22;
}

const char* const kDeathColumns =
    "SELECT id, partnership_id, reference, died_on, sex, age_band, expected, status, category, modifiable, reviewed_on, "
    "created_at, version FROM child_deaths ";
const char* const kDeathWritable = "reference, died_on, sex, age_band, expected, status, category, modifiable, reviewed_on";
const char* const kDeathPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?";
const char* const kDeathAssignments =
    "reference = ?, died_on = ?, sex = ?, age_band = ?, expected = ?, status = ?, category = ?, modifiable = ?, reviewed_on = ?";

ChildDeath read_death(const Statement& q) {
    ChildDeath d;
    d.id = ChildDeathId{q.int64(0)};
    d.partnership = PartnershipId{q.int64(1)};
    d.reference = q.text(2);
    d.died_on = strict_date(q, 3, kDeaths, "died_on");
    d.sex = strict_enum(kDeaths, "sex", q.text(4), parse_sex);
    d.age_band = strict_enum(kDeaths, "age_band", q.text(5), parse_age_band);
    d.expected = strict_flag(q, 6, kDeaths, "expected");
    d.status = strict_enum(kDeaths, "status", q.text(7), parse_review_status);
    d.category = optional_enum(q, 8, kDeaths, "category", parse_death_category);
    if (!q.is_null(9)) d.modifiable = strict_flag(q, 9, kDeaths, "modifiable");
    d.reviewed_on = strict_optional_date(q, 10, kDeaths, "reviewed_on");
    d.created_at = q.int64(11);
    d.version = q.integer(12);
    return d;
}

int bind_death(Statement& q, const ChildDeath& d) {
    q.bind(1, d.reference).bind(2, d.died_on.iso()).bind(3, sex_key(d.sex)).bind(4, age_band_key(d.age_band)).bind(5, d.expected);
    q.bind(6, review_status_key(d.status));
    bind_key(q, 7, d.category, death_category_key);
    if (d.modifiable) q.bind(8, *d.modifiable);
    else q.bind_null(8);
    bind_date(q, 9, d.reviewed_on);
    return 10;
}

const char* const kFinanceColumns =
    "SELECT id, partnership_id, year_start, kind, basis, contributor, heading, amount_pence, on_date, description, reason, "
    "created_at, version FROM finance_entries ";

FinanceEntry read_finance(const Statement& q) {
    FinanceEntry e;
    e.id = FinanceEntryId{q.int64(0)};
    e.partnership = PartnershipId{q.int64(1)};
    e.year = FinancialYear{q.integer(2)};
    e.kind = strict_enum(kFinance, "kind", q.text(3), parse_finance_kind);
    e.basis = strict_enum(kFinance, "basis", q.text(4), parse_basis);
    e.contributor = q.text(5);
    e.heading = optional_enum(q, 6, kFinance, "heading", parse_heading);
    e.amount_pence = q.int64(7);
    e.on = strict_date(q, 8, kFinance, "on_date");
    e.description = q.text(9);
    e.reason = q.text(10);
    e.created_at = q.int64(11);
    e.version = q.integer(12);
    return e;
}

int bind_finance(Statement& q, const FinanceEntry& e) {
    q.bind(1, e.year.start).bind(2, finance_kind_key(e.kind)).bind(3, basis_key(e.basis)).bind(4, e.contributor);
    bind_key(q, 5, e.heading, heading_key);
    q.bind(6, e.amount_pence).bind(7, e.on.iso()).bind(8, e.description).bind(9, e.reason);
    return 10;
}

}  // namespace assure::sql::registers_rows
