// The dataset's JSON API: POST /api/v1/imports/{kind} answers the import report (201 when
// saved; 422 problem+json naming each refused row when nothing was saved); GET
// /api/v1/indicators?period= answers every indicator's figure; GET /api/v1/imports lists them.
#include "app/dataset.hpp"
#include "web/dataset_import_body.hpp"
#include "web/dataset_views.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/xlsx_read.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

J optional_number(const std::optional<double>& v) { return v ? J(*v) : J(nullptr); }
J optional_whole(const std::optional<std::int64_t>& v) { return v ? J(*v) : J(nullptr); }

J changes_json(const ImportChanges& c) {
    return {{"first_import", c.first}, {"added", c.added}, {"removed", c.removed}, {"unchanged", c.unchanged}};
}

J refused_json(const std::vector<Refusal>& refused) {
    J out = J::array();
    for (const auto& r : refused) {
        J one{{"line", r.line}, {"message", r.reason}};
        one["field"] = r.column.empty() ? J(nullptr) : J(r.column);
        out.push_back(std::move(one));
    }
    return out;
}

J report_json(const ImportReport& r) {
    J out{{"kind", r.kind},
          {"file_name", r.file_name},
          {"rows_read", r.rows_read},
          {"rows_valid", r.rows_valid},
          {"rows_saved", r.rows_saved},
          {"rows_refused", r.refused.size()},
          {"refused", refused_json(r.refused)},
          {"saved", r.saved},
          {"changes", changes_json(r.changes)}};
    out["period"] = r.period.empty() ? J(nullptr) : J(r.period);
    out["id"] = r.id ? J(r.id->value) : J(nullptr);
    out["replaces"] = r.replaces ? J(r.replaces->value) : J(nullptr);
    return out;
}

J import_json(const DatasetImport& i) {
    J out{{"id", i.id.value},         {"kind", i.kind},           {"file_name", i.file_name},   {"rows_read", i.rows_read},
          {"rows_saved", i.rows_saved}, {"rows_refused", i.rows_refused}, {"changes", changes_json(i.changes)},
          {"imported_by", name_in_label(i.by_label)}, {"imported_at", iso_instant(i.at)}};
    out["period"] = i.period.empty() ? J(nullptr) : J(i.period);
    out["replaces"] = i.replaces ? J(i.replaces->value) : J(nullptr);
    return out;
}

void post_import(Services& s, Ctx& ctx) {
    const std::string accept = ctx.query("accept");
    if (!accept.empty() && accept != "valid" && accept != "none") {
        throw Failure::invalid({{"accept", "accept must be valid (save the valid rows) or none"}});
    }
    // An XLSX body is read as its first sheet; the census is XML, read as it is.
    const bool census = ctx.req.matches[1] == "cin-census";
    const RequestBody file(ctx);
    const std::string text = census ? std::string() : spreadsheet_or_csv(file.bytes);
    ImportRequest request{ctx.req.matches[1], ctx.query("period"), ctx.query("file_name"), census ? file.bytes : std::string_view(text),
                          accept == "valid"};
    if (request.file_name.empty()) request.file_name = request.kind + (census ? ".xml" : looks_like_xlsx(file.bytes) ? ".xlsx" : ".csv");
    const ImportReport report = import_dataset_file(s, ctx.who(), request);
    if (report.saved) {
        json(ctx, 201, report_json(report));
        return;
    }
    // Nothing saved: a problem document that names each refused row, with the report.
    J body{{"type", "about:blank"}, {"status", 422}};
    body["title"] = report.file_refused ? "The file is not a " + report.kind + " file" : "Some rows were refused, so nothing was saved";
    body["detail"] = report.file_refused ? report.refused.front().reason
                                         : std::to_string(report.refused.size()) + " of " + std::to_string(report.rows_read) +
                                               " rows were refused. Correct them and import the file again, or send accept=valid to "
                                               "save the " + std::to_string(report.rows_valid) + " valid rows.";
    body["errors"] = refused_json(report.refused);
    body["report"] = report_json(report);
    ctx.res.status = 422;
    ctx.res.set_content(body.dump(), "application/problem+json");
}

J indicator_json(const ScorecardLine& l) {
    const auto& d = l.definition;
    // A count is a whole number; other units keep their one decimal place.
    auto figure = [&](const std::optional<double>& v) {
        return v && d.unit == Unit::count ? J(static_cast<std::int64_t>(*v)) : optional_number(v);
    };
    J benchmarks = J::array();
    for (const auto& b : l.benchmarks) {
        benchmarks.push_back({{"area", std::string(benchmark_area_key(b.area))}, {"year", DatasetPeriod{b.year, 0}.key()}, {"value", b.value}});
    }
    return {{"code", d.code},
            {"name", d.name},
            {"period", l.value.period.key()},
            {"value", figure(l.value.value)},
            {"numerator", optional_whole(l.value.numerator)},
            {"denominator", optional_whole(l.value.denominator)},
            {"unit", std::string(unit_key(d.unit))},
            {"polarity", std::string(polarity_key(d.polarity))},
            {"aggregation", std::string(aggregation_key(d.aggregation))},
            {"target", optional_number(d.target)},
            {"rag", std::string(rag_key(l.rag))},
            {"direction", std::string(travel_key(l.travel))},
            {"previous", figure(l.previous)},
            {"benchmarks", benchmarks},
            {"priority", d.priority},
            {"source_agency", d.source_agency},
            {"counted_from", l.value.origin == IndicatorValue::Origin::records ? J("records")
                             : l.value.origin == IndicatorValue::Origin::returns ? J("returns")
                                                                                  : J(nullptr)}};
}

void get_indicators(Services& s, Ctx& ctx) {
    std::optional<DatasetPeriod> period;
    if (const std::string text = ctx.query("period"); !text.empty()) {
        period = DatasetPeriod::parse(text);
        if (!period) throw Failure::invalid({{"period", "period must be a financial year such as 2016-17 or a quarter such as 2016-17-Q1"}});
    }
    const auto card = read_scorecard(s, ctx.who(), period, false);
    J items = J::array();
    for (const auto& l : card.lines) items.push_back(indicator_json(l));
    json(ctx, 200, {{"period", card.period.key()}, {"items", items}});
}

}  // namespace

void add_dataset_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"POST", R"(/api/v1/imports/([a-z0-9-]+))", Permission::manage_dataset, Surface::api,
                      [&s](Ctx& ctx) { post_import(s, ctx); }, "/api/v1/imports/population"});
    routes.push_back({"GET", "/api/v1/imports", Permission::view_dataset, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto page = list_dataset_imports(s, ctx.who(), page_request(ctx));
                          J items = J::array();
                          for (const auto& i : page.items) items.push_back(import_json(i));
                          json(ctx, 200, list_body(std::move(items), page.next));
                      },
                      "/api/v1/imports"});
    routes.push_back({"GET", "/api/v1/indicators", Permission::view_dataset, Surface::api, [&s](Ctx& ctx) { get_indicators(s, ctx); },
                      "/api/v1/indicators"});
}

}  // namespace assure::web
