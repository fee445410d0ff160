// One indicator of the multi-agency dataset: its latest figure, target and rating (computed by
// the dataset's rules, as the scorecard shows them), and the risk register's side of it: a way
// to raise a risk when the indicator is red, for those who keep the register, and the open
// risks already raised from it, for those who may see the register.
#include "app/risk_indicators.hpp"
#include "core/date_words.hpp"
#include "web/dataset_indicator_edit.hpp"
#include "web/dataset_views.hpp"
#include "web/html.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

std::string polarity_words(Polarity p) {
    switch (p) {
        case Polarity::higher_is_better: return "higher is better";
        case Polarity::lower_is_better: return "lower is better";
        case Polarity::neither: return "neither higher nor lower is better";
    }
    return "";
}

Data indicator_row(const std::string& label, const std::string& value) {
    Data r;
    r.set("label", label);
    r.set("value", value);
    return r;
}

void indicator_page(Services& s, Ctx& ctx) {
    const std::string code = ctx.req.matches[1];
    const IndicatorStanding standing = indicator_standing(s, ctx.who(), code);
    const IndicatorDefinition& d = standing.definition;
    const auto& latest = standing.latest;
    Data rows{Data::type::list};
    rows.push_back(indicator_row("Latest figure", latest ? figure_in_words(latest->value, d.unit) + " for " + latest->period.label() + " (" +
                                                     period_in_words(latest->period.start(), latest->period.end()) + ")"
                                               : std::string("No figure yet")));
    if (latest) {
        rows.push_back(indicator_row("Counted from", latest->origin == IndicatorValue::Origin::records
                                                         ? "The local authority's records imported for " + latest->period.label()
                                                         : "The agencies' returns for " + latest->period.label()));
    }
    rows.push_back(indicator_row("Target", d.target ? figure_in_words(*d.target, d.unit) + " (" + polarity_words(d.polarity) + ")" : std::string("None set")));
    if (d.target && d.tolerance > 0) rows.push_back(indicator_row("Tolerance", figure_in_words(d.tolerance, d.unit) + " on the wrong side of the target is amber"));
    rows.push_back(indicator_row("Priority", d.priority.empty() ? std::string("None") : d.priority));
    rows.push_back(indicator_row("Source agency", d.source_agency));
    Data data;
    data.set("code", d.code);
    data.set("name", d.name);
    data.set("definition", d.definition);
    data.set("rows", rows);
    data.set("may_edit", flag(ctx.who().can(Permission::manage_dataset)));
    data.set("saved", flag(ctx.query("saved") == "1"));
    data.set("rag_html", rag_tag(standing.rag()));
    const bool red = standing.rag() == Rag::red;
    data.set("is_red", flag(red));
    data.set("may_raise", flag(red && ctx.who().can(Permission::manage_registers)));
    data.set("raise_href", "/registers/risks/new?indicator=" + d.code);
    const bool may_see_risks = ctx.who().can(Permission::view_risks);
    data.set("may_see_risks", flag(may_see_risks));
    if (may_see_risks) {
        Data risks{Data::type::list};
        const auto open = open_risks_from_indicator(s, ctx.who(), d.code);
        for (const auto& r : open) {
            Data item;
            item.set("href", "/registers/risks/" + r.id.str());
            item.set("title", r.title);
            item.set("raised_on", date_in_words(r.raised_on));
            risks.push_back(item);
        }
        data.set("risks", risks);
        data.set("has_risks", flag(!open.empty()));
    }
    page(ctx, "dataset/indicator", data, PageOptions{d.name, "dataset"});
}

}  // namespace

void add_dataset_indicator_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/dataset/indicators/([A-Za-z0-9_-]+))", Permission::view_dataset, Surface::page,
                      [&s](Ctx& ctx) { indicator_page(s, ctx); }, "/dataset/indicators/cp_rate"});
    add_dataset_indicator_edit_routes(routes, s);
}

}  // namespace assure::web
