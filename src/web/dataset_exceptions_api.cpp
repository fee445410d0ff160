// The exception report in the JSON API: GET /api/v1/dataset-exceptions?period= answers the
// indicators red or off trend in the period (the latest year if none), each with its figure,
// target, RAG, why it is an exception, its recent figures and the owner's note, and each
// priority's narrative; POST /api/v1/dataset-exceptions/notes writes an indicator's note and
// POST /api/v1/dataset-exceptions/narratives a priority's narrative, each with the version it
// was read at (409 if it changed since). The same use cases as the page.
#include "app/dataset_exceptions.hpp"
#include "web/dataset_views.hpp"
#include "web/problem.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::optional<DatasetPeriod> asked_period(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto p = DatasetPeriod::parse(text);
    if (!p) throw Failure::invalid({{"period", "period must be a financial year such as 2016-17 or a quarter such as 2016-17-Q1"}});
    return p;
}

J figure(const std::optional<double>& v, Unit unit) {
    if (!v) return nullptr;
    return unit == Unit::count ? J(static_cast<std::int64_t>(*v)) : J(*v);
}

J note_json(const ExceptionNote& n) {
    J out{{"narrative", n.narrative}, {"action_taken", n.action_taken}, {"version", n.version}};
    if (n.action) {
        out["action"] = {{"id", n.action->value}, {"text", n.action_text}, {"state", n.action_state}, {"href", "/improvement/" + n.action->str()}};
    } else {
        out["action"] = nullptr;
    }
    out["updated_by"] = n.version ? J(name_in_label(n.updated_by_label)) : J(nullptr);
    out["updated_at"] = n.version ? J(iso_instant(n.updated_at)) : J(nullptr);
    return out;
}

J narrative_json(const PriorityNarrative& n) {
    J out{{"priority", n.priority}, {"period", n.period.key()}, {"narrative", n.narrative}, {"version", n.version}};
    out["updated_by"] = n.version ? J(name_in_label(n.updated_by_label)) : J(nullptr);
    out["updated_at"] = n.version ? J(iso_instant(n.updated_at)) : J(nullptr);
    return out;
}

J line_json(const ExceptionLine& e) {
    const auto& d = e.line.definition;
    J recent = J::array();
    const std::size_t from = e.line.trend.size() > 3 ? e.line.trend.size() - 3 : 0;
    for (std::size_t i = from; i < e.line.trend.size(); ++i) {
        recent.push_back({{"period", e.line.trend[i].period.key()}, {"value", figure(e.line.trend[i].value, d.unit)}});
    }
    J out{{"code", d.code},
          {"name", d.name},
          {"priority", d.priority},
          {"source_agency", d.source_agency},
          {"period", e.line.value.period.key()},
          {"value", figure(e.line.value.value, d.unit)},
          {"unit", std::string(unit_key(d.unit))},
          {"rag", std::string(rag_key(e.line.rag))},
          {"red", e.flags.red},
          {"off_trend", e.flags.off_trend},
          {"exception", exception_words(e.flags)},
          {"recent", recent},
          {"note", note_json(e.note)},
          {"may_write", e.may_write}};
    out["target"] = d.target ? J(*d.target) : J(nullptr);
    return out;
}

void get_report(Services& s, Ctx& ctx) {
    const auto r = read_exception_report(s, ctx.who(), asked_period(ctx.query("period")));
    J items = J::array();
    for (const auto& e : r.lines) items.push_back(line_json(e));
    J narratives = J::array();
    for (const auto& n : r.narratives) narratives.push_back(narrative_json(n));
    json(ctx, 200, {{"period", r.period.key()}, {"items", items}, {"narratives", narratives}, {"may_write_narratives", r.may_write_narratives}});
}

void post_note(Services& s, Ctx& ctx) {
    with_body(ctx, [&](Body& b) {
        const std::string period = b.text("period");
        const std::string code = b.text("code");
        const std::string narrative = b.text("narrative");
        const std::string action_taken = b.text("action_taken");
        const std::string action_id = b.value_text("action_id");
        const int version = b.integer("version", "version must be the note's version, a whole number (0 for a first note)");
        if (period.empty()) b.errors.push_back({"period", "Enter the period, such as 2016-17 or 2016-17-Q1"});
        if (code.empty()) b.errors.push_back({"code", "Enter the indicator's code"});
        b.check();
        const auto saved = save_exception_note(s, ctx.who(), period, code, version, narrative, action_taken, action_id);
        // Read back, so the action's words and state come with it.
        const auto r = read_exception_report(s, ctx.who(), saved.period);
        for (const auto& e : r.lines) {
            if (e.line.definition.code == code) {
                json(ctx, 200, line_json(e));
                return;
            }
        }
        J out = note_json(saved);
        out["code"] = code;
        out["period"] = saved.period.key();
        json(ctx, 200, out);
    });
}

void post_narrative(Services& s, Ctx& ctx) {
    with_body(ctx, [&](Body& b) {
        const std::string period = b.text("period");
        const std::string priority = b.text("priority");
        const std::string narrative = b.text("narrative");
        const int version = b.integer("version", "version must be the narrative's version, a whole number (0 for a first narrative)");
        if (period.empty()) b.errors.push_back({"period", "Enter the period, such as 2016-17 or 2016-17-Q1"});
        b.check();
        json(ctx, 200, narrative_json(save_priority_narrative(s, ctx.who(), period, priority, version, narrative)));
    });
}

}  // namespace

void add_dataset_exception_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/dataset-exceptions", Permission::view_dataset, Surface::api, [&s](Ctx& ctx) { get_report(s, ctx); },
                      "/api/v1/dataset-exceptions"});
    routes.push_back({"POST", "/api/v1/dataset-exceptions/notes", Permission::view_dataset, Surface::api, [&s](Ctx& ctx) { post_note(s, ctx); },
                      "/api/v1/dataset-exceptions/notes"});
    routes.push_back({"POST", "/api/v1/dataset-exceptions/narratives", Permission::manage_dataset, Surface::api,
                      [&s](Ctx& ctx) { post_narrative(s, ctx); }, "/api/v1/dataset-exceptions/narratives"});
}

}  // namespace assure::web
