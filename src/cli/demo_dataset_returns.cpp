// Knowsley Council's quarterly returns for 2016/17, as its performance officer sends them.
// Seed 001 §6 publishes some of these figures: plans at the year's end (220) and by category
// (110 emotional abuse, 96 neglect, 4 physical, 10 sexual, none multiple), the share of plans
// for emotional abuse at each quarter's end (43.5%, 42.4%, 48.1%, 50.0%), repeat plans at 13.0%
// in March, conferences on time never below 95%, 3,259 referrals, and 63 LADO referrals of
// which 44 needed no further action. The other figures are illustrative, made consistent with
// those (plans at 31 March 2016, 208, plus those started less those ended is 220).
// Q1 and Q2 are returned by form (Q2 then corrected, with its reason), Q4 by CSV file, and Q3
// is left outstanding, so the business unit's list has a late return.
#include <map>
#include <stdexcept>

#include "app/dataset_returns.hpp"
#include "cli/demo.hpp"
#include "cli/demo_dataset.hpp"

namespace assure::cli {
namespace {

const char* const kLead = "nadia.kowalski@knowsley-council.example";

// One quarter's figures: a count as its value, a percentage as "numerator/denominator".
using Figures = std::map<std::string, std::string>;

const std::map<int, Figures>& quarters() {
    static const std::map<int, Figures> q{
        {1, {{"cp_plans", "262"}, {"cp_category_emo", "114/262"}, {"cp_category_neg", "132/262"}, {"cp_category_phy", "6/262"},
             {"cp_category_sab", "10/262"}, {"cp_category_mul", "0/262"}, {"cp_second_or_subsequent", "15/108"}, {"cp_started", "108"},
             {"cp_ended", "54"}, {"cp_two_years_plus", "2/54"}, {"icpc_in_15_days", "95/99"}, {"missing_rhi_offered_72h", "268/330"},
             {"referrals", "812"}, {"re_referrals_12m", "158/812"}, {"assessments_in_45_days", "602/700"}, {"lado_referrals", "16"},
             {"lado_nfa_share", "11/16"}}},
        {2, {{"cp_plans", "269"}, {"cp_category_emo", "115/271"}, {"cp_category_neg", "140/271"}, {"cp_category_phy", "5/271"},
             {"cp_category_sab", "11/271"}, {"cp_category_mul", "0/271"}, {"cp_second_or_subsequent", "12/90"}, {"cp_started", "90"},
             {"cp_ended", "81"}, {"cp_two_years_plus", "3/81"}, {"icpc_in_15_days", "84/87"}, {"missing_rhi_offered_72h", "331/398"},
             {"referrals", "845"}, {"re_referrals_12m", "169/845"}, {"assessments_in_45_days", "634/720"}, {"lado_referrals", "17"},
             {"lado_nfa_share", "12/17"}}},
        {4, {{"cp_plans", "220"}, {"cp_category_emo", "110/220"}, {"cp_category_neg", "96/220"}, {"cp_category_phy", "4/220"},
             {"cp_category_sab", "10/220"}, {"cp_category_mul", "0/220"}, {"cp_second_or_subsequent", "7/54"}, {"cp_started", "54"},
             {"cp_ended", "75"}, {"cp_two_years_plus", "2/75"}, {"icpc_in_15_days", "58/60"}, {"missing_rhi_offered_72h", "214/270"},
             {"referrals", "801"}, {"re_referrals_12m", "160/801"}, {"assessments_in_45_days", "578/680"}, {"lado_referrals", "15"},
             {"lado_nfa_share", "11/15"}}},
    };
    return q;
}

std::vector<FigureInput> form_of(const Figures& f) {
    std::vector<FigureInput> out;
    for (const auto& [code, text] : f) {
        const auto slash = text.find('/');
        if (slash == std::string::npos) out.push_back({code, text, "", ""});
        else out.push_back({code, "", text.substr(0, slash), text.substr(slash + 1)});
    }
    return out;
}

std::string csv_of(const Figures& f, const std::string& period) {
    std::string csv = "code,period,value,numerator,denominator\r\n";
    for (const auto& [code, text] : f) {
        const auto slash = text.find('/');
        csv += code + "," + period + "," + (slash == std::string::npos ? text + ",," : "," + text.substr(0, slash) + "," + text.substr(slash + 1)) + "\r\n";
    }
    return csv;
}

DatasetReturn council_return(Services& s, const Actor& lead, const std::string& period) {
    const auto list = list_dataset_returns(s, lead, DatasetReturnListState::all, period, {});
    if (list.lines.items.size() != 1) throw std::logic_error("the demo council has no single return for " + period);
    return list.lines.items.front().ret;
}

}  // namespace

void load_demo_dataset_returns(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    const Actor lead = demo_actor(s, kLead);
    for (int q = 1; q <= 4; ++q) ask_for_returns(s, bu, DatasetPeriod{2016, q}.key());

    auto r = council_return(s, lead, "2016-17-Q1");
    submit_return_figures(s, lead, r.id, r.version, form_of(quarters().at(1)), "");

    r = council_return(s, lead, "2016-17-Q2");
    r = submit_return_figures(s, lead, r.id, r.version, form_of(quarters().at(2)), "");
    Figures corrected = quarters().at(2);
    corrected["cp_plans"] = "271";
    submit_return_figures(s, lead, r.id, r.version, form_of(corrected),
                          "Two plans that started on 30 September were recorded in October; the quarter's snapshot is 271");

    r = council_return(s, lead, "2016-17-Q4");
    const auto report = upload_return_figures(s, lead, r.id, r.version, "knowsley-csc-2016-17-q4.csv", csv_of(quarters().at(4), "2016-17-Q4"), "");
    if (!report.saved) {
        throw std::logic_error("the demo's Q4 return was refused: " + (report.refused.empty() ? std::string() : report.refused.front().reason));
    }
}

}  // namespace assure::cli
