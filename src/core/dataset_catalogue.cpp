// The default indicator catalogue: the codes of the multi-agency dataset (issue 15), worded
// from seed 001 §6 and the DfE children in need and SSDA903 guides. Targets and benchmarks
// are seed 001's where it publishes them; a partnership changes its own copy.
#include "core/dataset.hpp"

namespace assure {
namespace {

constexpr const char* kLa = "Local authority children's social care";
constexpr const char* kPolice = "Police";
constexpr const char* kLado = "Local authority designated officer";

IndicatorDefinition def(std::string code, std::string name, std::string definition, const char* agency, Unit unit,
                        Polarity polarity, Aggregation aggregation, IndicatorSource source, std::string priority) {
    IndicatorDefinition d;
    d.code = std::move(code);
    d.name = std::move(name);
    d.definition = std::move(definition);
    d.source_agency = agency;
    d.unit = unit;
    d.polarity = polarity;
    d.frequency = Frequency::quarter;
    d.aggregation = aggregation;
    d.source = source;
    d.priority = std::move(priority);
    return d;
}

std::vector<IndicatorDefinition> build() {
    using enum Unit;
    using enum Polarity;
    using enum Aggregation;
    const auto rec = IndicatorSource::records;
    const auto ret = IndicatorSource::agency_return;
    const std::string protection = "Children in need of help and protection";
    const std::string looked_after = "Children looked after";
    const std::string missing = "Children missing from home and care";
    const std::string allegations = "Allegations against people who work with children";
    std::vector<IndicatorDefinition> out;

    out.push_back(def("cp_plans", "Children subject of a child protection plan",
                      "Children subject of a child protection plan on the last day of the period.", kLa, count, neither, snapshot,
                      ret, protection));
    out.push_back(def("cp_rate", "Child protection plans per 10,000 children",
                      "Children subject of a plan at the period's end per 10,000 children aged 0 to 17 (ONS mid-year estimate), "
                      "to one decimal place.",
                      kLa, rate_per_10000, neither, snapshot, ret, protection));
    out.back().rate_of = "cp_plans";
    for (const auto& [code, label] : std::vector<std::pair<std::string, std::string>>{{"emo", "emotional abuse"},
                                                                                      {"neg", "neglect"},
                                                                                      {"phy", "physical abuse"},
                                                                                      {"sab", "sexual abuse"},
                                                                                      {"mul", "multiple categories"}}) {
        out.push_back(def("cp_category_" + code, "Plans for " + label,
                          "Share of the plans open at the period's end whose latest category is " + label +
                              ": plans in the category over all plans, recomputed from the counts.",
                          kLa, percentage, neither, snapshot, ret, protection));
    }
    out.push_back(def("cp_second_or_subsequent", "Plans for a second or subsequent time",
                      "Share of plans started in the period that were the child's second or subsequent plan.", kLa, percentage,
                      lower_is_better, ratio, ret, protection));
    out.back().target = 15.0;
    out.back().tolerance = 2.0;
    out.push_back(def("cp_started", "Child protection plans started", "Plans that started in the period.", kLa, count, neither,
                      sum, ret, protection));
    out.push_back(def("cp_ended", "Child protection plans ended", "Plans that ended in the period.", kLa, count, neither, sum,
                      ret, protection));
    out.push_back(def("cp_two_years_plus", "Plans ended after two years or more",
                      "Share of plans ended in the period that had lasted two years or more.", kLa, percentage, lower_is_better,
                      ratio, ret, protection));
    out.push_back(def("icpc_in_15_days", "Initial conferences within 15 working days",
                      "Share of initial child protection conferences held within 15 working days of the start of the section 47 "
                      "enquiry.",
                      kLa, percentage, higher_is_better, ratio, ret, protection));
    out.back().target = 95.0;
    out.back().tolerance = 5.0;

    out.push_back(def("cla", "Children looked after",
                      "Children looked after on the last day of the period (an episode open at the end of that day).", kLa, count,
                      neither, snapshot, rec, looked_after));
    out.push_back(def("cla_rate", "Children looked after per 10,000 children",
                      "Children looked after at the period's end per 10,000 children aged 0 to 17 (ONS mid-year estimate), to "
                      "one decimal place.",
                      kLa, rate_per_10000, lower_is_better, snapshot, rec, looked_after));
    out.back().rate_of = "cla";
    out.back().target = 95.0;
    out.back().tolerance = 5.0;
    out.push_back(def("cla_started", "Children who started to be looked after",
                      "Distinct children with an episode starting a new period of care (reason for new episode S) in the "
                      "period.",
                      kLa, count, neither, distinct_children, rec, looked_after));
    out.push_back(def("cla_ceased", "Children who ceased to be looked after",
                      "Distinct children whose period of care ended in the period (an episode ceased for a reason other than "
                      "X1, a new episode in the same period of care).",
                      kLa, count, neither, distinct_children, rec, looked_after));
    out.push_back(def("cla_three_placements", "Looked after children with three or more placements",
                      "Share of the children looked after at the period's end who had three or more placements in the "
                      "period.",
                      kLa, percentage, lower_is_better, ratio, rec, looked_after));
    out.back().target = 10.0;
    out.back().tolerance = 2.0;
    out.push_back(def("cla_long_term_stability", "Long-term placement stability",
                      "Share of the children under 16 looked after for two and a half years or more at the period's end who "
                      "had been in the same placement for two years or more.",
                      kLa, percentage, higher_is_better, ratio, rec, looked_after));
    out.back().target = 70.0;
    out.back().tolerance = 10.0;

    out.push_back(def("missing_children", "Children reported missing",
                      "Distinct children with one or more missing episodes starting in the period. A year's figure is not "
                      "the sum of its quarters: a child missing in two quarters is counted once.",
                      kPolice, count, neither, distinct_children, rec, missing));
    out.push_back(def("missing_episodes", "Missing episodes", "Missing episodes that started in the period, for all children.",
                      kPolice, count, lower_is_better, sum, rec, missing));
    out.push_back(def("missing_cla_children", "Looked after children reported missing",
                      "Distinct children looked after on the day a missing episode started in the period.", kLa, count, neither,
                      distinct_children, rec, missing));
    out.push_back(def("missing_cla_episodes", "Missing episodes of looked after children",
                      "Missing episodes that started in the period while the child was looked after.", kLa, count,
                      lower_is_better, sum, rec, missing));
    out.push_back(def("missing_rhi_offered_72h", "Return interviews offered within 72 hours",
                      "Share of missing episodes ended in the period after which an independent return interview was offered "
                      "within 72 hours: from the missing records when they carry the days interviews were offered, otherwise "
                      "the local authority's return.",
                      kLa, percentage, higher_is_better, ratio, ret, missing));
    out.push_back(def("missing_three_in_90_days", "Children missing three times in 90 days",
                      "Distinct children whose third missing episode within 90 days started in the period: the point at "
                      "which direct intervention is offered.",
                      kLa, count, lower_is_better, distinct_children, rec, missing));

    out.push_back(def("referrals", "Referrals to children's social care", "Referrals received in the period.", kLa, count,
                      neither, sum, ret, protection));
    out.push_back(def("re_referrals_12m", "Re-referrals within 12 months",
                      "Share of referrals in the period about a child referred within the previous 12 months.", kLa, percentage,
                      lower_is_better, ratio, ret, protection));
    out.push_back(def("assessments_in_45_days", "Assessments within 45 working days",
                      "Share of assessments completed in the period within 45 working days of the referral.", kLa, percentage,
                      higher_is_better, ratio, ret, protection));
    out.push_back(def("lado_referrals", "Allegations referred to the LADO", "Referrals to the LADO in the period.", kLado, count,
                      neither, sum, ret, allegations));
    out.push_back(def("lado_nfa_share", "LADO referrals closed with no further action",
                      "Share of LADO referrals concluded in the period with no further action after initial consideration.",
                      kLado, percentage, neither, ratio, ret, allegations));
    // The census's indicators are returned by the local authority until a year's census is
    // imported; from then the year's figures are counted from it (core/dataset_cin.hpp).
    for (auto& d : out) {
        if (d.code.starts_with("cp_") || d.code == "icpc_in_15_days" || d.code == "referrals" || d.code == "re_referrals_12m" ||
            d.code == "assessments_in_45_days") {
            d.definition += " Counted from the children in need census once the year's is imported, otherwise the local authority's return.";
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].position = static_cast<int>(i + 1);
    return out;
}

}  // namespace

const std::vector<IndicatorDefinition>& default_indicator_catalogue() {
    static const std::vector<IndicatorDefinition> catalogue = build();
    return catalogue;
}

// Seed 001 §6: CLA per 10,000 in 2015/16 (England 60, North West 82, statistical neighbours
// 100); emotional abuse plans among statistical neighbours 35% in 2015/16.
const std::vector<Benchmark>& default_benchmarks() {
    static const std::vector<Benchmark> benchmarks{
        {"cla_rate", 2015, BenchmarkArea::england, 60},
        {"cla_rate", 2015, BenchmarkArea::region, 82},
        {"cla_rate", 2015, BenchmarkArea::statistical_neighbours, 100},
        {"cp_category_emo", 2015, BenchmarkArea::statistical_neighbours, 35},
    };
    return benchmarks;
}

}  // namespace assure
