// The action plan: every improvement action from every source, filtered by agency, state,
// priority or flag; each action's page with its origin, history, evidence and the forms to
// move it on; CSV and XLSX downloads.
#include <iterator>
#include <map>

#include "core/date_words.hpp"
#include "web/documents.hpp"
#include "web/learning_views.hpp"
#include "web/paging.hpp"
#include "web/print.hpp"
#include "web/report_chart.hpp"

namespace assure::web {
namespace {

std::optional<std::int64_t> number_query(const Ctx& ctx, const std::string& name) {
    const std::string v = ctx.query(name);
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(v);
}

ImprovementFilter filter_of(const Ctx& ctx, const LearningRules& rules) {
    ImprovementFilter f;
    if (auto a = number_query(ctx, "agency")) f.agency = AgencyId{*a};
    if (auto g = number_query(ctx, "group")) f.group = GroupId{*g};
    f.state = parse_action_state(ctx.query("state"));
    f.priority = known_priority(rules, ctx.query("priority")).value_or("");
    const std::string show = ctx.query("show");
    f.overdue_only = show == "overdue";
    f.stale_only = show == "stale";
    f.without_impact_only = show == "without_impact";
    f.open_only = show == "open";
    f.text = ctx.query("q");
    return f;
}

Table improvement_table(const std::vector<ImprovementLine>& lines) {
    Table t{"Action plan", {"Id", "Action", "Origin", "Priority", "Owning agency", "Lead", "Group", "Due", "State", "Overdue", "Stale",
                            "Success measure", "Evidence of impact", "Latest update"}, {}};
    for (const auto& l : lines) {
        const auto& a = l.action;
        t.rows.push_back({a.id.str(), a.text, l.origin, a.priority, l.agency_name, l.lead_name, l.group_name, a.due.iso(),
                          std::string(action_state_label(a.state)), l.overdue ? "Yes" : "No", l.stale ? "Yes" : "No", a.success_measure,
                          has_impact_evidence(a) ? "Yes" : "No", a.updates.empty() ? "" : a.updates.back().text});
    }
    return t;
}

std::string query_string(const Ctx& ctx) {
    std::string q;
    for (const char* name : {"agency", "state", "priority", "show", "group", "q"}) {
        const std::string v = ctx.query(name);
        if (!v.empty()) q += std::string(q.empty() ? "" : "&") + name + "=" + url_encode(v);
    }
    return q;
}

// Every action the filter selects, a page at a time; the figures count them all.
std::vector<ImprovementLine> every_improvement(Services& s, const Ctx& ctx) {
    const ImprovementFilter filter = filter_of(ctx, partnership_rules(s, ctx).learning);
    std::vector<ImprovementLine> out;
    PageRequest page{PageRequest::max_limit, ""};
    for (;;) {
        auto found = list_improvements(s, ctx.who(), filter, page);
        std::move(found.items.begin(), found.items.end(), std::back_inserter(out));
        if (!found.next) return out;
        page.after = *found.next;
    }
}

// The plan's history: open and overdue actions at the end of each month, as a table and as
// bars (a bar per month: its length the open actions, its text both figures).
void set_trend(Data& data, const std::vector<ImprovementTrendPoint>& points) {
    Data rows{Data::type::list};
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        const bool today = i + 1 == points.size();
        const std::string when = today ? "Today, " + date_in_words(p.on) : "End of " + month_in_words(p.on);
        Data row;
        row.set("when", when);
        row.set("open", std::to_string(p.open));
        row.set("overdue", std::to_string(p.overdue));
        rows.push_back(row);
        bars.push_back({when, static_cast<double>(p.open), std::to_string(p.open) + " open, " + std::to_string(p.overdue) + " overdue"});
    }
    data.set("trend", rows);
    data.set("has_trend", flag(!points.empty()));
    data.set("trend_chart_html", bar_chart_svg("chart-trend", "Open actions at the end of each month, with those overdue", bars));
}

void plan_page(Services& s, Ctx& ctx) {
    const LearningRules rules = partnership_rules(s, ctx).learning;
    const ImprovementFilter filter = filter_of(ctx, rules);
    const PageRequest request = page_request(ctx);
    const auto lines = list_improvements(s, ctx.who(), filter, request);
    const ImprovementCounts counts = count_improvements(s, ctx.who(), filter);
    Data rows{Data::type::list};
    for (const auto& l : lines.items) rows.push_back(improvement_row(l));
    std::vector<Option> states, shows{{"open", "Open (proposed, agreed or in progress)"}, {"overdue", "Overdue"},
                                      {"stale", "No update for " + std::to_string(rules.stale_days) + " days"},
                                      {"without_impact", "Completed without evidence of impact"}};
    for (ActionState st : all_action_states()) states.push_back({std::string(action_state_key(st)), std::string(action_state_label(st))});
    const auto own = agency_of_actor(s, ctx.who());
    Data data;
    data.set("actions", rows);
    data.set("has_actions", flag(!lines.items.empty()));
    data.set("count", std::to_string(counts.total));
    data.set("overdue", std::to_string(counts.overdue));
    data.set("stale", std::to_string(counts.stale));
    data.set("no_impact", std::to_string(counts.completed_without_impact));
    data.set("own_agency_only", flag(own.has_value()));
    data.set("agency_html", own ? std::string() : select(Field{"agency", "Owning agency", ctx.query("agency"), ""}, agency_options(s, ctx.who()), "All agencies"));
    data.set("state_html", select(Field{"state", "State", ctx.query("state"), ""}, states, "Any state"));
    data.set("priority_html", select(Field{"priority", "Priority", filter.priority, ""}, priority_options(s, ctx), "All priorities"));
    data.set("show_html", select(Field{"show", "Show", ctx.query("show"), ""}, shows, "Every action"));
    if (ctx.who().can(Permission::view_governance)) {
        data.set("group_html", select(Field{"group", "Monitoring group", ctx.query("group"), ""}, group_options(s, ctx.who()), "All groups"));
    }
    data.set("text_html", text_input(Field{"q", "Action contains", ctx.query("q"), ""}));
    const std::string query = query_string(ctx);  // the filters, kept in the downloads' and the pages' links
    data.set("export_query", query);
    data.set("pagination_html", pagination("/improvement" + (query.empty() ? "" : "?" + query), request, lines.next));
    set_trend(data, improvement_trend(s, ctx.who(), filter));
    page(ctx, "learning/plan", data, PageOptions{"Action plan", "improvement"});
}

// The action plan on paper: every action the filters select, with the same figures as the page.
void plan_pdf(Services& s, Ctx& ctx) {
    const LearningRules rules = partnership_rules(s, ctx).learning;
    const ImprovementCounts counts = count_improvements(s, ctx.who(), filter_of(ctx, rules));
    const Date today = london_today(s);
    Data rows{Data::type::list};
    for (const auto& l : every_improvement(s, ctx)) {
        const auto& a = l.action;
        Data row;
        row.set("id", a.id.str());
        row.set("text", a.text);
        row.set("origin", l.origin);
        row.set("priority", a.priority);
        row.set("agency", l.agency_name);
        row.set("lead", l.lead_name);
        row.set("due", date_in_words(a.due));
        row.set("state", std::string(action_state_label(a.state)));
        row.set("overdue", flag(l.overdue));
        row.set("stale", flag(l.stale));
        row.set("measure", a.success_measure);
        row.set("impact", has_impact_evidence(a) ? "Yes" : "No");
        row.set("update", optional_text(a.updates.empty() ? std::string() : a.updates.back().text));
        rows.push_back(row);
    }
    Data data;
    data.set("title", "Action plan, " + date_in_words(today));
    data.set("actions", rows);
    data.set("has_actions", flag(!rows.is_empty_list()));
    data.set("count", std::to_string(counts.total));
    data.set("one", flag(counts.total == 1));
    data.set("overdue", std::to_string(counts.overdue));
    data.set("stale", std::to_string(counts.stale));
    data.set("stale_days", std::to_string(rules.stale_days));
    data.set("no_impact", std::to_string(counts.completed_without_impact));
    data.set("filtered", flag(!query_string(ctx).empty()));
    send_print_pdf(s, ctx,
                   PrintDocument{"Action plan, " + date_in_words(today), "The partnership's improvement action plan",
                                 "action-plan-" + today.iso(), "print/action_plan", true},
                   data);
}

void improvement_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const ImprovementLine l = read_improvement(s, ctx.who(), ImprovementId{ctx.path_id()});
    const auto& a = l.action;
    const bool posted = ctx.req.method == "POST";
    const bool manager = ctx.who().can(Permission::manage_learning);
    Data history{Data::type::list}, evidence{Data::type::list};
    for (auto it = a.updates.rbegin(); it != a.updates.rend(); ++it) {
        Data row;
        row.set("on", date_in_words(it->on));
        row.set("by", it->by);
        row.set("change", it->from == it->to ? std::string("Progress update")
                                             : std::string(action_state_label(it->from)) + " to " + std::string(action_state_label(it->to)));
        row.set("text", optional_text(it->text));
        history.push_back(row);
    }
    for (const auto& e : a.evidence) {
        Data row;
        row.set("on", date_in_words(e.on));
        row.set("by", e.by);
        row.set("kind", std::string(evidence_kind_label(e.kind)));
        row.set("impact", flag(e.kind == EvidenceKind::impact));
        row.set("text", e.text);
        row.set("link", optional_text(e.link));
        evidence.push_back(row);
    }
    // The moves this person may make from here, with staying put as a progress update.
    std::vector<Option> moves{{std::string(action_state_key(a.state)), "No change: " + std::string(action_state_label(a.state))}};
    for (ActionState to : all_action_states()) {
        if (!transition_allowed(a.state, to)) continue;
        const bool decision = to == ActionState::agreed || to == ActionState::evidenced || to == ActionState::superseded;
        if (decision && !manager) continue;
        moves.push_back({std::string(action_state_key(to)), std::string(action_state_label(to))});
    }
    const bool may_update = may_update_improvement(s, ctx.who(), a);
    const bool closed = a.state == ActionState::evidenced || a.state == ActionState::superseded;
    std::vector<Option> kinds{{"output", "What was done"}, {"impact", "Evidence of impact: the difference it made for children"}};
    Data data = improvement_row(l);
    data.set("version", std::to_string(a.version));
    data.set("measure", a.success_measure);
    data.set("created_on", date_in_words(a.created_on));
    data.set("superseded_reason", optional_text(a.superseded_reason));
    data.set("history", history);
    data.set("has_history", flag(!a.updates.empty()));
    data.set("evidence", evidence);
    data.set("has_evidence", flag(!a.evidence.empty()));
    data.set("may_update", flag(may_update && !closed));
    data.set("saved", flag(ctx.has_query("saved")));
    data.set("state_html", radios(Field{"state", "State", posted ? ctx.form("state") : std::string(action_state_key(a.state)),
                                        error_for(errors, "state"),
                                        partnership_rules(s, ctx).learning.evidence_to_complete ? "Add evidence of what was done before marking it completed" : ""},
                                  moves));
    data.set("note_html", textarea(Field{"note", "Progress update", posted ? ctx.form("note") : "", error_for(errors, "note"),
                                         "What has happened since the last update, or why the action is superseded"}, 3));
    data.set("evidence_kind_html", radios(Field{"evidence_kind", "What the evidence shows", posted ? ctx.form("evidence_kind") : "",
                                                error_for(errors, "evidence_kind")}, kinds));
    data.set("evidence_html", textarea(Field{"evidence", "Evidence", posted ? ctx.form("evidence") : "", error_for(errors, "evidence"),
                                             "For example, audit results, what children and families said, data before and after"}, 3));
    data.set("link_html", text_input(Field{"link", "Link to the evidence (optional)", posted ? ctx.form("link") : "", error_for(errors, "link"),
                                           "", "url", "url"}));
    page(ctx, "learning/improvement", data, PageOptions{"Improvement action " + a.id.str(), "improvement", errors, status, "/improvement", "Back to the action plan"});
}

template <class Change>
void improvement_change(Services& s, Ctx& ctx, Change change) {
    const ImprovementId id{ctx.path_id()};
    try {
        change(id, form_int(ctx, "version"));
        redirect(ctx, "/improvement/" + id.str() + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        improvement_page(s, ctx, f.fields(), 422);
    }
}

}  // namespace

void add_improvement_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/improvement", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { plan_page(s, ctx); }, "/improvement"});
    for (const bool xlsx : {false, true}) {
        routes.push_back({"GET", xlsx ? "/improvement.xlsx" : "/improvement.csv", Permission::view_learning, Surface::page,
                          [&s, xlsx](Ctx& ctx) { send_table(ctx, improvement_table(every_improvement(s, ctx)), "action-plan", xlsx); },
                          xlsx ? "/improvement.xlsx" : "/improvement.csv"});
    }
    routes.push_back({"GET", "/improvement.pdf", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { plan_pdf(s, ctx); },
                      "/improvement.pdf"});
    routes.push_back({"GET", R"(/improvement/(\d+))", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { improvement_page(s, ctx); }, "/improvement/1"});
    routes.push_back({"POST", R"(/improvement/(\d+)/updates)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          improvement_change(s, ctx, [&](ImprovementId id, int version) {
                              update_improvement(s, ctx.who(), id, version, ctx.form("state"), ctx.form("note"));
                          });
                      },
                      "/improvement/1/updates"});
    routes.push_back({"POST", R"(/improvement/(\d+)/evidence)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          improvement_change(s, ctx, [&](ImprovementId id, int version) {
                              add_improvement_evidence(s, ctx.who(), id, version, ctx.form("evidence_kind"), ctx.form("evidence"), ctx.form("link"));
                          });
                      },
                      "/improvement/1/evidence"});
}

}  // namespace assure::web
