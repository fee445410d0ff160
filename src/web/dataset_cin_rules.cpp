// The census's rules: a page that shows them to everyone who reads the dataset and lets the
// business unit change them (GOV.UK error summary for a wrong number, nothing saved), and the
// same as GET and PUT /api/v1/dataset/census-rules.
#include <nlohmann/json.hpp>

#include "app/dataset_cin_rules.hpp"
#include "web/dataset_views.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

constexpr const char* kPath = "/dataset/census-rules";

void rules_page(Services& s, Ctx& ctx, const std::map<std::string, std::string>& typed = {}, const FieldErrors& errors = {},
                int status = 200) {
    const CinRulesView v = read_cin_rules(s, ctx.who());
    Data rows{Data::type::list};
    std::string fields;
    for (const auto& setting : cin_rule_settings()) {
        const std::string key(setting.key);
        const auto it = typed.find(key);
        const std::string value = it != typed.end() ? it->second : std::to_string(v.rules.*setting.field);
        Data row;
        row.set("label", std::string(setting.label));
        row.set("value", std::to_string(v.rules.*setting.field));
        rows.push_back(row);
        fields += text_input(Field{key, std::string(setting.label), value, error_for(errors, key),
                                   "From " + std::to_string(setting.min) + " to " + std::to_string(setting.max), "off", "text",
                                   "govuk-input--width-4", false});
    }
    Data data;
    data.set("rows", rows);
    data.set("defaults", flag(v.defaults));
    data.set("may_change", flag(v.may_change));
    data.set("fields_html", fields);
    data.set("saved", flag(ctx.query("saved") == "1"));
    data.set("csrf_token", ctx.csrf_token);
    data.set("error_summary_html", error_summary(errors));
    page(ctx, "dataset/census_rules", data, PageOptions{"Census rules", "dataset", errors, status});
}

std::map<std::string, std::string> typed_from_form(const Ctx& ctx) {
    std::map<std::string, std::string> typed;
    for (const auto& setting : cin_rule_settings()) typed[std::string(setting.key)] = ctx.form(std::string(setting.key));
    return typed;
}

nlohmann::json rules_json(const CinRulesView& v) {
    nlohmann::json j{{"defaults", v.defaults}};
    for (const auto& setting : cin_rule_settings()) j[std::string(setting.key)] = v.rules.*setting.field;
    return j;
}

}  // namespace

void add_dataset_cin_rules_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kPath, Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { rules_page(s, ctx); }, kPath});
    routes.push_back({"POST", kPath, Permission::manage_dataset, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto typed = typed_from_form(ctx);
                          try {
                              set_cin_rules(s, ctx.who(), typed);
                              redirect(ctx, std::string(kPath) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              rules_page(s, ctx, typed, f.fields(), 422);
                          }
                      },
                      kPath});
    routes.push_back({"GET", "/api/v1/dataset/census-rules", Permission::view_dataset, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, rules_json(read_cin_rules(s, ctx.who()))); }, "/api/v1/dataset/census-rules"});
    routes.push_back({"PUT", "/api/v1/dataset/census-rules", Permission::manage_dataset, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              // Numbers as JSON numbers (or their text); anything else is refused by name below.
                              std::map<std::string, std::string> typed;
                              for (const auto& setting : cin_rule_settings()) {
                                  const std::string key(setting.key);
                                  if (!b.j.contains(key)) continue;
                                  const auto& value = b.j[key];
                                  typed[key] = value.is_number_integer() ? std::to_string(value.get<std::int64_t>())
                                               : value.is_string()       ? value.get<std::string>()
                                                                         : std::string("not a whole number");
                              }
                              set_cin_rules(s, ctx.who(), typed);
                              json(ctx, 200, rules_json(read_cin_rules(s, ctx.who())));
                          });
                      },
                      "/api/v1/dataset/census-rules"});
}

}  // namespace assure::web
