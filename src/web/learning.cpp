// Learning pages: the learning log and each source (findings, recommendations and the actions
// raised from them), the golden thread per priority, the audit calendar and briefings.
#include <algorithm>

#include "core/text.hpp"
#include "app/case_audits.hpp"
#include "app/governance.hpp"
#include "app/partnership.hpp"
#include "app/reviews.hpp"
#include "core/date_words.hpp"
#include "web/governance_views.hpp"
#include "web/areas.hpp"
#include "web/learning_views.hpp"
#include "web/paging.hpp"

namespace assure::web {
namespace {
// How many overdue and how many stale actions a summary lists; the action plan has them all.
constexpr int kFlaggedShown = 25;
}  // namespace

std::vector<Option> agency_options(Services& s, const Actor& actor) {
    std::vector<Option> out;
    for (const auto& a : list_agencies(s, actor, false)) out.push_back({a.id.str(), a.name});
    return out;
}

std::vector<Option> priority_options(Services& s, const Ctx& ctx) {
    std::vector<Option> out;
    for (const auto& p : partnership_rules(s, ctx).learning.priorities) out.push_back({p, p});
    return out;
}

std::vector<Option> group_options(Services& s, const Actor& actor) {
    std::vector<Option> out;
    for (const auto& g : group_names(s, actor)) out.push_back({g.first.str(), g.second});
    return out;
}

Data improvement_row(const ImprovementLine& l) {
    Data row;
    row.set("id", l.action.id.str());
    row.set("text", l.action.text);
    row.set("origin", optional_text(l.origin));
    row.set("origin_href", l.origin_href);
    row.set("agency", l.agency_name);
    row.set("lead", l.lead_name);
    row.set("group", optional_text(l.group_name));
    row.set("due", date_in_words(l.action.due));
    row.set("state", std::string(action_state_label(l.action.state)));
    row.set("priority", optional_text(l.action.priority));
    row.set("overdue", flag(l.overdue));
    row.set("stale", flag(l.stale));
    row.set("no_impact", flag(completed_without_impact(l.action)));
    row.set("evidenced", flag(l.action.state == ActionState::evidenced));
    return row;
}

void add_improvement_summary(Services& s, const Actor& actor, const ImprovementFilter& within, Data& data) {
    if (!actor.can(Permission::view_learning)) return;
    const ImprovementSummary summary = improvement_summary(s, actor, within, kFlaggedShown);
    Data flagged{Data::type::list};
    for (const auto& l : summary.flagged) flagged.push_back(improvement_row(l));
    data.set("can_view_learning", flag(true));
    data.set("improvement_open", std::to_string(summary.counts.open));
    data.set("improvement_overdue", std::to_string(summary.counts.overdue));
    data.set("improvement_stale", std::to_string(summary.counts.stale));
    data.set("improvement_no_impact", std::to_string(summary.counts.completed_without_impact));
    data.set("improvement_flagged", flagged);
    data.set("has_improvement_flagged", flag(!flagged.is_empty_list()));
}

ImprovementInput improvement_input(const Ctx& ctx) {
    return {ctx.form("text"), ctx.form("agency_id"), ctx.form("lead_id"), ctx.form("due"),
            ctx.form("success_measure"), ctx.form("group_id"), ctx.form("priority")};
}

Data improvement_form(Services& s, Ctx& ctx, const FieldErrors& errors, const std::string& action_url,
                      const std::string& default_priority, const std::vector<AgencyId>& suggested_agencies) {
    const bool posted = ctx.req.method == "POST";
    auto value = [&](const std::string& name, const std::string& fallback) { return posted ? ctx.form(name) : fallback; };
    const std::string agency = suggested_agencies.size() == 1 ? suggested_agencies.front().str() : "";
    Data d;
    d.set("action_url", action_url);
    d.set("text_html", textarea(Field{"text", "What is to be done", value("text", ""), error_for(errors, "text")}, 3));
    d.set("agency_html", select(Field{"agency_id", "Owning agency", value("agency_id", agency), error_for(errors, "agency_id")},
                                agency_options(s, ctx.who()), "Select an agency"));
    d.set("lead_html", select(Field{"lead_id", "Lead person", value("lead_id", ""), error_for(errors, "lead_id")},
                              people_options(s, ctx.who()), "Select a person"));
    d.set("due_html", date_input(Field{"due", "Due date", value("due", ""), error_for(errors, "due"), kDateExample, "", "text",
                                       "govuk-input--width-10"}));
    d.set("measure_html", textarea(Field{"success_measure", "Success measure", value("success_measure", ""),
                                         error_for(errors, "success_measure"),
                                         "How the partnership will know it made a difference for children"}, 3));
    d.set("group_html", select(Field{"group_id", "Monitored and signed off by (optional)", value("group_id", ""),
                                     error_for(errors, "group_id")}, group_options(s, ctx.who()), "No group"));
    d.set("priority_html", select(Field{"priority", "Priority (optional)", value("priority", default_priority),
                                        error_for(errors, "priority")}, priority_options(s, ctx), "No priority"));
    return d;
}

namespace {

SourceInput source_input(const Ctx& ctx) {
    return {ctx.form("kind"),      ctx.form("title"),   ctx.form("on"),        ctx.form("status"),
            ctx.form("summary"),   ctx.form_all("priorities"), ctx.form("review_id"), ctx.form("agency_id"),
            ctx.form("body"),      ctx.form("visitor"), ctx.form("cases_audited"), ctx.form_all("auditor_ids"),
            ctx.form("voice")};
}

Data source_row(const LearningSource& src) {
    Data row;
    row.set("id", src.id.str());
    row.set("title", src.title);
    row.set("kind", std::string(source_kind_label(src.kind)));
    row.set("on", date_in_words(src.on));
    row.set("status", std::string(source_status_label(src.status)));
    std::string priorities;
    for (const auto& p : src.priorities) priorities += (priorities.empty() ? "" : ", ") + p;
    row.set("priorities", optional_text(priorities));
    row.set("recommendations", std::to_string(src.recommendations.size()));
    return row;
}

void sources_page(Services& s, Ctx& ctx) {
    SourceFilter filter;
    filter.kind = parse_source_kind(ctx.query("kind"));
    filter.priority = known_priority(partnership_rules(s, ctx).learning, ctx.query("priority")).value_or("");
    filter.text = ctx.query("q");
    const PageRequest request = page_request(ctx);
    Data rows{Data::type::list};
    const auto sources = list_sources(s, ctx.who(), filter, request);
    for (const auto& src : sources.items) rows.push_back(source_row(src));
    std::vector<Option> kinds;
    for (SourceKind k : all_source_kinds()) kinds.push_back({std::string(source_kind_key(k)), std::string(source_kind_label(k))});
    std::string query;
    for (const char* name : {"kind", "priority", "q"}) {
        const std::string v = ctx.query(name);
        if (!v.empty()) query += std::string(query.empty() ? "?" : "&") + name + "=" + url_encode(v);
    }
    Data data;
    data.set("sources", rows);
    data.set("has_sources", flag(!sources.items.empty()));
    data.set("kind_html", select(Field{"kind", "Kind of learning", ctx.query("kind"), ""}, kinds, "All kinds"));
    data.set("priority_html", select(Field{"priority", "Priority", filter.priority, ""}, priority_options(s, ctx), "All priorities"));
    data.set("text_html", text_input(Field{"q", "Title or summary contains", filter.text, ""}));
    data.set("pagination_html", pagination("/learning" + query, request, sources.next));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_learning)));
    page(ctx, "learning/sources", data, PageOptions{"Learning", "learning"});
}

void source_form_page(Services& s, Ctx& ctx, const std::optional<LearningSource>& existing, const FieldErrors& errors = {},
                      int status = 200) {
    const bool posted = ctx.req.method == "POST";
    auto value = [&](const std::string& name, const std::string& current) { return posted ? ctx.form(name) : current; };
    const LearningSource src = existing.value_or(LearningSource{});
    std::vector<Option> kinds, statuses;
    for (SourceKind k : all_source_kinds()) kinds.push_back({std::string(source_kind_key(k)), std::string(source_kind_label(k))});
    for (SourceStatus st : {SourceStatus::planned, SourceStatus::in_progress, SourceStatus::complete}) {
        statuses.push_back({std::string(source_status_key(st)), std::string(source_status_label(st))});
    }
    std::vector<Option> reviews;
    if (ctx.who().can(Permission::manage_reviews)) {
        // The first page at the largest size: a partnership notifies a few cases a year.
        for (const auto& c : list_cases(s, ctx.who(), CaseFilter{}, PageRequest{PageRequest::max_limit, ""}).items) {
            std::string children;
            for (const auto& child : c.record.children) children += (children.empty() ? "" : ", ") + child.pseudonym;
            reviews.push_back({c.record.id.str(), c.record.reference + (children.empty() ? "" : " (" + children + ")")});
        }
    }
    std::vector<std::string> auditor_ids, priorities = posted ? ctx.form_all("priorities") : src.priorities;
    if (posted) auditor_ids = ctx.form_all("auditor_ids");
    else for (const auto& a : src.auditors) auditor_ids.push_back(a.str());
    const std::string date_hint = "The day it was done, or is planned for. For example, 23 11 2026";
    Data data;
    data.set("editing", flag(existing.has_value()));
    data.set("id", src.id.str());
    data.set("version", std::to_string(src.version));
    data.set("action_url", existing ? "/learning/" + src.id.str() + "/edit" : std::string("/learning/new"));
    data.set("kind_html", select(Field{"kind", "Kind of learning", value("kind", existing ? std::string(source_kind_key(src.kind)) : ""),
                                       error_for(errors, "kind")}, kinds, "Select the kind"));
    data.set("title_html", text_input(Field{"title", "Title", value("title", src.title), error_for(errors, "title"),
                                            "For example, Neglect multi-agency audit"}));
    data.set("on_html", date_input(Field{"on", "Date", value("on", existing ? src.on.iso() : ""), error_for(errors, "on"), date_hint,
                                         "", "text", "govuk-input--width-10"}));
    data.set("status_html", radios(Field{"status", "Status", value("status", std::string(source_status_key(src.status))),
                                         error_for(errors, "status")}, statuses, true));
    data.set("priorities_html", checkboxes(Field{"priorities", "Priorities it relates to", "", error_for(errors, "priorities")},
                                           priority_options(s, ctx), priorities));
    data.set("summary_html", textarea(Field{"summary", "Summary", value("summary", src.summary), error_for(errors, "summary")}, 4));
    data.set("has_reviews", flag(!reviews.empty()));
    data.set("review_html", select(Field{"review_id", "Practice review (if it came from one)", value("review_id", src.review.valid() ? src.review.str() : ""),
                                         error_for(errors, "review_id")}, reviews, "Not from a review"));
    data.set("agency_html", select(Field{"agency_id", "Agency (a single-agency audit, or the service visited)",
                                         value("agency_id", src.agency.valid() ? src.agency.str() : ""), error_for(errors, "agency_id")},
                                   agency_options(s, ctx.who()), "No single agency"));
    data.set("body_html", text_input(Field{"body", "Carried out or published by (optional)", value("body", src.body), error_for(errors, "body"),
                                           "For example, Ofsted, or the independent reviewer"}));
    data.set("visitor_html", text_input(Field{"visitor", "Frontline visit: who visited", value("visitor", src.visitor), error_for(errors, "visitor")}));
    data.set("cases_html", text_input(Field{"cases_audited", "Cases audited", value("cases_audited", src.cases_audited ? std::to_string(src.cases_audited) : ""),
                                            error_for(errors, "cases_audited"), "", "", "text", "govuk-input--width-4"}));
    data.set("auditors_html", checkboxes(Field{"auditor_ids", "Agencies that audited cases", "", error_for(errors, "auditor_ids")},
                                         agency_options(s, ctx.who()), auditor_ids));
    data.set("voice_html", textarea(Field{"voice", "Feedback from children, families and professionals", value("voice", src.voice),
                                          error_for(errors, "voice")}, 3));
    page(ctx, "learning/source_form", data, PageOptions{existing ? "Change learning" : "Record learning", "learning", errors, status});
}

void source_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const SourceView v = read_source(s, ctx.who(), LearningSourceId{ctx.path_id()});
    const auto& src = v.source;
    const bool posted = ctx.req.method == "POST";
    Data good{Data::type::list}, development{Data::type::list}, recs{Data::type::list}, briefings{Data::type::list};
    for (const auto& f : src.findings) {
        Data row;
        row.set("text", f.text);
        row.set("number", std::to_string(f.number));
        (f.kind == FindingKind::good_practice ? good : development).push_back(row);
    }
    std::map<AgencyId, std::string> agency_names;
    for (const auto& a : list_agencies(s, ctx.who(), true)) agency_names[a.id] = a.name;
    for (const auto& r : src.recommendations) {
        Data row;
        row.set("number", std::to_string(r.number));
        row.set("text", r.text);
        row.set("priority", optional_text(r.priority));
        std::string agencies;
        for (const auto& a : r.agencies) agencies += (agencies.empty() ? "" : ", ") + agency_names[a];
        row.set("agencies", optional_text(agencies));
        Data actions{Data::type::list};
        for (const auto& l : v.actions) if (l.action.recommendation == r.number) actions.push_back(improvement_row(l));
        row.set("has_actions", flag(!actions.is_empty_list()));
        row.set("actions", actions);
        recs.push_back(row);
    }
    for (const auto& b : v.briefings) {
        Data row;
        row.set("title", b.title);
        row.set("kind", std::string(briefing_kind_label(b.kind)));
        row.set("on", date_in_words(b.on));
        row.set("audience", b.audience);
        briefings.push_back(row);
    }
    std::string priorities;
    for (const auto& p : src.priorities) priorities += (priorities.empty() ? "" : ", ") + p;
    std::vector<Option> kinds{{"good_practice", "Good practice"}, {"development", "Area for development"}};
    Data data = source_row(src);
    data.set("version", std::to_string(src.version));
    data.set("summary", optional_text(src.summary));
    data.set("agency", optional_text(v.agency_name));
    data.set("body", optional_text(src.body));
    data.set("visitor", optional_text(src.visitor));
    // Learning that audits cases has the per-case audit tool (issue 20 item 5); once the tool holds
    // cases, the count shown is theirs, not the number typed on the form.
    const bool case_audit = src.kind == SourceKind::thematic_audit || src.kind == SourceKind::deep_dive ||
                            src.kind == SourceKind::single_agency_audit;
    const std::size_t in_tool = case_audit ? read_case_audit(s, ctx.who(), src.id).lines.size() : 0;
    const int cases_audited = in_tool > 0 ? static_cast<int>(in_tool) : src.cases_audited;
    data.set("cases_audited", optional_text(cases_audited ? std::to_string(cases_audited) : ""));
    data.set("case_audit", flag(case_audit));
    std::string auditors;
    for (const auto& a : v.auditor_names) auditors += (auditors.empty() ? "" : ", ") + a;
    data.set("auditors", optional_text(auditors));
    data.set("voice", optional_text(src.voice));
    data.set("good", good);
    data.set("has_good", flag(!good.is_empty_list()));
    data.set("development", development);
    data.set("has_development", flag(!development.is_empty_list()));
    data.set("recommendations", recs);
    data.set("has_recommendations", flag(!src.recommendations.empty()));
    data.set("briefings", briefings);
    data.set("has_briefings", flag(!v.briefings.empty()));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_learning)));
    data.set("can_import", flag(src.review.valid() && ctx.who().can(Permission::manage_reviews)));
    data.set("saved", flag(ctx.has_query("saved")));
    data.set("finding_kind_html", radios(Field{"finding_kind", "Kind of finding", posted ? ctx.form("finding_kind") : "",
                                               error_for(errors, "finding_kind")}, kinds, true));
    data.set("finding_html", textarea(Field{"finding", "Finding", posted ? ctx.form("finding") : "", error_for(errors, "finding")}, 3));
    data.set("recommendation_html", textarea(Field{"recommendation", "Recommendation", posted ? ctx.form("recommendation") : "",
                                                   error_for(errors, "recommendation")}, 3));
    data.set("rec_priority_html", select(Field{"priority", "Priority", posted ? ctx.form("priority") : (src.priorities.empty() ? "" : src.priorities.front()),
                                               error_for(errors, "priority")}, priority_options(s, ctx), "No priority"));
    data.set("rec_agencies_html", checkboxes(Field{"agency_ids", "Agencies it is for", "", error_for(errors, "agency_ids")},
                                             agency_options(s, ctx.who()), posted ? ctx.form_all("agency_ids") : std::vector<std::string>{}));
    page(ctx, "learning/source", data, PageOptions{src.title, "learning", errors, status, "/learning", "Back to learning"});
}

// Runs a change to a source from its page; a refusal shows the page again with the errors.
template <class Change>
void source_change(Services& s, Ctx& ctx, Change change) {
    const LearningSourceId id{ctx.path_id()};
    try {
        change(id, form_int(ctx, "version"));
        redirect(ctx, "/learning/" + id.str() + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        source_page(s, ctx, f.fields(), 422);
    }
}

// Correcting one finding or recommendation of a source, on a page of its own.
void correct_page(Services& s, Ctx& ctx, bool finding, const FieldErrors& errors = {}, int status = 200) {
    const SourceView v = read_source(s, ctx.who(), LearningSourceId{ctx.path_id()});
    const int number = static_cast<int>(ctx.path_id(2));
    const bool posted = ctx.req.method == "POST";
    const std::string n = std::to_string(number);
    const std::string title = (finding ? "Change finding " : "Change recommendation ") + n;
    Data data;
    data.set("title", title);
    data.set("source", v.source.title);
    data.set("source_id", v.source.id.str());
    data.set("version", posted ? ctx.form("version") : std::to_string(v.source.version));
    std::string fields;
    if (finding) {
        const auto f = std::find_if(v.source.findings.begin(), v.source.findings.end(), [&](const Finding& x) { return x.number == number; });
        if (f == v.source.findings.end()) throw Failure::not_found("finding " + n);
        std::vector<Option> kinds{{"good_practice", "Good practice"}, {"development", "Area for development"}};
        fields = radios(Field{"finding_kind", "Kind of finding", posted ? ctx.form("finding_kind") : std::string(finding_kind_key(f->kind)),
                              error_for(errors, "finding_kind")}, kinds, true) +
                 textarea(Field{"finding", "Finding", posted ? ctx.form("finding") : f->text, error_for(errors, "finding")}, 4);
        data.set("action_url", "/learning/" + v.source.id.str() + "/findings/" + n);
    } else {
        const auto r = std::find_if(v.source.recommendations.begin(), v.source.recommendations.end(),
                                    [&](const SourceRecommendation& x) { return x.number == number; });
        if (r == v.source.recommendations.end()) throw Failure::not_found("recommendation " + n);
        std::vector<std::string> agencies;
        for (const auto& a : r->agencies) agencies.push_back(a.str());
        fields = textarea(Field{"recommendation", "Recommendation", posted ? ctx.form("recommendation") : r->text, error_for(errors, "recommendation")}, 4) +
                 select(Field{"priority", "Priority", posted ? ctx.form("priority") : r->priority, error_for(errors, "priority")}, priority_options(s, ctx),
                        "No priority") +
                 checkboxes(Field{"agency_ids", "Agencies it is for", "", error_for(errors, "agency_ids")}, agency_options(s, ctx.who()),
                            posted ? ctx.form_all("agency_ids") : agencies);
        data.set("from_review", flag(r->review_recommendation.valid()));
        data.set("action_url", "/learning/" + v.source.id.str() + "/recommendations/" + n);
    }
    data.set("fields_html", fields);
    page(ctx, "learning/correct", data, PageOptions{title, "learning", errors, status});
}

void raise_action_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const SourceView v = read_source(s, ctx.who(), LearningSourceId{ctx.path_id()});
    const int number = static_cast<int>(ctx.path_id(2));
    const auto rec = std::find_if(v.source.recommendations.begin(), v.source.recommendations.end(),
                                  [&](const SourceRecommendation& r) { return r.number == number; });
    if (rec == v.source.recommendations.end()) throw Failure::not_found("recommendation");
    Data data = improvement_form(s, ctx, errors, "/learning/" + v.source.id.str() + "/recommendations/" + std::to_string(number) + "/actions",
                                 rec->priority, rec->agencies);
    data.set("origin", v.source.title + ", recommendation " + std::to_string(number));
    data.set("origin_text", rec->text);
    data.set("back", "/learning/" + v.source.id.str());
    page(ctx, "learning/improvement_form", data, PageOptions{"Raise an action", "learning", errors, status});
}

void threads_page(Services& s, Ctx& ctx) {
    Data rows{Data::type::list};
    int n = 0;
    for (const auto& t : golden_threads(s, ctx.who())) {
        Data row;
        row.set("index", std::to_string(++n));
        row.set("priority", t.priority);
        row.set("sources", std::to_string(t.sources));
        row.set("recommendations", std::to_string(t.recommendations));
        row.set("actions", std::to_string(t.actions.total));
        row.set("open", std::to_string(t.actions.open));
        row.set("overdue", std::to_string(t.actions.overdue));
        row.set("no_impact", std::to_string(t.actions.completed_without_impact));
        row.set("evidenced", std::to_string(t.actions.evidenced));
        rows.push_back(row);
    }
    Data data;
    data.set("threads", rows);
    page(ctx, "learning/threads", data, PageOptions{"Priorities: the golden thread", "learning"});
}

// A priority's thread: its sources a page at a time; the first page of its actions, with the
// action plan filtered to the priority for the rest.
void thread_page(Services& s, Ctx& ctx) {
    const auto index = ctx.path_id();
    const auto priorities = partnership_rules(s, ctx).learning.priorities;
    if (index < 1 || index > static_cast<std::int64_t>(priorities.size())) throw Failure::not_found("priority");
    const PageRequest sources_page = page_request(ctx);
    const PriorityThread t = golden_thread(s, ctx.who(), priorities[static_cast<std::size_t>(index - 1)], sources_page, PageRequest{});
    Data sources{Data::type::list}, recs{Data::type::list}, actions{Data::type::list}, briefings{Data::type::list};
    for (const auto& src : t.sources.items) sources.push_back(source_row(src));
    for (const auto& r : t.recommendations) {
        Data row;
        row.set("text", r.recommendation.text);
        row.set("source", r.source_title);
        row.set("source_id", r.source.str());
        recs.push_back(row);
    }
    for (const auto& l : t.actions.items) actions.push_back(improvement_row(l));
    for (const auto& b : t.briefings) {
        Data row;
        row.set("title", b.title);
        row.set("kind", std::string(briefing_kind_label(b.kind)));
        row.set("on", date_in_words(b.on));
        row.set("audience", b.audience);
        briefings.push_back(row);
    }
    const std::string here = "/priorities/" + std::to_string(index);
    Data data;
    data.set("priority", t.priority);
    data.set("sources", sources);
    data.set("has_sources", flag(!t.sources.items.empty()));
    data.set("sources_pagination_html", pagination(here, sources_page, t.sources.next));
    data.set("recommendations", recs);
    data.set("has_recommendations", flag(!t.recommendations.empty()));
    data.set("actions", actions);
    data.set("has_actions", flag(!t.actions.items.empty()));
    data.set("more_actions", t.actions.next ? "/improvement?priority=" + url_encode(t.priority) : std::string());
    data.set("briefings", briefings);
    data.set("has_briefings", flag(!t.briefings.empty()));
    data.set("open_actions", count_of(t.counts.open, "open action", "open actions"));
    data.set("overdue", std::to_string(t.counts.overdue));
    data.set("no_impact", std::to_string(t.counts.completed_without_impact));
    data.set("evidenced", std::to_string(t.counts.evidenced));
    page(ctx, "learning/thread", data, PageOptions{t.priority + ": the golden thread", "learning", {}, 200, "/priorities", "Back to priorities"});
}

void calendar_page(Services& s, Ctx& ctx) {
    const Date today = london_today(s);
    int year = today.month >= 4 ? today.year : today.year - 1;
    if (const std::string y = ctx.query("year"); !y.empty()) {
        if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) throw Failure::not_found("year " + y);
        year = std::stoi(y);
    }
    const LearningCalendar cal = learning_calendar(s, ctx.who(), year);
    Data rows{Data::type::list};
    for (const auto& e : cal.entries) {
        Data row;
        row.set("on", date_in_words(e.on));
        row.set("label", e.label);
        row.set("href", e.href);
        row.set("status", optional_text(e.status));
        rows.push_back(row);
    }
    Data data;
    data.set("entries", rows);
    data.set("has_entries", flag(!cal.entries.empty()));
    data.set("year_label", std::to_string(year) + " to " + std::to_string(year + 1));
    data.set("previous", std::to_string(year - 1));
    data.set("next", std::to_string(year + 1));
    data.set("thematic", std::to_string(cal.thematic_audits));
    data.set("limit", std::to_string(cal.thematic_limit));
    data.set("over_limit", flag(cal.over_thematic_limit));
    page(ctx, "learning/calendar", data, PageOptions{"Audit calendar " + std::to_string(year) + " to " + std::to_string(year + 1), "learning"});
}

void briefings_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const bool posted = ctx.req.method == "POST";
    auto value = [&](const std::string& name) { return posted ? ctx.form(name) : std::string(); };
    std::map<LearningSourceId, std::string> titles;
    std::vector<Option> sources;
    // The most recent learning to choose from (a page of the largest size), and the titles of
    // whatever the listed briefings spread.
    for (const auto& src : list_sources(s, ctx.who(), SourceFilter{}, PageRequest{PageRequest::max_limit, ""}).items) {
        titles[src.id] = src.title;
        sources.push_back({src.id.str(), src.title});
    }
    Data rows{Data::type::list};
    const auto briefings = list_briefings(s, ctx.who());
    for (const auto& b : briefings) {
        Data row;
        row.set("title", b.title);
        row.set("link", optional_text(b.link));
        row.set("kind", std::string(briefing_kind_label(b.kind)));
        row.set("on", date_in_words(b.on));
        row.set("audience", b.audience);
        row.set("reached", b.reached ? std::to_string(b.reached) : std::string("Not recorded"));
        std::string spreads;
        for (const auto& id : b.sources) spreads += (spreads.empty() ? "" : "; ") + titles[id];
        row.set("spreads", spreads);
        rows.push_back(row);
    }
    std::vector<Option> kinds;
    for (BriefingKind k : all_briefing_kinds()) kinds.push_back({std::string(briefing_kind_key(k)), std::string(briefing_kind_label(k))});
    Data data;
    data.set("briefings", rows);
    data.set("has_briefings", flag(!briefings.empty()));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_learning)));
    data.set("saved", flag(ctx.has_query("saved")));
    data.set("kind_html", radios(Field{"kind", "Kind", value("kind"), error_for(errors, "kind")}, kinds));
    data.set("title_html", text_input(Field{"title", "Title", value("title"), error_for(errors, "title")}));
    data.set("on_html", date_input(Field{"on", "Date", value("on"), error_for(errors, "on"), kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("audience_html", text_input(Field{"audience", "Audience", value("audience"), error_for(errors, "audience"),
                                               "For example, designated safeguarding leads in schools"}));
    data.set("link_html", text_input(Field{"link", "Link (optional)", value("link"), error_for(errors, "link"), "", "url", "url"}));
    data.set("reached_html", text_input(Field{"reached", "People reached (optional)", value("reached"), error_for(errors, "reached"),
                                              "", "", "text", "govuk-input--width-5"}));
    data.set("sources_html", checkboxes(Field{"source_ids", "The learning it spreads", "", error_for(errors, "source_ids")}, sources,
                                        posted ? ctx.form_all("source_ids") : std::vector<std::string>{}));
    page(ctx, "learning/briefings", data, PageOptions{"Briefings and learning events", "learning", errors, status});
}

}  // namespace

void add_learning_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/learning", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { sources_page(s, ctx); }, "/learning"});
    routes.push_back({"GET", "/learning/new", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) { source_form_page(s, ctx, std::nullopt); }, "/learning/new"});
    routes.push_back({"POST", "/learning/new", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const auto src = create_source(s, ctx.who(), source_input(ctx));
                              redirect(ctx, "/learning/" + src.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              source_form_page(s, ctx, std::nullopt, f.fields(), 422);
                          }
                      },
                      "/learning/new"});
    routes.push_back({"GET", R"(/learning/(\d+))", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { source_page(s, ctx); },
                      "/learning/1"});
    routes.push_back({"GET", R"(/learning/(\d+)/edit)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) { source_form_page(s, ctx, read_source(s, ctx.who(), LearningSourceId{ctx.path_id()}).source); },
                      "/learning/1/edit"});
    routes.push_back({"POST", R"(/learning/(\d+)/edit)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          const LearningSourceId id{ctx.path_id()};
                          try {
                              update_source(s, ctx.who(), id, form_int(ctx, "version"), source_input(ctx));
                              redirect(ctx, "/learning/" + id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              source_form_page(s, ctx, read_source(s, ctx.who(), id).source, f.fields(), 422);
                          }
                      },
                      "/learning/1/edit"});
    routes.push_back({"POST", R"(/learning/(\d+)/findings)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          source_change(s, ctx, [&](LearningSourceId id, int version) {
                              add_finding(s, ctx.who(), id, version, ctx.form("finding_kind"), ctx.form("finding"));
                          });
                      },
                      "/learning/1/findings"});
    routes.push_back({"POST", R"(/learning/(\d+)/recommendations)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          source_change(s, ctx, [&](LearningSourceId id, int version) {
                              add_source_recommendation(s, ctx.who(), id, version, ctx.form("recommendation"), ctx.form("priority"),
                                                        ctx.form_all("agency_ids"));
                          });
                      },
                      "/learning/1/recommendations"});
    for (const bool finding : {true, false}) {
        const std::string pattern = finding ? R"(/learning/(\d+)/findings/(\d+))" : R"(/learning/(\d+)/recommendations/(\d+))";
        const std::string example = finding ? "/learning/1/findings/1" : "/learning/1/recommendations/1";
        routes.push_back({"GET", pattern, Permission::manage_learning, Surface::page, [&s, finding](Ctx& ctx) { correct_page(s, ctx, finding); },
                          example});
        routes.push_back({"POST", pattern, Permission::manage_learning, Surface::page,
                          [&s, finding](Ctx& ctx) {
                              const LearningSourceId id{ctx.path_id()};
                              const int number = static_cast<int>(ctx.path_id(2));
                              try {
                                  if (finding) {
                                      correct_finding(s, ctx.who(), id, form_int(ctx, "version"), number, ctx.form("finding_kind"), ctx.form("finding"));
                                  } else {
                                      correct_source_recommendation(s, ctx.who(), id, form_int(ctx, "version"), number, ctx.form("recommendation"),
                                                                    ctx.form("priority"), ctx.form_all("agency_ids"));
                                  }
                                  redirect(ctx, "/learning/" + id.str() + "?saved=1");
                              } catch (const Failure& f) {
                                  if (f.code() != FailureCode::invalid) throw;
                                  correct_page(s, ctx, finding, f.fields(), 422);
                              }
                          },
                          example});
    }
    routes.push_back({"POST", R"(/learning/(\d+)/import)", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          source_change(s, ctx, [&](LearningSourceId id, int version) {
                              import_review_recommendations(s, ctx.who(), id, version);
                          });
                      },
                      "/learning/1/import"});
    routes.push_back({"GET", R"(/learning/(\d+)/recommendations/(\d+)/actions)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) { raise_action_page(s, ctx); }, "/learning/1/recommendations/1/actions"});
    routes.push_back({"POST", R"(/learning/(\d+)/recommendations/(\d+)/actions)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              ImprovementOrigin origin{LearningSourceId{ctx.path_id()}, static_cast<int>(ctx.path_id(2)), {}, ""};
                              const auto a = create_improvement(s, ctx.who(), origin, improvement_input(ctx));
                              redirect(ctx, "/improvement/" + a.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              raise_action_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/learning/1/recommendations/1/actions"});
    routes.push_back({"GET", "/priorities", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { threads_page(s, ctx); }, "/priorities"});
    routes.push_back({"GET", R"(/priorities/(\d+))", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { thread_page(s, ctx); },
                      "/priorities/1"});
    routes.push_back({"GET", "/learning/calendar", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { calendar_page(s, ctx); },
                      "/learning/calendar"});
    routes.push_back({"GET", "/briefings", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { briefings_page(s, ctx); }, "/briefings"});
    routes.push_back({"POST", "/briefings", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              create_briefing(s, ctx.who(), {ctx.form("kind"), ctx.form("title"), ctx.form("on"), ctx.form("audience"),
                                                             ctx.form("link"), ctx.form("reached"), ctx.form_all("source_ids")});
                              redirect(ctx, "/briefings?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              briefings_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/briefings"});
}

void add_learning_area_routes(std::vector<Route>& routes, Services& s) {
    add_learning_routes(routes, s);
    add_improvement_routes(routes, s);
    add_audit_cycle_routes(routes, s);
    add_school_routes(routes, s);
    add_case_audit_routes(routes, s);
    add_learning_api_routes(routes, s);
}

}  // namespace assure::web
