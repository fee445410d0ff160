// The children in need census's indicators for a financial year and its quarters, counted
// from the records (DfE's definitions, DOMAIN.md §5).
#include <algorithm>
#include <array>

#include "core/dataset_cin.hpp"
#include "core/dense_numbers.hpp"

namespace assure {
namespace {

constexpr int kPeriods = 5;  // 0 the year, 1..4 its quarters
using PerPeriod = std::array<std::int64_t, kPeriods>;
constexpr std::array<std::pair<std::string_view, const char*>, 5> kCategoryCodes{
    {{"NEG", "cp_category_neg"}, {"PHY", "cp_category_phy"}, {"EMO", "cp_category_emo"}, {"SAB", "cp_category_sab"}, {"MUL", "cp_category_mul"}}};

struct Tally {
    PerPeriod plans_open{}, started{}, started_repeat{}, ended{}, ended_long{};
    std::array<PerPeriod, 5> by_category{};
    PerPeriod conferences{}, conferences_in_time{}, referrals{}, re_referrals{}, assessments{}, assessments_in_time{};
};

struct Event {
    int child;
    std::int64_t day;
    std::size_t at;  // index into the census's vector
};

}  // namespace

std::vector<IndicatorValue> compute_cin_year(int year, const CinCensus& census, const std::vector<CinReferral>& earlier,
                                             std::optional<std::int64_t> population, const WorkingCalendar& calendar,
                                             const CinRules& rules) {
    if (census.empty()) return {};
    const std::array<DatasetPeriod, kPeriods> periods{DatasetPeriod{year, 0}, {year, 1}, {year, 2}, {year, 3}, {year, 4}};
    // The period index of a day's quarter, 0 when the day is outside the year.
    auto quarter_of = [&](Date d) {
        for (int p = 1; p < kPeriods; ++p) {
            if (periods[static_cast<std::size_t>(p)].contains(d)) return p;
        }
        return 0;
    };
    Tally t;
    auto count_in = [](PerPeriod& tally, int quarter, bool yes = true) {
        if (quarter == 0 || !yes) return;
        ++tally[0];
        ++tally[static_cast<std::size_t>(quarter)];
    };

    // Children as dense numbers, so plans and referrals sort by integers.
    DenseNumbers number(census.referrals.size() + earlier.size() / 2);

    // Plans, a child's in the order they started.
    std::vector<Event> plans;
    plans.reserve(census.plans.size());
    for (std::size_t i = 0; i < census.plans.size(); ++i) {
        plans.push_back({number.number_child_of(census.plans, i), census.plans[i].started.days(), i});
    }
    std::sort(plans.begin(), plans.end(), [](const Event& a, const Event& b) { return a.child != b.child ? a.child < b.child : a.day < b.day; });
    for (std::size_t i = 0; i < plans.size();) {
        std::size_t j = i;
        while (j < plans.size() && plans[j].child == plans[i].child) ++j;
        // Subject of a plan at the end of each period: the child counted once, by the latest plan open.
        for (int p = 0; p < kPeriods; ++p) {
            const Date end = periods[static_cast<std::size_t>(p)].end();
            const CinPlan* open = nullptr;
            for (std::size_t k = i; k < j; ++k) {
                const auto& plan = census.plans[plans[k].at];
                if (plan.started <= end && (!plan.ended || *plan.ended > end)) open = &plan;
            }
            if (!open) continue;
            ++t.plans_open[static_cast<std::size_t>(p)];
            for (std::size_t c = 0; c < kCategoryCodes.size(); ++c) {
                if (open->latest_category == kCategoryCodes[c].first) ++t.by_category[c][static_cast<std::size_t>(p)];
            }
        }
        for (std::size_t k = i; k < j; ++k) {
            const auto& plan = census.plans[plans[k].at];
            // Second or subsequent: the census says the child had plans before, or has an earlier one.
            const bool repeat = plan.previous_plans.value_or(0) > 0 || (k > i && plans[k - 1].day < plans[k].day);
            const int began = quarter_of(plan.started);
            count_in(t.started, began);
            count_in(t.started_repeat, began, repeat);
            if (plan.ended) {
                const int ended = quarter_of(*plan.ended);
                count_in(t.ended, ended);
                count_in(t.ended_long, ended, *plan.ended >= add_months_clamped(plan.started, rules.long_plan_months));
            }
        }
        i = j;
    }

    for (const auto& e : census.enquiries) {
        if (!e.conference) continue;
        const int held = quarter_of(*e.conference);
        count_in(t.conferences, held);
        count_in(t.conferences_in_time, held, calendar.working_days_between(e.started, *e.conference) <= rules.conference_working_days);
    }
    for (const auto& a : census.assessments) {
        if (!a.authorised) continue;
        const int done = quarter_of(*a.authorised);
        count_in(t.assessments, done);
        count_in(t.assessments_in_time, done, calendar.working_days_between(a.referred, *a.authorised) <= rules.assessment_working_days);
    }

    // Referrals with the previous year's, each child's in date order; an episode open across the
    // year's start is in both censuses, so a child's referrals on one day are one referral.
    std::vector<Event> referrals;
    referrals.reserve(census.referrals.size() + earlier.size());
    for (std::size_t i = 0; i < census.referrals.size(); ++i) {
        referrals.push_back({number.number_child_of(census.referrals, i), census.referrals[i].referred.days(), i});
    }
    for (std::size_t i = 0; i < earlier.size(); ++i) referrals.push_back({number.number_child_of(earlier, i), earlier[i].referred.days(), SIZE_MAX});
    std::sort(referrals.begin(), referrals.end(), [](const Event& a, const Event& b) { return a.child != b.child ? a.child < b.child : a.day < b.day; });
    referrals.erase(std::unique(referrals.begin(), referrals.end(), [](const Event& a, const Event& b) { return a.child == b.child && a.day == b.day; }),
                    referrals.end());
    for (std::size_t i = 0; i < referrals.size(); ++i) {
        const Date referred = Date::from_days(referrals[i].day);
        const int q = quarter_of(referred);
        if (q == 0) continue;
        const bool again = i > 0 && referrals[i - 1].child == referrals[i].child &&
                           referrals[i - 1].day >= add_months_clamped(referred, -rules.re_referral_months).days();
        count_in(t.referrals, q);
        count_in(t.re_referrals, q, again);
    }

    std::vector<IndicatorValue> out;
    for (int p = 0; p < kPeriods; ++p) {
        const auto at = static_cast<std::size_t>(p);
        const DatasetPeriod period = periods[at];
        auto count = [&](const char* code, std::int64_t v) { out.push_back({code, period, static_cast<double>(v), std::nullopt, std::nullopt}); };
        auto ratio = [&](const char* code, std::int64_t num, std::int64_t den, Unit unit) {
            out.push_back({code, period, ratio_value(num, den, unit), num, den});
        };
        count("cp_plans", t.plans_open[at]);
        if (population) ratio("cp_rate", t.plans_open[at], *population, Unit::rate_per_10000);
        for (std::size_t c = 0; c < kCategoryCodes.size(); ++c) {
            ratio(kCategoryCodes[c].second, t.by_category[c][at], t.plans_open[at], Unit::percentage);
        }
        count("cp_started", t.started[at]);
        count("cp_ended", t.ended[at]);
        ratio("cp_second_or_subsequent", t.started_repeat[at], t.started[at], Unit::percentage);
        ratio("cp_two_years_plus", t.ended_long[at], t.ended[at], Unit::percentage);
        ratio("icpc_in_15_days", t.conferences_in_time[at], t.conferences[at], Unit::percentage);
        count("referrals", t.referrals[at]);
        ratio("re_referrals_12m", t.re_referrals[at], t.referrals[at], Unit::percentage);
        ratio("assessments_in_45_days", t.assessments_in_time[at], t.assessments[at], Unit::percentage);
    }
    return out;
}

const std::vector<CinRuleSetting>& cin_rule_settings() {
    static const std::vector<CinRuleSetting> settings{
        {&CinRules::assessment_working_days, "assessment_working_days", "Working days from a referral to its assessment's authorisation", 1, 200},
        {&CinRules::conference_working_days, "conference_working_days",
         "Working days from a section 47 enquiry's start to the initial child protection conference", 1, 100},
        {&CinRules::re_referral_months, "re_referral_months", "Months within which a referral is a re-referral", 1, 12},
        {&CinRules::long_plan_months, "long_plan_months", "Months an ended plan had lasted to count as a long plan", 1, 120},
    };
    return settings;
}

}  // namespace assure
