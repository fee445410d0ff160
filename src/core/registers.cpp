// The registers' shared pieces: financial years, shares, dates and money in words, and each
// enum's stored key and label (written once here, read by the store, the pages and the API).
#include "core/registers.hpp"

#include "core/register_rules.hpp"

#include <array>
#include <charconv>

#include "core/names.hpp"

namespace assure {
namespace {

constexpr Names<HarmLimb, 4> kLimbs{{{
    {HarmLimb::harmed, {"harmed", "Harmed, or may have harmed, a child"}},
    {HarmLimb::offence, {"offence", "Possibly committed a criminal offence against or related to a child"}},
    {HarmLimb::risk_of_harm, {"risk_of_harm", "Behaved in a way that indicates they may pose a risk of harm to children"}},
    {HarmLimb::unsuitability, {"unsuitability", "Behaved in a way that indicates they may not be suitable to work with children"}},
}}};
constexpr Names<LadoSource, 9> kSources{{{
    {LadoSource::employer, {"employer", "Employer"}},
    {LadoSource::police, {"police", "Police"}},
    {LadoSource::social_care, {"social_care", "Children's social care"}},
    {LadoSource::health, {"health", "Health"}},
    {LadoSource::education, {"education", "Education"}},
    {LadoSource::parent_or_carer, {"parent_or_carer", "Parent or carer"}},
    {LadoSource::child, {"child", "Child or young person"}},
    {LadoSource::anonymous, {"anonymous", "Anonymous"}},
    {LadoSource::other, {"other", "Other"}},
}}};
constexpr Names<LadoSector, 12> kSectors{{{
    {LadoSector::education, {"education", "Education (schools and colleges)"}},
    {LadoSector::early_years, {"early_years", "Early years"}},
    {LadoSector::residential_care, {"residential_care", "Residential care"}},
    {LadoSector::foster_care, {"foster_care", "Foster care"}},
    {LadoSector::social_care, {"social_care", "Social care"}},
    {LadoSector::health, {"health", "Health"}},
    {LadoSector::police, {"police", "Police"}},
    {LadoSector::faith, {"faith", "Faith groups"}},
    {LadoSector::sport_and_leisure, {"sport_and_leisure", "Sport and leisure"}},
    {LadoSector::voluntary, {"voluntary", "Voluntary and community sector"}},
    {LadoSector::transport, {"transport", "Transport"}},
    {LadoSector::other, {"other", "Other"}},
}}};
constexpr Names<InitialOutcome, 3> kInitial{{{
    {InitialOutcome::no_further_action, {"no_further_action", "No further action"}},
    {InitialOutcome::strategy_meeting, {"strategy_meeting", "Strategy meeting or discussion"}},
    {InitialOutcome::employer_process, {"employer_process", "Referred to the employer's own process"}},
}}};
constexpr Names<LadoOutcome, 5> kOutcomes{{{
    {LadoOutcome::substantiated, {"substantiated", "Substantiated"}},
    {LadoOutcome::malicious, {"malicious", "Malicious"}},
    {LadoOutcome::false_allegation, {"false", "False"}},
    {LadoOutcome::unsubstantiated, {"unsubstantiated", "Unsubstantiated"}},
    {LadoOutcome::unfounded, {"unfounded", "Unfounded"}},
}}};
constexpr Names<LadoStanding, 3> kStandings{{{
    {LadoStanding::no_further_action, {"no_further_action", "No further action after initial consideration"}},
    {LadoStanding::concluded, {"concluded", "Outcome reached"}},
    {LadoStanding::continuing, {"continuing", "Investigation continuing"}},
}}};
constexpr Names<Timeliness, 4> kTimeliness{{{
    {Timeliness::within_one_month, {"within_one_month", "Within one month"}},
    {Timeliness::within_three_months, {"within_three_months", "Within three months"}},
    {Timeliness::within_twelve_months, {"within_twelve_months", "Within twelve months"}},
    {Timeliness::over_twelve_months, {"over_twelve_months", "Over twelve months"}},
}}};
constexpr Names<Sex, 3> kSexes{{{
    {Sex::male, {"male", "Male"}},
    {Sex::female, {"female", "Female"}},
    {Sex::not_known, {"not_known", "Not known"}},
}}};
constexpr Names<AgeBand, 6> kAges{{{
    {AgeBand::under_28_days, {"under_28_days", "Under 28 days"}},
    {AgeBand::days_28_to_364, {"28_to_364_days", "28 days to 364 days"}},
    {AgeBand::years_1_to_4, {"1_to_4_years", "1 to 4 years"}},
    {AgeBand::years_5_to_9, {"5_to_9_years", "5 to 9 years"}},
    {AgeBand::years_10_to_14, {"10_to_14_years", "10 to 14 years"}},
    {AgeBand::years_15_to_17, {"15_to_17_years", "15 to 17 years"}},
}}};
constexpr Names<DeathCategory, 10> kCategories{{{
    {DeathCategory::deliberately_inflicted, {"deliberately_inflicted", "Deliberately inflicted injury, abuse or neglect"}},
    {DeathCategory::suicide_or_self_harm, {"suicide_or_self_harm", "Suicide or deliberate self-inflicted harm"}},
    {DeathCategory::trauma_external, {"trauma_external", "Trauma and other external factors"}},
    {DeathCategory::malignancy, {"malignancy", "Malignancy"}},
    {DeathCategory::acute_medical_surgical, {"acute_medical_surgical", "Acute medical or surgical condition"}},
    {DeathCategory::chronic_medical, {"chronic_medical", "Chronic medical condition"}},
    {DeathCategory::chromosomal_genetic_congenital, {"chromosomal_genetic_congenital", "Chromosomal, genetic and congenital anomalies"}},
    {DeathCategory::perinatal_neonatal, {"perinatal_neonatal", "Perinatal or neonatal event"}},
    {DeathCategory::infection, {"infection", "Infection"}},
    {DeathCategory::sudden_unexpected_unexplained, {"sudden_unexpected_unexplained", "Sudden unexpected, unexplained death"}},
}}};
constexpr Names<ReviewStatus, 2> kStatuses{{{
    {ReviewStatus::under_enquiry, {"under_enquiry", "Under enquiry"}},
    {ReviewStatus::complete, {"complete", "Review complete"}},
}}};
constexpr Names<FinanceKind, 4> kKinds{{{
    {FinanceKind::opening_balance, {"opening_balance", "Opening balance (before the first year kept)"}},
    {FinanceKind::contribution, {"contribution", "Contribution"}},
    {FinanceKind::in_kind, {"in_kind", "Contribution in kind"}},
    {FinanceKind::expenditure, {"expenditure", "Expenditure"}},
}}};
constexpr Names<Heading, 8> kHeadings{{{
    {Heading::staffing, {"staffing", "Staffing"}},
    {Heading::reviews, {"reviews", "Serious case and practice reviews"}},
    {Heading::independent_chair, {"independent_chair", "Independent chair and scrutiny"}},
    {Heading::training, {"training", "Training"}},
    {Heading::child_death_panel, {"child_death_panel", "Child death overview panel"}},
    {Heading::general, {"general", "General expenses"}},
    {Heading::it, {"it", "Information technology"}},
    {Heading::other, {"other", "Other"}},
}}};
constexpr Names<Basis, 2> kBases{{{
    {Basis::actual, {"actual", "Actual"}},
    {Basis::projected, {"projected", "Projected"}},
}}};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

ASSURE_REGISTER_NAMES_FROM(HarmLimb, harm_limb, kLimbs)
ASSURE_REGISTER_NAMES_FROM(LadoSource, lado_source, kSources)
ASSURE_REGISTER_NAMES_FROM(LadoSector, lado_sector, kSectors)
ASSURE_REGISTER_NAMES_FROM(InitialOutcome, initial_outcome, kInitial)
ASSURE_REGISTER_NAMES_FROM(LadoOutcome, lado_outcome, kOutcomes)
ASSURE_REGISTER_NAMES_FROM(LadoStanding, lado_standing, kStandings)
ASSURE_REGISTER_NAMES_FROM(Timeliness, timeliness, kTimeliness)
ASSURE_REGISTER_NAMES_FROM(Sex, sex, kSexes)
ASSURE_REGISTER_NAMES_FROM(AgeBand, age_band, kAges)
ASSURE_REGISTER_NAMES_FROM(DeathCategory, death_category, kCategories)
ASSURE_REGISTER_NAMES_FROM(ReviewStatus, review_status, kStatuses)
ASSURE_REGISTER_NAMES_FROM(FinanceKind, finance_kind, kKinds)
ASSURE_REGISTER_NAMES_FROM(Heading, heading, kHeadings)
ASSURE_REGISTER_NAMES_FROM(Basis, basis, kBases)

std::string FinancialYear::key() const { return std::to_string(start) + "-" + two_digits((start + 1) % 100); }
std::string FinancialYear::label() const { return std::to_string(start) + " to " + std::to_string(start + 1); }

FinancialYear FinancialYear::of(Date d) { return {d.month >= 4 ? d.year : d.year - 1}; }

std::optional<FinancialYear> FinancialYear::parse(std::string_view text) {
    if (text.size() != 7 || (text[4] != '-' && text[4] != '/')) return std::nullopt;
    int first = 0, second = 0;
    const auto a = std::from_chars(text.data(), text.data() + 4, first);
    const auto b = std::from_chars(text.data() + 5, text.data() + 7, second);
    if (a.ec != std::errc{} || a.ptr != text.data() + 4 || b.ec != std::errc{} || b.ptr != text.data() + 7) return std::nullopt;
    if (first < 1990 || first > 2200 || (first + 1) % 100 != second) return std::nullopt;
    return FinancialYear{first};
}

std::optional<int> percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return static_cast<int>((200 * part + whole) / (2 * whole));
}

std::optional<std::int64_t> basis_points(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return (20000 * part + whole) / (2 * whole);
}

std::string basis_points_text(std::int64_t bp) {
    const bool negative = bp < 0;
    const std::int64_t v = negative ? -bp : bp;
    return (negative ? "-" : "") + std::to_string(v / 100) + "." + two_digits(static_cast<int>(v % 100));
}

std::string pounds(std::int64_t pence) {
    const bool negative = pence < 0;
    std::int64_t v = negative ? -pence : pence;
    std::string whole = std::to_string(v / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
    std::string out = (negative ? "-£" : "£") + whole;
    if (v % 100 != 0) out += "." + two_digits(static_cast<int>(v % 100));
    return out;
}

std::string millions(std::int64_t pence) {
    // Thousands of pounds, rounded half away from zero, written as millions to three places.
    const bool negative = pence < 0;
    const std::int64_t v = negative ? -pence : pence;
    const std::int64_t thousands = (v + 50'000) / 100'000;
    std::string frac = std::to_string(thousands % 1000);
    while (frac.size() < 3) frac.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(thousands / 1000) + "." + frac;
}

std::optional<std::int64_t> parse_pounds(std::string_view text) {
    std::string digits;
    std::size_t point = std::string_view::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ',' && point == std::string_view::npos) continue;  // "148,901"
        if (c == '.' && point == std::string_view::npos) {
            point = i;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        digits += c;
    }
    const std::size_t places = point == std::string_view::npos ? 0 : text.size() - point - 1;
    if (digits.empty() || places > 2 || (point != std::string_view::npos && places == 0) || digits.size() > 13) return std::nullopt;
    std::int64_t v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    for (std::size_t i = places; i < 2; ++i) v *= 10;
    return v;
}

FieldErrors validate_register_rules(const RegisterRules& r) {
    FieldErrors errors;
    const auto share = [&](const char* field, int v) {
        if (v < 0 || v > 100) errors.push_back({field, "Enter a percentage from 0 to 100"});
    };
    share("lado_within_one_month_percent", r.lado_within_one_month_percent);
    share("lado_within_three_months_percent", r.lado_within_three_months_percent);
    share("lado_within_twelve_months_percent", r.lado_within_twelve_months_percent);
    if (!(1 < r.risk_medium_from && r.risk_medium_from < r.risk_high_from && r.risk_high_from < r.risk_very_high_from &&
          r.risk_very_high_from <= 25)) {
        errors.push_back({"risk_medium_from", "The risk bands must start in order: medium above 1, then high, then very high, "
                                              "each at a higher score, up to 25"});
    }
    for (int days : {r.escalation_stage1_working_days, r.escalation_stage2_working_days, r.escalation_stage3_working_days,
                     r.escalation_stage4_working_days}) {
        if (days < 1 || days > 120) {
            errors.push_back({"escalation_stage1_working_days", "Each escalation stage needs from 1 to 120 working days"});
            break;
        }
    }
    return errors;
}

}  // namespace assure
