// The demo's registers, from seed 001 (Knowsley's annual report 2016/17): LADO referrals of
// three years whose figures the LADO table (§11) prints, the child deaths of §8, and the money
// of §12 with the year before it. Every entry is recorded through the use cases, and every
// figure the pages show is counted from these entries: nothing here is a total.
//
// Where the seed is silent the demo fills in, and says so: the LADO table's outcome rows leave
// some concluded investigations unaccounted for (its rows do not partition its referrals), so
// the demo records those as "false", an outcome the table does not print; the child deaths of
// 2015/16 are illustrative (the report gives only its own year).
#include <array>

#include "app/registers.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

std::string three_digits(int n) {
    std::string s = std::to_string(n);
    while (s.size() < 3) s.insert(0, "0");
    return s;
}

Date plus(Date d, int days) { return Date::from_days(d.days() + days); }

struct SectorRole {
    const char* sector;
    const char* role;
};
// Residential social workers, foster carers, school staff and early years staff are referred
// most (seed 001), so they come round most often.
constexpr std::array<SectorRole, 17> kSectors{{
    {"residential_care", "Residential social worker"}, {"education", "Teacher"}, {"foster_care", "Foster carer"},
    {"early_years", "Nursery practitioner"}, {"education", "Teaching assistant"}, {"residential_care", "Residential care worker"},
    {"social_care", "Social worker"}, {"health", "Nurse"}, {"education", "Teacher"}, {"sport_and_leisure", "Sports coach"},
    {"foster_care", "Foster carer"}, {"early_years", "Childminder"}, {"faith", "Youth leader"}, {"transport", "Taxi driver"},
    {"voluntary", "Volunteer"}, {"police", "Police officer"}, {"other", "Other"},
}};
constexpr std::array<const char*, 7> kSources{"employer", "police", "parent_or_carer", "social_care", "education", "child", "health"};
const std::array<std::vector<std::string>, 5> kLimbs{{{"harmed"}, {"harmed", "offence"}, {"risk_of_harm"}, {"unsuitability"},
                                                      {"harmed", "risk_of_harm"}}};

// One financial year of referrals: how many, how many ended at initial consideration, the
// outcomes reached in the year (those carried in from the year before are resolved first),
// how many run on past the year's end, and how many of the year's resolutions found training needs.
struct LadoYear {
    int start;
    int referrals;
    int no_further_action;
    std::vector<std::pair<const char*, int>> outcomes;
    int carried_out;
    int training_needs;
    int dbs_referrals;
};

struct Pending {
    LadoInput input;
    int index;
};

void load_lado(Services& s, const Actor& bu) {
    // Seed 001 §11: referrals 71, 89, 63; no further action after initial consideration 16, 54,
    // 44; unfounded 6, 1, 2; unsubstantiated 14, 10, 8; malicious 0, 1, 2; substantiated 9, 9, 6;
    // training needs 0, 6, 10; 5 investigations continuing at the end of 2016/17.
    const std::vector<LadoYear> years{
        {2014, 71, 16, {{"substantiated", 9}, {"unsubstantiated", 14}, {"unfounded", 6}, {"false", 26}}, 0, 0, 0},
        {2015, 89, 54, {{"substantiated", 9}, {"unsubstantiated", 10}, {"unfounded", 1}, {"malicious", 1}, {"false", 10}}, 4, 6, 2},
        {2016, 63, 44, {{"substantiated", 6}, {"unsubstantiated", 8}, {"unfounded", 2}, {"malicious", 2}}, 5, 10, 3},
        // Those still open at 31 March 2017 are resolved in the year after; seed 001 publishes nothing of it.
        {2017, 0, 0, {{"unsubstantiated", 3}, {"substantiated", 1}, {"unfounded", 1}}, 0, 0, 0},
    };
    std::vector<Pending> carried;
    int made = 0;
    for (const auto& y : years) {
        const FinancialYear fy{y.start};
        const Date first = fy.first_day(), last = fy.last_day();
        std::vector<Pending> investigated;  // resolved in this year, after those carried in
        std::vector<Pending> next_carried;
        for (int i = 0; i < y.referrals; ++i) {
            LadoInput in;
            const auto& sr = kSectors[static_cast<std::size_t>(made % static_cast<int>(kSectors.size()))];
            in.adult_reference = "LADO-" + fy.key() + "-" + three_digits(i + 1);
            const Date referred = plus(first, i * 358 / y.referrals);
            in.referred_on = referred.iso();
            in.source = kSources[static_cast<std::size_t>(made % static_cast<int>(kSources.size()))];
            in.sector = sr.sector;
            in.role = sr.role;
            in.limbs = kLimbs[static_cast<std::size_t>(made % static_cast<int>(kLimbs.size()))];
            in.initial_considered_on = plus(referred, 1).iso();
            ++made;
            // The last referrals of the year are the ones still open at its end.
            if (i >= y.referrals - y.carried_out) {
                in.initial_outcome = "strategy_meeting";
                in.strategy_meeting_on = plus(referred, 2).iso();
                next_carried.push_back({in, i});
                continue;
            }
            // No further action and investigations interleaved through the year.
            const int investigated_before = i - (i * y.no_further_action) / (y.referrals - y.carried_out);
            const int investigated_after = (i + 1) - ((i + 1) * y.no_further_action) / (y.referrals - y.carried_out);
            if (investigated_after == investigated_before) {
                in.initial_outcome = "no_further_action";
                record_lado_referral(s, bu, in);
            } else {
                in.initial_outcome = i % 3 == 0 ? "employer_process" : "strategy_meeting";
                if (i % 3 != 0) in.strategy_meeting_on = plus(referred, 2).iso();
                investigated.push_back({in, i});
            }
        }
        // Outcomes of the year, in the order listed, to those carried in first.
        std::vector<Pending> resolving = carried;
        resolving.insert(resolving.end(), investigated.begin(), investigated.end());
        std::size_t next = 0;
        int training = y.training_needs, dbs = y.dbs_referrals;
        constexpr std::array<int, 5> kDays{18, 25, 50, 80, 120};
        for (const auto& [outcome, count] : y.outcomes) {
            for (int k = 0; k < count; ++k, ++next) {
                auto& p = resolving.at(next);
                const Date referred = *Date::parse(p.input.referred_on);
                const bool carried_in = referred < first;
                Date on = carried_in ? plus(first, 10 + static_cast<int>(next) * 7)
                                     : plus(referred, kDays[static_cast<std::size_t>(next % kDays.size())]);
                if (on > last) on = last;
                p.input.outcome = outcome;
                p.input.outcome_on = on.iso();
                p.input.training_needs = training-- > 0;
                if (std::string(outcome) == "substantiated" && dbs-- > 0) p.input.dbs_referred_on = on.iso();
                record_lado_referral(s, bu, p.input);
            }
        }
        if (next != resolving.size()) throw std::logic_error("the LADO demo's outcomes do not match its referrals");
        carried = std::move(next_carried);
    }
}

struct Death {
    const char* reference;
    const char* died_on;
    const char* sex;
    const char* age_band;
    bool expected;
    const char* category;  // "" while under enquiry
    bool modifiable;
    const char* reviewed_on;
};

void load_deaths(Services& s, const Actor& bu) {
    // Seed 001 §8, 2016/17: 12 deaths, 7 of boys; the most (3) under 28 days old; 3 chromosomal,
    // genetic and congenital anomalies, 2 chronic medical conditions, 2 perinatal or neonatal
    // events, 1 sudden unexpected, unexplained death; 4 still under enquiry; none deliberately
    // inflicted. 2015/16 is illustrative: the report does not give it.
    const Death deaths[] = {
        {"CD-2016-01", "2016-04-19", "male", "under_28_days", false, "perinatal_neonatal", false, "2016-10-12"},
        {"CD-2016-02", "2016-05-08", "female", "under_28_days", true, "chromosomal_genetic_congenital", false, "2016-11-09"},
        {"CD-2016-03", "2016-06-21", "male", "under_28_days", false, "perinatal_neonatal", false, "2016-12-14"},
        {"CD-2016-04", "2016-07-02", "male", "28_to_364_days", false, "sudden_unexpected_unexplained", true, "2017-01-11"},
        {"CD-2016-05", "2016-08-15", "female", "28_to_364_days", true, "chromosomal_genetic_congenital", false, "2017-02-08"},
        {"CD-2016-06", "2016-09-03", "male", "1_to_4_years", true, "chromosomal_genetic_congenital", false, "2017-03-08"},
        {"CD-2016-07", "2016-10-11", "female", "5_to_9_years", true, "chronic_medical", false, "2017-03-08"},
        {"CD-2016-08", "2016-11-24", "male", "10_to_14_years", true, "chronic_medical", false, "2017-03-08"},
        {"CD-2016-09", "2016-12-30", "male", "1_to_4_years", false, "", false, ""},
        {"CD-2017-01", "2017-01-17", "female", "15_to_17_years", false, "", false, ""},
        {"CD-2017-02", "2017-02-26", "male", "15_to_17_years", false, "", false, ""},
        {"CD-2017-03", "2017-03-20", "female", "10_to_14_years", false, "", false, ""},
        {"CD-2015-01", "2015-04-28", "female", "under_28_days", false, "perinatal_neonatal", false, "2015-11-11"},
        {"CD-2015-02", "2015-06-09", "male", "under_28_days", true, "chromosomal_genetic_congenital", false, "2015-12-09"},
        {"CD-2015-03", "2015-07-30", "male", "28_to_364_days", false, "infection", false, "2016-01-13"},
        {"CD-2015-04", "2015-09-14", "female", "1_to_4_years", true, "malignancy", false, "2016-03-09"},
        {"CD-2015-05", "2015-10-22", "male", "10_to_14_years", true, "chronic_medical", false, "2016-04-13"},
        {"CD-2015-06", "2015-12-05", "male", "15_to_17_years", false, "trauma_external", true, "2016-06-08"},
        {"CD-2015-07", "2016-01-19", "female", "5_to_9_years", true, "acute_medical_surgical", false, "2016-07-13"},
        {"CD-2015-08", "2016-03-02", "male", "28_to_364_days", false, "sudden_unexpected_unexplained", true, "2016-09-14"},
    };
    for (const auto& d : deaths) {
        const bool complete = *d.category != '\0';
        record_child_death(s, bu, ChildDeathInput{d.reference, d.died_on, d.sex, d.age_band, d.expected ? "yes" : "no",
                                                  complete ? "complete" : "under_enquiry", d.category,
                                                  complete ? (d.modifiable ? "yes" : "no") : "", d.reviewed_on});
    }
}

struct Money {
    const char* year;
    const char* kind;
    const char* basis;
    const char* contributor;
    const char* heading;
    const char* pounds;
    const char* on;
    const char* description;
};

void load_money(Services& s, const Actor& bu) {
    // Seed 001 §12, in whole pounds chosen so that each line rounds to the report's £m to three
    // places and its share to the report's percentage: 2016/17 contributions £0.268m, £0.078m
    // brought forward, £0.346m available, £0.311m spent, £0.035m carried forward. 2015/16 is
    // worked back from the report's explanations (contributions £0.020m lower, the council's
    // £0.024m less, 5 Borough Partnerships £0.003m; spending £0.029m lower: staffing £0.035m,
    // reviews £0.017m, training £0.011m, the chair £0.007m, the Chronolator licence £0.003m).
    const Money entries[] = {
        {"2015-16", "opening_balance", "actual", "", "", "112000", "2015-04-01", "Contingency held before 2015/16"},
        {"2015-16", "contribution", "actual", "Knowsley Council", "", "124792", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "National Health Service", "", "46945", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "Dedicated Schools Grant", "", "41937", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "Police", "", "20754", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "First Ark", "", "5115", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "5 Borough Partnerships", "", "3000", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "Community Rehabilitation Company", "", "2499", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "National Probation Service", "", "1098", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "Knowsley Community College", "", "1071", "2015-06-30", ""},
        {"2015-16", "contribution", "actual", "CAFCASS", "", "589", "2015-06-30", ""},
        {"2015-16", "expenditure", "actual", "", "staffing", "166429", "2016-03-31", "Business unit staff"},
        {"2015-16", "expenditure", "actual", "", "independent_chair", "30217", "2016-03-31", ""},
        {"2015-16", "expenditure", "actual", "", "training", "27535", "2016-03-31", ""},
        {"2015-16", "expenditure", "actual", "", "reviews", "19830", "2016-03-31", "Serious case reviews"},
        {"2015-16", "expenditure", "actual", "", "child_death_panel", "15726", "2016-03-31", "Share of the Pan Merseyside panel"},
        {"2015-16", "expenditure", "actual", "", "it", "11174", "2016-03-31", "Chronolator licence"},
        {"2015-16", "expenditure", "actual", "", "general", "10889", "2016-03-31", ""},
        {"2016-17", "contribution", "actual", "Knowsley Council", "", "148792", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "National Health Service", "", "46945", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "Dedicated Schools Grant", "", "41937", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "Police", "", "20754", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "First Ark", "", "5115", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "Community Rehabilitation Company", "", "1499", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "National Probation Service", "", "1098", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "Knowsley Community College", "", "1071", "2016-06-30", ""},
        {"2016-17", "contribution", "actual", "CAFCASS", "", "589", "2016-06-30", ""},
        {"2016-17", "expenditure", "actual", "", "staffing", "201429", "2017-03-31", "Includes one-off redundancy costs of the previous manager"},
        {"2016-17", "expenditure", "actual", "", "reviews", "36830", "2017-03-31", "Serious case reviews"},
        {"2016-17", "expenditure", "actual", "", "independent_chair", "23217", "2017-03-31", ""},
        {"2016-17", "expenditure", "actual", "", "training", "16535", "2017-03-31", ""},
        {"2016-17", "expenditure", "actual", "", "child_death_panel", "15726", "2017-03-31", "Share of the Pan Merseyside panel"},
        {"2016-17", "expenditure", "actual", "", "general", "8889", "2017-03-31", ""},
        {"2016-17", "expenditure", "actual", "", "it", "8174", "2017-03-31", ""},
        // "It is anticipated the level of contributions will remain the same for 2017/2018."
        {"2017-18", "contribution", "projected", "Knowsley Council", "", "148792", "2017-06-30", "Expected to stay the same"},
        {"2017-18", "contribution", "projected", "National Health Service", "", "46945", "2017-06-30", "Expected to stay the same"},
        {"2017-18", "contribution", "projected", "Dedicated Schools Grant", "", "41937", "2017-06-30", "Expected to stay the same"},
        {"2017-18", "contribution", "projected", "Police", "", "20754", "2017-06-30", "Expected to stay the same"},
        {"2017-18", "contribution", "projected", "Others", "", "9372", "2017-06-30", "Expected to stay the same"},
    };
    for (const auto& m : entries) {
        record_finance_entry(s, bu, FinanceInput{m.year, m.kind, m.basis, m.contributor, m.heading, m.pounds, m.on, m.description, ""});
    }
}

}  // namespace

void load_demo_registers(Services& services, const std::string& business_unit_email) {
    const Actor bu = demo_actor(services, business_unit_email);
    load_lado(services, bu);
    load_deaths(services, bu);
    load_money(services, bu);
}

}  // namespace assure::cli
