// The registers' shared page pieces and the API's JSON shapes.
#include "web/registers_views.hpp"

namespace assure::web::registers_web {
namespace {

J date_or_null(const std::optional<Date>& d) { return d ? J(d->iso()) : J(nullptr); }

template <class E, class Key>
J key_or_null(const std::optional<E>& v, Key key) {
    return v ? J(std::string(key(*v))) : J(nullptr);
}

J share(const std::optional<int>& p) { return p ? J(*p) : J(nullptr); }

// Registers are read back over many years: reports compare a year with those before it, and a
// partnership moving from spreadsheets brings its history in.
constexpr int kYearsOffered = 20;

constexpr const char* kFilterNames[] = {"year",  "sector", "standing", "outcome",        "status",    "category", "sex",   "kind",
                                        "heading", "basis", "q",       "band",           "owner",     "review_overdue", "escalated",
                                        "stage",   "agency", "overdue",        "awaiting"};

}  // namespace

RegisterFilter filter_from(const Ctx& ctx) {
    RegisterFilter f;
    f.year = ctx.query("year");
    f.sector = ctx.query("sector");
    f.standing = ctx.query("standing");
    f.outcome = ctx.query("outcome");
    f.status = ctx.query("status");
    f.category = ctx.query("category");
    f.sex = ctx.query("sex");
    f.kind = ctx.query("kind");
    f.heading = ctx.query("heading");
    f.basis = ctx.query("basis");
    f.text = ctx.query("q");
    f.band = ctx.query("band");
    f.owner = ctx.query("owner");
    f.review_overdue = ctx.query("review_overdue");
    f.escalated = ctx.query("escalated");
    f.stage = ctx.query("stage");
    f.agency = ctx.query("agency");
    f.overdue = ctx.query("overdue");
    f.awaiting = ctx.query("awaiting");
    return f;
}

std::string filter_query(const Ctx& ctx) {
    std::string q;
    for (const char* name : kFilterNames) {
        const std::string v = ctx.query(name);
        if (!v.empty()) q += std::string(q.empty() ? "" : "&") + name + "=" + url_encode(v);
    }
    return q;
}

FinancialYear asked_year(Services& s, const Ctx& ctx) {
    const std::string raw = ctx.query("year");
    if (raw.empty()) return FinancialYear::of(london_today(s));
    return year_field(raw);
}

std::vector<Option> year_options(Services& s) {
    std::vector<Option> out;
    const FinancialYear now = FinancialYear::of(london_today(s));
    for (int i = 0; i < kYearsOffered; ++i) {
        const FinancialYear y{now.start - i};
        out.push_back({y.key(), y.label()});
    }
    return out;
}

Data table(const std::string& caption, const std::vector<std::string>& headings, const std::vector<std::vector<std::string>>& rows) {
    Data t;
    t.set("caption", caption);
    Data hs{Data::type::list};
    for (const auto& h : headings) hs.push_back(Data(h));
    t.set("headings", hs);
    Data rs{Data::type::list};
    for (const auto& r : rows) {
        Data row;
        row.set("first", r.empty() ? std::string() : r[0]);
        Data cells{Data::type::list};
        for (std::size_t i = 1; i < r.size(); ++i) cells.push_back(Data(r[i]));
        row.set("cells", cells);
        rs.push_back(row);
    }
    t.set("rows", rs);
    return t;
}

Data summary_row(const std::string& label, const std::string& value) {
    Data r;
    r.set("label", label);
    r.set("value", value.empty() ? std::string("Not recorded") : value);
    return r;
}

J lado_json(const LadoReferral& r) {
    J limbs = J::array();
    for (HarmLimb l : r.limbs) limbs.push_back(std::string(harm_limb_key(l)));
    const auto timeliness = timeliness_of(r);
    return J{{"id", r.id.value},
             {"adult_reference", r.adult_reference},
             {"referred_on", r.referred_on.iso()},
             {"source", std::string(lado_source_key(r.source))},
             {"sector", std::string(lado_sector_key(r.sector))},
             {"role", r.role},
             {"limbs", limbs},
             {"initial_considered_on", date_or_null(r.initial_considered_on)},
             {"initial_outcome", key_or_null(r.initial_outcome, initial_outcome_key)},
             {"strategy_meeting_on", date_or_null(r.strategy_meeting_on)},
             {"outcome", key_or_null(r.outcome, lado_outcome_key)},
             {"outcome_on", date_or_null(r.outcome_on)},
             {"training_needs", r.training_needs},
             {"dbs_referred_on", date_or_null(r.dbs_referred_on)},
             {"regulator_referred_on", date_or_null(r.regulator_referred_on)},
             {"notes", r.notes},
             {"standing", std::string(lado_standing_key(standing_of(r)))},
             {"resolved_on", date_or_null(resolved_on(r))},
             {"timeliness", key_or_null(timeliness, timeliness_key)},
             {"version", r.version}};
}

J lado_figures_json(const LadoFigures& f) {
    const auto& c = f.counts;
    const auto timeliness = [](const TimelinessFigure& t) {
        return J{{"count", t.count}, {"percent", share(t.percent)}, {"target_percent", t.target_percent},
                 {"met", t.met ? J(*t.met) : J(nullptr)}};
    };
    J sectors = J::array();
    for (const auto& [sector, n] : f.by_sector) sectors.push_back({{"sector", std::string(lado_sector_key(sector))}, {"referrals", n}});
    return J{{"year", f.year.key()},
             {"referrals", c.referrals},
             {"no_further_action", c.no_further_action},
             {"no_further_action_percent", share(f.no_further_action_percent)},
             {"unfounded", c.unfounded},
             {"unsubstantiated", c.unsubstantiated},
             {"malicious", c.malicious},
             {"false", c.false_allegations},
             {"substantiated", c.substantiated},
             {"training_needs", c.training_needs},
             {"continuing", c.continuing},
             {"resolved", c.resolved},
             {"dbs_referrals", c.dbs_referrals},
             {"regulator_referrals", c.regulator_referrals},
             {"within_one_month", timeliness(f.within_one_month)},
             {"within_three_months", timeliness(f.within_three_months)},
             {"within_twelve_months", timeliness(f.within_twelve_months)},
             {"by_sector", sectors}};
}

J death_json(const ChildDeath& d) {
    return J{{"id", d.id.value},
             {"reference", d.reference},
             {"died_on", d.died_on.iso()},
             {"sex", std::string(sex_key(d.sex))},
             {"age_band", std::string(age_band_key(d.age_band))},
             {"expected", d.expected},
             {"status", std::string(review_status_key(d.status))},
             {"category", key_or_null(d.category, death_category_key)},
             {"modifiable", d.modifiable ? J(*d.modifiable) : J(nullptr)},
             {"reviewed_on", date_or_null(d.reviewed_on)},
             {"version", d.version}};
}

J death_figures_json(const ChildDeathFigures& f) {
    const auto& c = f.counts;
    J ages = J::object(), categories = J::object();
    for (const auto& [a, n] : f.by_age) ages[std::string(age_band_key(a))] = n;
    for (const auto& [k, n] : f.by_category) categories[std::string(death_category_key(k))] = n;
    return J{{"year", f.year.key()},         {"deaths", c.deaths},
             {"male", c.male},               {"female", c.female},
             {"sex_not_known", c.sex_not_known}, {"expected", c.expected},
             {"unexpected", c.unexpected},   {"under_enquiry", c.under_enquiry},
             {"reviewed", c.reviewed},       {"modifiable", c.modifiable},
             {"modifiable_percent", share(f.modifiable_percent)},
             {"commonest_age_band", key_or_null(f.commonest_age, age_band_key)},
             {"by_age_band", ages},          {"by_category", categories}};
}

J finance_json(const FinanceEntry& e) {
    return J{{"id", e.id.value},
             {"year", e.year.key()},
             {"kind", std::string(finance_kind_key(e.kind))},
             {"basis", std::string(basis_key(e.basis))},
             {"contributor", e.contributor},
             {"heading", key_or_null(e.heading, heading_key)},
             {"amount_pence", e.amount_pence},
             {"on", e.on.iso()},
             {"description", e.description},
             {"reason", e.reason},
             {"version", e.version}};
}

J finance_figures_json(const FinanceFigures& f) {
    const auto lines = [](const std::vector<AmountLine>& ls, const char* name) {
        J a = J::array();
        for (const auto& l : ls) {
            a.push_back({{name, l.name}, {"amount_pence", l.pence}, {"percent", l.basis_points ? J(basis_points_text(*l.basis_points)) : J(nullptr)}});
        }
        return a;
    };
    return J{{"year", f.year.key()},
             {"brought_forward_pence", f.brought_forward},
             {"contributions_pence", f.contributions},
             {"in_kind_pence", f.in_kind},
             {"resources_pence", f.resources},
             {"expenditure_pence", f.expenditure},
             {"carried_forward_pence", f.carried_forward},
             {"projected_contributions_pence", f.projected_contributions},
             {"projected_expenditure_pence", f.projected_expenditure},
             {"projected_carried_forward_pence", f.projected_carried_forward},
             {"contributors", lines(f.contributors, "contributor")},
             {"in_kind", lines(f.in_kind_contributors, "contributor")},
             {"expenditure", lines(f.headings, "heading")}};
}

}  // namespace assure::web::registers_web
