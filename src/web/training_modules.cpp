// Online modules (issue 16 item 1): the list with the year's applications by module and agency,
// a module's page with its practitioners, the module form, the import of the provider's report,
// and the same through the API. A refusal shows the form again with its errors and nothing saved.
#include "web/training_modules.hpp"
#include "web/training_views.hpp"

#include "app/training_modules.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/xlsx_read.hpp"

namespace assure::web::training_web {
namespace {

using J = nlohmann::json;

constexpr const char* kModules = "/training/modules";

std::string module_href(ModuleId id) { return std::string(kModules) + "/" + id.str(); }

std::string percent_words(const std::optional<int>& p) { return p ? std::to_string(*p) + "%" : "None applied"; }

Data line_row(const ModuleFigureLine& l, const std::string& href = "") {
    Data row;
    row.set("first", l.name);
    if (!href.empty()) row.set("href", href);
    row.set("cells", list_of({Data(grouped(l.applied)), Data(grouped(l.started)), Data(grouped(l.completed)), Data(percent_words(l.completion_percent))}));
    return row;
}

Data headings(const char* first) { return list_of({Data(std::string(first)), Data("Applied"), Data("Started"), Data("Completed"), Data("Completion rate")}); }

Data table(const std::string& caption, const char* first, Data rows) {
    Data t;
    t.set("caption", caption);
    t.set("headings", headings(first));
    t.set("rows", std::move(rows));
    return t;
}

Data link_item(const std::string& href, const std::string& label) {
    Data d;
    d.set("href", href);
    d.set("label", label);
    return d;
}

void modules_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = year_asked(s, ctx.query("year"), errors);
    const ModuleList list = list_modules(s, ctx.who(), year);
    Data by_module{Data::type::list};
    for (const auto& line : list.figures.by_module) by_module.push_back(line_row(line, module_href(line.module) + "?year=" + year.key()));
    by_module.push_back(line_row(list.figures.total));
    Data by_agency{Data::type::list};
    for (const auto& l : list.figures.by_agency) by_agency.push_back(line_row(l));
    Data tables{Data::type::list};
    tables.push_back(table("Applications by module", "Module", by_module));
    if (!list.figures.by_agency.empty()) tables.push_back(table("Applications by agency", "Agency", by_agency));
    Data items{Data::type::list};
    if (list.may_manage) {
        items.push_back(link_item(std::string(kModules) + "/new", "Add a module"));
        items.push_back(link_item(std::string(kModules) + "/import", "Import the provider’s report"));
    }
    items.push_back(link_item("/training/figures?year=" + year.key(), "Training figures for the year"));
    Data links;
    links.set("items", items);
    Data data;
    data.set("title", "Online modules: " + year.label());
    data.set("intro", "The e-learning modules the partnership offers, and the practitioners who applied for each in the year, started and "
                      "completed it, from the provider’s reports. An application counts in the year it was made.");
    data.set("links", links);
    data.set("year_action", kModules);
    data.set("year_html", year_field(year, errors));
    data.set("sentence", module_figures_sentence(list.figures));
    data.set("tables", tables);
    const std::string saved = ctx.query("saved");
    if (saved == "import") {
        data.set("saved", "Report imported: " + grouped(std::atoi(ctx.query("added").c_str())) + " enrolments added, " +
                              grouped(std::atoi(ctx.query("updated").c_str())) + " brought up to date, " +
                              grouped(std::atoi(ctx.query("unchanged").c_str())) + " as they were.");
    }
    page(ctx, "training/modules", data, PageOptions{"Online modules", "training", errors, errors.empty() ? 200 : 422, "/training", "Back to training"});
}

void module_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = year_asked(s, ctx.query("year"), errors);
    const PageRequest request = page_request(ctx);
    const ModuleView v = read_module(s, ctx.who(), ModuleId{ctx.path_id()}, year, request);
    Data rows{Data::type::list};
    const auto detail = [&](const std::string& label, const std::string& value, const std::string& href = "") {
        Data d;
        d.set("label", label);
        d.set("value", value);
        if (!href.empty()) d.set("href", href);
        rows.push_back(d);
    };
    detail("Provider", v.module.provider.empty() ? "The partnership’s own" : v.module.provider);
    detail("Where practitioners apply", v.module.link.empty() ? "No link given" : v.module.link, v.module.link);
    detail("Offered", v.module.active ? "Yes" : "No longer offered");
    Data details;
    details.set("rows", rows);
    Data by_agency{Data::type::list};
    for (const auto& l : v.figures.by_agency) by_agency.push_back(line_row(l));
    Data tables{Data::type::list};
    if (!v.figures.by_agency.empty()) tables.push_back(table("Applications in " + year.label() + " by agency", "Agency", by_agency));
    Data enrolled{Data::type::list};
    for (const auto& e : v.enrolments.items) {
        Data row;
        row.set("name", e.name);
        row.set("organisation", e.agency_name.empty() ? std::string(kNoOrganisationGiven) : e.agency_name);
        row.set("applied", date_in_words(e.applied_on));
        const ModuleStage stage = stage_of(e);
        row.set("stage", std::string(module_stage_label(stage)) +
                             (stage == ModuleStage::completed ? " on " + date_in_words(*e.completed_on)
                              : stage == ModuleStage::started ? " on " + date_in_words(*e.started_on)
                                                              : ""));
        enrolled.push_back(row);
    }
    Data items{Data::type::list};
    if (v.may_manage) items.push_back(link_item(module_href(v.module.id) + "/edit", "Change the module"));
    Data links;
    links.set("items", items);
    const ModuleFigureLine& line = v.figures.by_module.empty() ? v.figures.total : v.figures.by_module.front();
    Data data;
    data.set("caption", "Online module");
    data.set("title", v.module.title);
    data.set("intro", count_of(line.applied, "practitioner", "practitioners") + " applied in " + year.label() + ", " + grouped(line.started) +
                          " started and " + grouped(line.completed) + " completed (" + percent_words(line.completion_percent) + ").");
    data.set("details", details);
    data.set("links", links);
    data.set("year_action", module_href(v.module.id));
    data.set("year_html", year_field(year, errors));
    data.set("tables", tables);
    if (v.enrolments.items.empty()) data.set("no_enrolments", "No practitioner has applied for this module yet.");
    else {
        Data list;
        list.set("rows", enrolled);
        list.set("pagination_html", pagination(module_href(v.module.id) + "?year=" + year.key(), request, v.enrolments.next));
        data.set("enrolments", list);
    }
    data.set("back_href", std::string(kModules) + "?year=" + year.key());
    data.set("back_label", "Back to online modules");
    if (ctx.has_query("saved")) data.set("saved", "Module saved");
    page(ctx, "training/modules", data, PageOptions{v.module.title, "training", errors, errors.empty() ? 200 : 422});
}

ModuleInput input_from(const Ctx& ctx) {
    return {ctx.form("title"), ctx.form("provider"), ctx.form("link"), ctx.form("offered") != "no"};
}

void form_page(Ctx& ctx, const ModuleInput& in, const std::optional<OnlineModule>& existing, const FieldErrors& errors, int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    Data fields{Data::type::list};
    fields.push_back(Data(text_input(Field{"title", "Title", in.title, e("title"), "As the provider names it: the import matches the report’s rows by it"})));
    fields.push_back(Data(text_input(Field{"provider", "Provider (optional)", in.provider, e("provider"), "For example, Virtual College"})));
    fields.push_back(Data(text_input(Field{"link", "Where practitioners apply (optional)", in.link, e("link"), "A link starting https://", "url", "url"})));
    fields.push_back(Data(radios(Field{"offered", "Is the module still offered?", in.active ? "yes" : "no", e("offered"),
                                       "A module no longer offered keeps its practitioners and figures"},
                                 {{"yes", "Yes"}, {"no", "No"}}, true)));
    const std::string title = existing ? "Change " + existing->title : "Add an online module";
    Data data;
    data.set("title", title);
    data.set("action_url", existing ? module_href(existing->id) : std::string(kModules));
    data.set("version", existing ? std::to_string(existing->version) : "0");
    data.set("fields", fields);
    data.set("back_href", existing ? module_href(existing->id) : std::string(kModules));
    page(ctx, "training/form", data, PageOptions{title, "training", errors, status});
}

void import_page(Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    Data data;
    data.set("file_error", optional_text(error_for(errors, "file")));
    std::string headings;
    for (const auto& h : enrolment_sheet_headings()) headings += (headings.empty() ? "" : ", ") + h;
    data.set("headings", headings);
    page(ctx, "training/modules_import", data, PageOptions{"Import the provider’s report", "training", errors, status, kModules, "Back to online modules"});
}

J module_json(const OnlineModule& m) {
    return J{{"id", m.id.value}, {"title", m.title}, {"provider", m.provider}, {"link", m.link}, {"active", m.active}, {"version", m.version}};
}

J enrolment_json(const ModuleEnrolment& e) {
    const auto day = [](const std::optional<Date>& d) { return d ? J(d->iso()) : J(); };
    return J{{"name", e.name},
             {"email", e.email},
             {"organisation", e.organisation},
             {"agency_id", e.agency.valid() ? J(e.agency.value) : J()},
             {"applied_on", e.applied_on.iso()},
             {"started_on", day(e.started_on)},
             {"completed_on", day(e.completed_on)},
             {"stage", lower(module_stage_label(stage_of(e)))}};
}

ModuleInput api_input(Body& b) {
    ModuleInput in{b.text("title"), b.text("provider"), b.text("link"), true};
    if (b.j.contains("active") && !b.j["active"].is_null()) in.active = b.flag("active");
    return in;
}

void add_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kModules, Permission::view_training, Surface::page, [&s](Ctx& ctx) { modules_page(s, ctx); }, kModules});
    routes.push_back({"GET", "/training/modules/new", Permission::manage_training, Surface::page,
                      [](Ctx& ctx) { form_page(ctx, ModuleInput{}, std::nullopt, {}, 200); }, "/training/modules/new"});
    routes.push_back({"POST", kModules, Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const ModuleInput in = input_from(ctx);
                          try {
                              redirect(ctx, module_href(add_module(s, ctx.who(), in).id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(ctx, in, std::nullopt, f.fields(), 422);
                          }
                      },
                      kModules});
    routes.push_back({"GET", "/training/modules/import", Permission::manage_training, Surface::page, [](Ctx& ctx) { import_page(ctx); },
                      "/training/modules/import"});
    routes.push_back({"POST", "/training/modules/import", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto file = ctx.req.files.find("file");
                          try {
                              if (file == ctx.req.files.end() || file->second.content.empty()) {
                                  throw Failure::invalid({{"file", "Choose the provider’s report of enrolments, as CSV or XLSX"}});
                              }
                              const EnrolmentImport done = import_enrolments(s, ctx.who(), spreadsheet_or_csv(file->second.content));
                              redirect(ctx, std::string(kModules) + "?saved=import&added=" + std::to_string(done.added) + "&updated=" +
                                                std::to_string(done.updated) + "&unchanged=" + std::to_string(done.unchanged));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              import_page(ctx, f.fields(), 422);
                          }
                      },
                      "/training/modules/import"});
    routes.push_back({"GET", R"(/training/modules/(\d+))", Permission::view_training, Surface::page, [&s](Ctx& ctx) { module_page(s, ctx); },
                      "/training/modules/1"});
    routes.push_back({"GET", R"(/training/modules/(\d+)/edit)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto v = read_module(s, ctx.who(), ModuleId{ctx.path_id()}, FinancialYear::of(london_today(s)), PageRequest{1, ""});
                          form_page(ctx, ModuleInput{v.module.title, v.module.provider, v.module.link, v.module.active}, v.module, {}, 200);
                      },
                      "/training/modules/1/edit"});
    routes.push_back({"POST", R"(/training/modules/(\d+))", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto v = read_module(s, ctx.who(), ModuleId{ctx.path_id()}, FinancialYear::of(london_today(s)), PageRequest{1, ""});
                          const ModuleInput in = input_from(ctx);
                          try {
                              update_module(s, ctx.who(), v.module.id, in, form_int(ctx, "version"));
                              redirect(ctx, module_href(v.module.id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(ctx, in, v.module, f.fields(), 422);
                          }
                      },
                      "/training/modules/1"});
}

void add_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/modules", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const ModuleList list = list_modules(s, ctx.who(), year_or_refuse(s, ctx.query("year")));
                          J items = J::array();
                          for (const auto& m : list.modules) items.push_back(module_json(m));
                          json(ctx, 200, {{"items", items}, {"figures", module_figures_json(list.figures)}});
                      },
                      "/api/v1/modules"});
    routes.push_back({"POST", "/api/v1/modules", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ModuleInput in = api_input(b);
                              b.check();
                              json(ctx, 201, module_json(add_module(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/modules"});
    // The provider's report as it comes, CSV or XLSX, in the body: all or none, as on the page.
    routes.push_back({"POST", "/api/v1/modules/enrolments", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          if (ctx.req.body.empty()) throw Failure::invalid({{"file", "Send the provider’s report of enrolments as the body, CSV or XLSX"}});
                          const EnrolmentImport done = import_enrolments(s, ctx.who(), spreadsheet_or_csv(ctx.req.body));
                          json(ctx, 200, {{"added", done.added}, {"updated", done.updated}, {"unchanged", done.unchanged}});
                      },
                      "/api/v1/modules/enrolments"});
    routes.push_back({"GET", R"(/api/v1/modules/(\d+))", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const ModuleView v = read_module(s, ctx.who(), ModuleId{ctx.path_id()}, year_or_refuse(s, ctx.query("year")), page_request(ctx));
                          J enrolments = J::array();
                          for (const auto& e : v.enrolments.items) enrolments.push_back(enrolment_json(e));
                          J out = module_json(v.module);
                          out["figures"] = module_figures_json(v.figures);
                          out["enrolments"] = list_body(enrolments, v.enrolments.next);
                          json(ctx, 200, out);
                      },
                      "/api/v1/modules/1"});
    routes.push_back({"PUT", R"(/api/v1/modules/(\d+))", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ModuleInput in = api_input(b);
                              const int version = b.integer("version", "Send the version you read, a whole number");
                              b.check();
                              json(ctx, 200, module_json(update_module(s, ctx.who(), ModuleId{ctx.path_id()}, in, version)));
                          });
                      },
                      "/api/v1/modules/1"});
}

J line_json(const ModuleFigureLine& l) {
    return J{{"name", l.name}, {"applied", l.applied}, {"started", l.started}, {"completed", l.completed},
             {"completion_percent", l.completion_percent ? J(*l.completion_percent) : J()}};
}

}  // namespace

void add_module_figure_tables(const ModuleFigures& f, Data& tables) {
    Data by_module{Data::type::list}, by_agency{Data::type::list};
    for (const auto& l : f.by_module) by_module.push_back(line_row(l));
    by_module.push_back(line_row(f.total));
    for (const auto& l : f.by_agency) by_agency.push_back(line_row(l));
    tables.push_back(table("Online modules: applications by module", "Module", by_module));
    if (!f.by_agency.empty()) tables.push_back(table("Online modules: applications by agency", "Agency", by_agency));
}

std::string module_figures_sentence(const ModuleFigures& f) {
    if (f.practitioners_applied == 0) return "No practitioner applied for an online module in " + f.year.label() + ".";
    return grouped(f.practitioners_applied) + (f.practitioners_applied == 1 ? " practitioner" : " practitioners") +
           " applied for an online module in " + f.year.label() + " and " + grouped(f.practitioners_completed) + " completed one.";
}

J module_figures_json(const ModuleFigures& f) {
    J modules = J::array(), agencies = J::array();
    for (const auto& l : f.by_module) modules.push_back(line_json(l));
    for (const auto& l : f.by_agency) agencies.push_back(line_json(l));
    return J{{"year", f.year.key()},
             {"practitioners_applied", f.practitioners_applied},
             {"practitioners_completed", f.practitioners_completed},
             {"total", line_json(f.total)},
             {"by_module", modules},
             {"by_agency", agencies}};
}

void add_module_pages(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s);
    add_api(routes, s);
}

}  // namespace assure::web::training_web
