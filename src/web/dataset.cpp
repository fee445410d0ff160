// The partnership scorecard: every indicator's figure for a period with its target,
// red/amber/green, benchmarks and direction of travel, each trend drawn on the server with
// its figures in a table beside it; the import history; a CSV download.
#include <set>

#include "app/dataset.hpp"
#include "web/areas.hpp"
#include "web/dataset_chart.hpp"
#include "web/dataset_views.hpp"
#include "web/documents.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

std::optional<DatasetPeriod> period_query(const Ctx& ctx, const char* field) {
    const std::string text = ctx.query("period");
    if (text.empty()) return std::nullopt;
    auto p = DatasetPeriod::parse(text);
    if (!p) throw Failure::invalid({{field, "period must be a financial year such as 2016-17 or a quarter such as 2016-17-Q1"}});
    return p;
}

std::string figure_text(const std::optional<double>& v, Unit unit) {
    if (!v) return "No figure";
    return unit == Unit::count ? grouped(static_cast<long long>(*v)) : format_figure(*v, unit);
}

std::string benchmarks_text(const ScorecardLine& l) {
    std::string out;
    for (const auto& b : l.benchmarks) {
        out += (out.empty() ? "" : "; ") + std::string(benchmark_area_label(b.area)) + " " + format_figure(b.value, l.definition.unit) + " (" +
               DatasetPeriod{b.year, 0}.label() + ")";
    }
    return out;
}

Table scorecard_table(const Scorecard& card) {
    Table t{"Scorecard " + card.period.key(),
            {"Code", "Indicator", "Period", "Value", "Numerator", "Denominator", "Unit", "Target", "RAG", "Direction of travel",
             "Benchmarks", "Priority", "Source agency"},
            {}};
    for (const auto& l : card.lines) {
        const auto& d = l.definition;
        auto opt = [](const auto& o) { return o ? std::to_string(*o) : std::string(); };
        t.rows.push_back({d.code, d.name, card.period.key(), l.value.value ? format_figure(*l.value.value, d.unit) : "", opt(l.value.numerator),
                          opt(l.value.denominator), std::string(unit_key(d.unit)), d.target ? format_figure(*d.target, d.unit) : "",
                          std::string(rag_key(l.rag)), std::string(travel_key(l.travel)), benchmarks_text(l), d.priority, d.source_agency});
    }
    return t;
}

void scorecard_page(Services& s, Ctx& ctx) {
    const auto period = period_query(ctx, "period");
    const std::string priority = ctx.query("priority");
    const std::string agency = ctx.query("agency");  // the catalogue's source agency
    const Scorecard card = read_scorecard(s, ctx.who(), period, true);
    Data lines{Data::type::list};
    Data trends{Data::type::list};
    bool any_trend = false;
    std::set<std::string> priorities;
    std::set<std::string> agencies;
    for (const auto& l : card.lines) {
        priorities.insert(l.definition.priority);
        agencies.insert(l.definition.source_agency);
    }
    for (const auto& l : card.lines) {
        const auto& d = l.definition;
        if (!priority.empty() && d.priority != priority) continue;
        if (!agency.empty() && d.source_agency != agency) continue;
        Data row;
        row.set("code", d.code);
        row.set("name", d.name);
        row.set("definition", d.definition);
        row.set("value", figure_text(l.value.value, d.unit));
        row.set("unit", std::string(unit_label(d.unit)));
        row.set("parts", optional_text(l.value.numerator && l.value.denominator && d.unit != Unit::count
                                           ? grouped(*l.value.numerator) + " of " + grouped(*l.value.denominator)
                                           : ""));
        row.set("target", d.target ? format_figure(*d.target, d.unit) : "None set");
        row.set("rag_html", rag_tag(l.rag));
        row.set("travel", std::string(travel_label(l.travel)));
        row.set("benchmarks", benchmarks_text(l).empty() ? std::string("None") : benchmarks_text(l));
        lines.push_back(row);

        std::vector<TrendPoint> points;
        Data figures{Data::type::list};
        for (const auto& v : l.trend) {
            points.push_back({v.period.label(), v.value});
            Data f;
            f.set("period", v.period.label());
            f.set("value", figure_text(v.value, d.unit));
            figures.push_back(f);
        }
        const std::string svg = trend_svg("trend-" + d.code, d.name + ": trend to " + card.period.label(), points, d.unit, d.target);
        if (svg.empty()) continue;
        Data trend;
        trend.set("code", d.code);
        trend.set("name", d.name);
        trend.set("svg_html", svg);
        trend.set("figures", figures);
        trends.push_back(trend);
        any_trend = true;
    }
    std::vector<Option> periods;
    for (const auto& p : card.periods) periods.push_back({p.key(), p.label()});
    std::vector<Option> priority_options;
    for (const auto& p : priorities) priority_options.push_back({p, p});
    Data data;
    data.set("period_label", card.period.label());
    data.set("period_key", card.period.key());
    data.set("lines", lines);
    data.set("trends", trends);
    data.set("has_trends", flag(any_trend));
    data.set("period_html", select(Field{"period", "Period", card.period.key(), ""}, periods, "Latest year"));
    data.set("priority_html", select(Field{"priority", "Priority", priority, ""}, priority_options, "All priorities"));
    std::vector<Option> agency_options;
    for (const auto& a : agencies) agency_options.push_back({a, a});
    data.set("agency_html", select(Field{"agency", "Source agency", agency, ""}, agency_options, "All agencies"));
    data.set("can_import", flag(ctx.who().can(Permission::manage_dataset)));
    data.set("can_see_returns", flag(ctx.who().can(Permission::manage_dataset) || ctx.who().role == Role::agency_lead));
    page(ctx, "dataset/scorecard", data, PageOptions{"Scorecard " + card.period.label(), "dataset"});
}

void imports_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    const auto found = list_dataset_imports(s, ctx.who(), request);
    Data rows{Data::type::list};
    for (const auto& i : found.items) {
        Data row;
        row.set("id", i.id.str());
        row.set("kind", i.kind);
        row.set("period", i.period.empty() ? std::string("—") : i.period);
        row.set("file_name", i.file_name);
        row.set("rows_read", grouped(i.rows_read));
        row.set("rows_saved", grouped(i.rows_saved));
        row.set("rows_refused", grouped(i.rows_refused));
        row.set("changes", i.changes.first ? std::string("First import") :
                           grouped(i.changes.added) + " added, " + grouped(i.changes.removed) + " removed, " + grouped(i.changes.unchanged) + " unchanged");
        row.set("by", name_in_label(i.by_label));
        row.set("at", display_instant(i.at));
        rows.push_back(row);
    }
    Data data;
    data.set("imports", rows);
    data.set("has_imports", flag(!found.items.empty()));
    data.set("pagination_html", pagination("/dataset/imports", request, found.next));
    page(ctx, "dataset/imports", data, PageOptions{"Dataset imports", "dataset"});
}

}  // namespace

std::string rag_tag(Rag r) {
    const char* colour = r == Rag::red ? "govuk-tag--red" : r == Rag::amber ? "govuk-tag--yellow" : r == Rag::green ? "govuk-tag--green" : "govuk-tag--grey";
    return std::string("<strong class=\"govuk-tag ") + colour + "\">" + std::string(rag_label(r)) + "</strong>";
}

std::string_view unit_label(Unit u) {
    switch (u) {
        case Unit::count: return "Count";
        case Unit::percentage: return "Percentage";
        case Unit::rate_per_10000: return "Per 10,000 children";
        case Unit::days: return "Days";
    }
    return "";
}

void add_dataset_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/dataset", Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { scorecard_page(s, ctx); }, "/dataset"});
    for (const bool xlsx : {false, true}) {
        const std::string path = xlsx ? "/dataset.xlsx" : "/dataset.csv";
        routes.push_back({"GET", path, Permission::view_dataset, Surface::page,
                          [&s, xlsx](Ctx& ctx) {
                              const auto card = read_scorecard(s, ctx.who(), period_query(ctx, "period"), false);
                              send_table(ctx, scorecard_table(card), "scorecard-" + card.period.key(), xlsx);
                          },
                          path});
    }
    routes.push_back({"GET", "/dataset/imports", Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { imports_page(s, ctx); },
                      "/dataset/imports"});
    add_dataset_api_routes(routes, s);
    add_dataset_return_routes(routes, s);
    add_dataset_return_api_routes(routes, s);
    add_dataset_exception_routes(routes, s);
    add_dataset_exception_api_routes(routes, s);
    add_dataset_upload_routes(routes, s);
    add_dataset_cin_rules_routes(routes, s);
    add_dataset_indicator_routes(routes, s);
}

}  // namespace assure::web
