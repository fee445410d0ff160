// The exception report as a page and a CSV or XLSX download: the indicators red or off trend in a
// period, grouped by the priority they evidence, each with its figures, the owner's narrative
// and the action taken (linking to the action on the action plan), and each priority's
// narrative for the period. Every form on the page has fields of its own names, so that an
// error names one field.
#include <algorithm>

#include "app/dataset_exceptions.hpp"
#include "core/date_words.hpp"
#include "web/dataset_views.hpp"
#include "web/documents.hpp"
#include "web/html.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

constexpr const char* kPath = "/dataset/exceptions";

std::optional<DatasetPeriod> asked_period(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto p = DatasetPeriod::parse(text);
    if (!p) throw Failure::invalid({{"period", "period must be a financial year such as 2016-17 or a quarter such as 2016-17-Q1"}});
    return p;
}

std::string figure_text(const std::optional<double>& v, Unit unit) {
    if (!v) return "No figure";
    return unit == Unit::count ? grouped(static_cast<long long>(*v)) : format_figure(*v, unit);
}

// The latest three figures of the trend, oldest first, as the exception rule reads them.
std::string recent_figures(const ScorecardLine& l) {
    std::string out;
    const std::size_t from = l.trend.size() > 3 ? l.trend.size() - 3 : 0;
    for (std::size_t i = from; i < l.trend.size(); ++i) {
        out += (out.empty() ? "" : ", ") + l.trend[i].period.label() + ": " + figure_text(l.trend[i].value, l.definition.unit);
    }
    return out;
}

FieldErrors renamed(FieldErrors errors, const std::string& suffix) {
    for (auto& e : errors) e.field += "-" + suffix;
    return errors;
}

struct Posted {
    FieldErrors errors;
    std::string code;      // the note that was sent, or ""
    int priority = -1;     // the narrative that was sent, or -1
    std::string narrative, action_taken, action_id;
};

void report_page(Services& s, Ctx& ctx, const std::string& period_text, const Posted& posted = {}, int status = 200) {
    const ExceptionReport r = read_exception_report(s, ctx.who(), asked_period(period_text));
    Data priorities{Data::type::list};
    for (std::size_t i = 0; i < r.narratives.size(); ++i) {
        const auto& n = r.narratives[i];
        const bool sent = posted.priority == static_cast<int>(i);
        const std::string field = "priority_narrative-" + std::to_string(i);
        Data p;
        p.set("priority", n.priority);
        p.set("index", std::to_string(i));
        p.set("version", std::to_string(n.version));
        p.set("narrative", optional_text(n.narrative));
        p.set("narrative_by", n.version ? "Written by " + name_in_label(n.updated_by_label) + ", " + display_instant(n.updated_at) : "");
        p.set("narrative_html", textarea(Field{field, "Narrative for " + n.priority + ", " + r.period.label(), sent ? posted.narrative : n.narrative,
                                               error_for(posted.errors, field)}, 4));
        p.set("may_write", flag(r.may_write_narratives));
        Data lines{Data::type::list};
        int shown = 0;
        for (const auto& e : r.lines) {
            if (e.line.definition.priority != n.priority) continue;
            ++shown;
            const auto& d = e.line.definition;
            const bool this_one = posted.code == d.code;
            Data l;
            l.set("code", d.code);
            l.set("name", d.name);
            l.set("why", exception_words(e.flags));
            l.set("figure", figure_text(e.line.value.value, d.unit));
            l.set("target", d.target ? format_figure(*d.target, d.unit) : "None set");
            l.set("rating", std::string(rag_label(e.line.rag)));
            l.set("recent", recent_figures(e.line));
            l.set("source_agency", d.source_agency);
            l.set("version", std::to_string(e.note.version));
            l.set("narrative", optional_text(e.note.narrative));
            l.set("action_taken", optional_text(e.note.action_taken));
            l.set("has_action", flag(e.note.action.has_value()));
            l.set("action_href", e.note.action ? "/improvement/" + e.note.action->str() : "");
            l.set("action_label", e.note.action ? "Action " + e.note.action->str() + ": " + e.note.action_text +
                                                      (e.note.action_state.empty() ? "" : " (" + e.note.action_state + ")")
                                                : "");
            l.set("may_write", flag(e.may_write));
            l.set("open", flag(this_one));
            const std::string nf = "narrative-" + d.code, af = "action_taken-" + d.code, idf = "action_id-" + d.code;
            l.set("fields_html",
                  textarea(Field{nf, "The owner's narrative", this_one ? posted.narrative : e.note.narrative, error_for(posted.errors, nf),
                                 "Why the figure is where it is."}, 4) +
                      textarea(Field{af, "Action taken", this_one ? posted.action_taken : e.note.action_taken, error_for(posted.errors, af)}, 3) +
                      text_input(Field{idf, "Action on the action plan (optional)",
                                       this_one ? posted.action_id : (e.note.action ? e.note.action->str() : std::string()), error_for(posted.errors, idf),
                                       "The action's number, as the action plan shows it", "off", "text", "govuk-input--width-5", false}));
            lines.push_back(l);
        }
        p.set("exceptions", lines);
        p.set("has_exceptions", flag(shown > 0));
        priorities.push_back(p);
    }
    std::vector<Option> periods;
    for (const auto& p : r.periods) periods.push_back({p.key(), p.label()});
    Data data;
    data.set("period_label", r.period.label());
    data.set("period_key", r.period.key());
    data.set("count_sentence", r.lines.size() == 1 ? std::string("1 indicator is an exception")
                                                   : grouped(static_cast<long long>(r.lines.size())) + " indicators are exceptions");
    data.set("priorities", priorities);
    data.set("period_html", select(Field{"period", "Period", r.period.key(), ""}, periods, "Latest year"));
    page(ctx, "dataset/exceptions", data, PageOptions{"Exception report " + r.period.label(), "dataset", posted.errors, status});
}

Table exceptions_table(const ExceptionReport& r) {
    Table t{"Exceptions " + r.period.key(),
            {"Priority", "Code", "Indicator", "Period", "Figure", "Target", "RAG", "Exception", "Recent figures", "Source agency", "Narrative",
             "Action taken", "Action plan action", "Action state"},
            {}};
    for (const auto& e : r.lines) {
        const auto& d = e.line.definition;
        t.rows.push_back({d.priority, d.code, d.name, r.period.key(),
                          e.line.value.value ? format_figure(*e.line.value.value, d.unit) : "", d.target ? format_figure(*d.target, d.unit) : "",
                          std::string(rag_key(e.line.rag)), exception_words(e.flags), recent_figures(e.line), d.source_agency, e.note.narrative,
                          e.note.action_taken, e.note.action ? e.note.action->str() : "", e.note.action_state});
    }
    for (const auto& n : r.narratives) {
        if (n.narrative.empty()) continue;
        t.rows.push_back({n.priority, "", "Priority narrative", r.period.key(), "", "", "", "", "", "", n.narrative, "", "", ""});
    }
    return t;
}

void post_note(Services& s, Ctx& ctx) {
    Posted p;
    p.code = ctx.form("code");
    p.narrative = ctx.form("narrative-" + p.code);
    p.action_taken = ctx.form("action_taken-" + p.code);
    p.action_id = ctx.form("action_id-" + p.code);
    const std::string period = ctx.form("period");
    try {
        save_exception_note(s, ctx.who(), period, p.code, form_int(ctx, "version"), p.narrative, p.action_taken, p.action_id);
        redirect(ctx, std::string(kPath) + "?period=" + url_encode(period) + "&saved=1#exception-" + p.code);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        p.errors = renamed(f.fields(), p.code);
        report_page(s, ctx, period, p, 422);
    }
}

void post_narrative(Services& s, Ctx& ctx) {
    Posted p;
    p.priority = form_int(ctx, "index");
    const std::string field = "priority_narrative-" + std::to_string(p.priority);
    p.narrative = ctx.form(field);
    const std::string period = ctx.form("period");
    try {
        save_priority_narrative(s, ctx.who(), period, ctx.form("priority"), form_int(ctx, "version"), p.narrative);
        redirect(ctx, std::string(kPath) + "?period=" + url_encode(period) + "&saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        for (auto e : f.fields()) p.errors.push_back({e.field == "narrative" ? field : e.field, e.message});
        report_page(s, ctx, period, p, 422);
    }
}

}  // namespace

void add_dataset_exception_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kPath, Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { report_page(s, ctx, ctx.query("period")); }, kPath});
    for (const bool xlsx : {false, true}) {
        const std::string path = xlsx ? "/dataset/exceptions.xlsx" : "/dataset/exceptions.csv";
        routes.push_back({"GET", path, Permission::view_dataset, Surface::page,
                          [&s, xlsx](Ctx& ctx) {
                              const auto r = read_exception_report(s, ctx.who(), asked_period(ctx.query("period")));
                              send_table(ctx, exceptions_table(r), "exceptions-" + r.period.key(), xlsx);
                          },
                          path});
    }
    routes.push_back({"POST", "/dataset/exceptions/note", Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { post_note(s, ctx); },
                      "/dataset/exceptions/note"});
    routes.push_back({"POST", "/dataset/exceptions/narrative", Permission::manage_dataset, Surface::page,
                      [&s](Ctx& ctx) { post_narrative(s, ctx); }, "/dataset/exceptions/narrative"});
}

}  // namespace assure::web
