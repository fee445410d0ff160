// Changing an indicator of the partnership's own catalogue (issue 15 item 1): its words, data
// owner, target and tolerance and the priority it evidences, and its benchmarks by year; on a
// page of its own and through the API. A refusal shows the form again with its errors (422).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/dataset.hpp"
#include "app/dataset_catalogue.hpp"
#include "core/risk_indicators.hpp"
#include "web/dataset_views.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::string code_of(const Ctx& ctx) { return ctx.req.matches[1].str(); }
std::string edit_href(const std::string& code) { return "/dataset/indicators/" + code + "/edit"; }

std::string number_text(double v) {
    std::string text = std::to_string(v);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

IndicatorDefinition indicator_of(Services& s, const Ctx& ctx, const std::string& code) {
    for (auto& d : dataset_catalogue(s, ctx.who())) {
        if (d.code == code) return d;
    }
    throw Failure::not_found("indicator " + code);
}

IndicatorEdit edit_of(const IndicatorDefinition& d) {
    return {d.name, d.definition, d.source_agency, d.target ? number_text(*d.target) : "", d.tolerance > 0 ? number_text(d.tolerance) : "",
            d.priority};
}

void edit_page(Services& s, Ctx& ctx, const IndicatorEdit* typed = nullptr, const BenchmarkInput& bench = {}, const FieldErrors& errors = {},
               int status = 200) {
    const std::string code = code_of(ctx);
    const IndicatorDefinition d = indicator_of(s, ctx, code);
    const IndicatorEdit in = typed ? *typed : edit_of(d);
    std::vector<Option> priorities{{"", "None"}};
    for (const auto& p : partnership_rules(s, ctx).learning.priorities) priorities.push_back({p, p});
    // The one it has, if the partnership words its priorities otherwise, stays choosable.
    if (!d.priority.empty() && std::none_of(priorities.begin(), priorities.end(), [&](const Option& o) { return o.value == d.priority; })) {
        priorities.push_back({d.priority, d.priority + " (as the catalogue has it)"});
    }
    std::vector<Option> areas;
    for (const auto a : {BenchmarkArea::england, BenchmarkArea::region, BenchmarkArea::statistical_neighbours}) {
        areas.push_back({std::string(benchmark_area_key(a)), std::string(benchmark_area_label(a))});
    }
    Data data;
    data.set("code", code);
    data.set("action", edit_href(code));
    data.set("name_html", text_input(Field{"name", "Name", in.name, error_for(errors, "name")}));
    data.set("definition_html", textarea(Field{"definition", "Definition", in.definition, error_for(errors, "definition"),
                                               "In plain English, as the scorecard explains it"},
                                         4));
    data.set("source_html", text_input(Field{"source_agency", "Data owner", in.source_agency, error_for(errors, "source_agency"),
                                             "The agency that owns the figure"}));
    data.set("target_html", text_input(Field{"target", "Target", in.target, error_for(errors, "target"),
                                             d.unit == Unit::percentage ? "A percentage from 0 to 100; empty for none" : "Empty for none", "off",
                                             "text", "govuk-input--width-5", false}));
    data.set("tolerance_html", text_input(Field{"tolerance", "Tolerance",
                                                in.tolerance, error_for(errors, "tolerance"),
                                                "How far on the wrong side of the target is amber rather than red", "off", "text",
                                                "govuk-input--width-5", false}));
    data.set("priority_html", select(Field{"priority", "Priority it evidences", in.priority, error_for(errors, "priority")}, priorities, ""));
    data.set("year_html", text_input(Field{"year", "Financial year", bench.year, error_for(errors, "year"), "For example, 2016-17", "off", "text",
                                           "govuk-input--width-5", false}));
    data.set("area_html", radios(Field{"area", "Compared with", bench.area, error_for(errors, "area")}, areas));
    data.set("value_html", text_input(Field{"value", "Value", bench.value, error_for(errors, "value"), "", "off", "text", "govuk-input--width-5", false}));
    Data rows{Data::type::list};
    for (const auto& b : indicator_benchmarks(s, ctx.who(), code)) {
        Data r;
        r.set("year", FinancialYear{b.year}.label());
        r.set("area", std::string(benchmark_area_label(b.area)));
        r.set("value", figure_in_words(b.value, d.unit));
        rows.push_back(r);
    }
    data.set("benchmarks", rows);
    data.set("has_benchmarks", flag(!rows.is_empty_list()));
    data.set("name", d.name);
    data.set("saved", flag(ctx.query("saved") == "benchmark"));
    page(ctx, "dataset/indicator_edit", data,
         PageOptions{"Change the indicator", "dataset", errors, status, "/dataset/indicators/" + code, "Back to the indicator"});
}

J definition_json(const IndicatorDefinition& d) {
    return {{"code", d.code},
            {"name", d.name},
            {"definition", d.definition},
            {"source_agency", d.source_agency},
            {"unit", std::string(unit_key(d.unit))},
            {"target", d.target ? J(*d.target) : J()},
            {"tolerance", d.tolerance},
            {"priority", d.priority.empty() ? J() : J(d.priority)}};
}

}  // namespace

void add_dataset_indicator_edit_routes(std::vector<Route>& routes, Services& s) {
    const std::string one = R"(/dataset/indicators/([A-Za-z0-9_-]+))";
    routes.push_back({"GET", one + "/edit", Permission::manage_dataset, Surface::page, [&s](Ctx& ctx) { edit_page(s, ctx); },
                      "/dataset/indicators/cp_rate/edit"});
    routes.push_back({"POST", one + "/edit", Permission::manage_dataset, Surface::page,
                      [&s](Ctx& ctx) {
                          const IndicatorEdit in{ctx.form("name"),   ctx.form("definition"), ctx.form("source_agency"),
                                                 ctx.form("target"), ctx.form("tolerance"),  ctx.form("priority")};
                          try {
                              update_indicator(s, ctx.who(), code_of(ctx), in);
                              redirect(ctx, "/dataset/indicators/" + code_of(ctx) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              edit_page(s, ctx, &in, {}, f.fields(), 422);
                          }
                      },
                      "/dataset/indicators/cp_rate/edit"});
    routes.push_back({"POST", one + "/benchmarks", Permission::manage_dataset, Surface::page,
                      [&s](Ctx& ctx) {
                          const BenchmarkInput in{ctx.form("year"), ctx.form("area"), ctx.form("value")};
                          try {
                              save_benchmark(s, ctx.who(), code_of(ctx), in);
                              redirect(ctx, edit_href(code_of(ctx)) + "?saved=benchmark#benchmarks");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              edit_page(s, ctx, nullptr, in, f.fields(), 422);
                          }
                      },
                      "/dataset/indicators/cp_rate/benchmarks"});

    const std::string api = R"(/api/v1/indicators/([A-Za-z0-9_-]+))";
    routes.push_back({"PATCH", api, Permission::manage_dataset, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              IndicatorEdit in = edit_of(indicator_of(s, ctx, code_of(ctx)));
                              const auto text = [&](const char* key, std::string& field) {
                                  if (!b.j.contains(key)) return;
                                  if (b.j[key].is_number()) field = number_text(b.j[key].get<double>());
                                  else field = b.text(key);
                              };
                              text("name", in.name);
                              text("definition", in.definition);
                              text("source_agency", in.source_agency);
                              text("target", in.target);
                              text("tolerance", in.tolerance);
                              text("priority", in.priority);
                              b.check();
                              json(ctx, 200, definition_json(update_indicator(s, ctx.who(), code_of(ctx), in)));
                          });
                      },
                      "/api/v1/indicators/cp_rate"});
    routes.push_back({"POST", api + "/benchmarks", Permission::manage_dataset, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              BenchmarkInput in{b.text("year"), b.text("area"), ""};
                              if (b.j.contains("value") && b.j["value"].is_number()) in.value = number_text(b.j["value"].get<double>());
                              else in.value = b.text("value");
                              b.check();
                              const Benchmark saved = save_benchmark(s, ctx.who(), code_of(ctx), in);
                              json(ctx, 201, {{"code", saved.code}, {"year", FinancialYear{saved.year}.key()},
                                              {"area", std::string(benchmark_area_key(saved.area))}, {"value", saved.value}});
                          });
                      },
                      "/api/v1/indicators/cp_rate/benchmarks"});
}

}  // namespace assure::web
