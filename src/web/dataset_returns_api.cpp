// The agencies' returns in the JSON API: GET /api/v1/dataset-returns lists them (state,
// period, paging), GET /api/v1/dataset-returns/{id} answers one with its figures and latest
// corrections, POST /api/v1/dataset-returns asks for a quarter's returns, POST
// …/{id}/figures sends figures as JSON and POST …/{id}/file a CSV file or an XLSX workbook. A figure refused is a
// problem+json field error (422) and nothing is saved; a refused file names each row.
#include "app/dataset_returns.hpp"
#include "web/dataset_views.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/xlsx_read.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

J figure_json(const IndicatorValue& v) {
    J out;
    out["value"] = v.value ? J(*v.value) : J(nullptr);
    out["numerator"] = v.numerator ? J(*v.numerator) : J(nullptr);
    out["denominator"] = v.denominator ? J(*v.denominator) : J(nullptr);
    return out;
}

J return_json(const DatasetReturn& r, DatasetReturnStatus status) {
    J out{{"id", r.id.value},
          {"agency_id", r.agency.value},
          {"agency", r.agency_name},
          {"period", r.period.key()},
          {"due_on", r.due_on.iso()},
          {"status", std::string(dataset_return_status_key(status))},
          {"figures_asked", r.figures},
          {"corrections", r.corrections},
          {"version", r.version}};
    out["submitted_on"] = r.submitted_on ? J(r.submitted_on->iso()) : J(nullptr);
    out["submitted_by"] = r.submitted_on ? J(name_in_label(r.submitted_by_label)) : J(nullptr);
    return out;
}

J view_json(const DatasetReturnView& v) {
    J out = return_json(v.ret, v.status);
    J figures = J::array();
    for (std::size_t i = 0; i < v.asked.size(); ++i) {
        J f = figure_json(v.figures[i]);
        f["code"] = v.asked[i].code;
        f["name"] = v.asked[i].name;
        f["unit"] = std::string(unit_key(v.asked[i].unit));
        f["asks_for_parts"] = asks_for_parts(v.asked[i]);
        f["counted_from_records"] = v.counted_from_records.contains(v.asked[i].code);
        figures.push_back(std::move(f));
    }
    out["figures"] = figures;
    J corrections = J::array();
    for (const auto& c : v.corrections.items) {
        corrections.push_back({{"code", c.code},
                               {"before", figure_json(c.before)},
                               {"after", figure_json(c.after)},
                               {"reason", c.reason},
                               {"corrected_by", name_in_label(c.by_label)},
                               {"corrected_at", iso_instant(c.at)}});
    }
    out["corrections_history"] = corrections;
    return out;
}

// A figure as the form would send it: a number or its text.
std::string figure_text(const J& f, const char* name, FieldErrors& errors, const std::string& code) {
    if (!f.contains(name) || f[name].is_null()) return "";
    if (f[name].is_number_integer()) return std::to_string(f[name].get<std::int64_t>());
    if (f[name].is_number_float()) return f[name].dump();  // 12.5 as "12.5", as a form sends it
    if (f[name].is_string()) return f[name].get<std::string>();
    errors.push_back({figure_field(name, code), std::string(name) + " of " + code + " must be a number"});
    return "";
}

void post_figures(Services& s, Ctx& ctx) {
    const DatasetReturnId id{ctx.path_id()};
    with_body(ctx, [&](Body& b) {
        const std::string reason = b.text("reason");
        const int version = b.integer("version", "version must be the return's version, a whole number");
        std::vector<FigureInput> figures;
        if (!b.j.contains("figures") || !b.j["figures"].is_array()) {
            b.errors.push_back({"figures", "figures must be a list of {code, value} or {code, numerator, denominator}"});
        } else {
            for (const auto& f : b.j["figures"]) {
                if (!f.is_object() || !f.contains("code") || !f["code"].is_string()) {
                    b.errors.push_back({"figures", "each figure needs its code"});
                    continue;
                }
                const std::string code = f["code"].get<std::string>();
                figures.push_back({code, figure_text(f, "value", b.errors, code), figure_text(f, "numerator", b.errors, code),
                                   figure_text(f, "denominator", b.errors, code)});
            }
        }
        b.check();
        submit_return_figures(s, ctx.who(), id, version, figures, reason);
        json(ctx, 200, view_json(read_dataset_return(s, ctx.who(), id)));
    });
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

void post_file(Services& s, Ctx& ctx) {
    const DatasetReturnId id{ctx.path_id()};
    int version = -1;
    const std::string v = ctx.query("version");
    if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos && v.size() < 9) version = std::stoi(v);
    if (version < 0) throw Failure::invalid({{"version", "version must be the return's version, a whole number"}});
    const auto report = upload_return_figures(s, ctx.who(), id, version, ctx.query("file_name"), spreadsheet_or_csv(ctx.req.body), ctx.query("reason"));
    J body{{"rows_read", report.rows_read}, {"rows_saved", report.rows_saved}, {"refused", refused_json(report.refused)}, {"saved", report.saved}};
    if (report.saved) {
        json(ctx, 201, body);
        return;
    }
    J p{{"type", "about:blank"}, {"status", 422}};
    p["title"] = report.file_refused ? "The file is not a CSV file of figures" : "Some rows were refused, so nothing was saved";
    p["detail"] = report.refused.empty() ? "" : report.refused.front().reason;
    p["errors"] = refused_json(report.refused);
    p["report"] = body;
    ctx.res.status = 422;
    ctx.res.set_content(p.dump(), "application/problem+json");
}

}  // namespace

void add_dataset_return_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/dataset-returns", Permission::view_dataset, Surface::api,
                      [&s](Ctx& ctx) {
                          const std::string state_text = ctx.query("state").empty() ? "all" : ctx.query("state");
                          const auto state = parse_dataset_return_list_state(state_text);
                          if (!state) throw Failure::invalid({{"state", "state must be all, outstanding, late or returned"}});
                          const auto o = list_dataset_returns(s, ctx.who(), *state, ctx.query("period"), page_request(ctx));
                          J items = J::array();
                          for (const auto& l : o.lines.items) items.push_back(return_json(l.ret, l.status));
                          J body = list_body(std::move(items), o.lines.next);
                          body["counts"] = {{"outstanding", o.counts.outstanding},
                                            {"late", o.counts.late},
                                            {"returned", o.counts.returned},
                                            {"returned_late", o.counts.returned_late}};
                          json(ctx, 200, body);
                      },
                      "/api/v1/dataset-returns"});
    routes.push_back({"POST", "/api/v1/dataset-returns", Permission::manage_dataset, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string period = b.text("period");
                              b.check();
                              json(ctx, 201, {{"period", period}, {"asked", ask_for_returns(s, ctx.who(), period)}});
                          });
                      },
                      "/api/v1/dataset-returns"});
    routes.push_back({"GET", R"(/api/v1/dataset-returns/(\d+))", Permission::view_dataset, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, view_json(read_dataset_return(s, ctx.who(), DatasetReturnId{ctx.path_id()}))); },
                      "/api/v1/dataset-returns/1"});
    routes.push_back({"POST", R"(/api/v1/dataset-returns/(\d+)/figures)", Permission::view_dataset, Surface::api,
                      [&s](Ctx& ctx) { post_figures(s, ctx); }, "/api/v1/dataset-returns/1/figures"});
    routes.push_back({"POST", R"(/api/v1/dataset-returns/(\d+)/file)", Permission::view_dataset, Surface::api,
                      [&s](Ctx& ctx) { post_file(s, ctx); }, "/api/v1/dataset-returns/1/file"});
}

}  // namespace assure::web
