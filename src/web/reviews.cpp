// Pages of serious incidents and reviews: the dashboard of live cases, a case with its
// clocks and history, notifying an incident, and recording each step of the lifecycle.
#include <charconv>
#include <cmath>
#include <map>

#include "core/text.hpp"
#include "app/access.hpp"
#include "app/partnership.hpp"
#include "app/review_panels.hpp"
#include "app/reviews.hpp"
#include "core/date_words.hpp"
#include "core/review_regimes.hpp"
#include "web/report_chart.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/chronology.hpp"
#include "web/review_panels.hpp"
#include "web/review_rows.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

constexpr int kChildSlots = 4;



std::map<AgencyId, std::string> agency_names(Services& s, const Actor& actor) {
    std::map<AgencyId, std::string> out;
    for (const auto& a : list_agencies(s, actor, true)) out[a.id] = a.name;
    return out;
}

std::string names_of(const std::vector<AgencyId>& ids, const std::map<AgencyId, std::string>& names) {
    std::string out;
    for (const auto& id : ids) {
        auto it = names.find(id);
        out += (out.empty() ? "" : ", ") + (it == names.end() ? "agency " + id.str() : it->second);
    }
    return out;
}


// ---- dashboard ------------------------------------------------------------------------

// The statutory clocks year by year: a table, and the same shares as bars.
void set_timeliness(Data& data, const std::vector<TimelinessYear>& years) {
    Data rows{Data::type::list};
    std::vector<Bar> bars;
    for (const auto& y : years) {
        const std::string year = timeliness_year_label(y.year);
        Data row;
        row.set("year", year);
        row.set("notification", in_time_text(y.notification));
        row.set("notification_missed", missed_text(y.notification));
        row.set("rapid_review", in_time_text(y.rapid_review));
        row.set("rapid_review_missed", missed_text(y.rapid_review));
        row.set("running", std::to_string(y.rapid_review.running));
        rows.push_back(row);
        if (const auto share = y.notification.share_in_time()) bars.push_back({year + ": Panel notified", *share, in_time_text(y.notification)});
        if (const auto share = y.rapid_review.share_in_time()) bars.push_back({year + ": rapid review", *share, in_time_text(y.rapid_review)});
    }
    data.set("timeliness", rows);
    data.set("has_timeliness", flag(!years.empty()));
    data.set("timeliness_chart_html", bar_chart_svg("chart-timeliness", "Statutory clocks met in time, by year", bars, 1.0));
}

void dashboard_page(Services& s, Ctx& ctx) {
    const std::string show = ctx.query("show");
    CaseFilter filter;
    filter.open_only = show.empty();
    filter.overdue_only = show == "overdue";
    const PageRequest request = page_request(ctx);
    const Page<CaseView> cases = list_cases(s, ctx.who(), filter, request);
    const ReviewStats stats = review_stats(s, ctx.who());  // the figures count every case
    const Date today = london_today(s);

    Data rows{Data::type::list};
    for (const auto& v : cases.items) rows.push_back(case_row(v, today));
    Data filters{Data::type::list};
    const std::pair<const char*, const char*> options[] = {{"", "Open cases"}, {"overdue", "Overdue"}, {"all", "All cases"}};
    for (std::size_t i = 0; i < std::size(options); ++i) {
        Data f;
        f.set("label", options[i].second);
        f.set("href", std::string("/reviews") + (options[i].first[0] ? std::string("?show=") + options[i].first : ""));
        f.set("current", flag(show == options[i].first));
        f.set("last", flag(i + 1 == std::size(options)));
        filters.push_back(f);
    }
    Data data;
    data.set("cases", rows);
    data.set("has_cases", flag(!cases.items.empty()));
    data.set("pagination_html", pagination(show.empty() ? "/reviews" : "/reviews?show=" + url_encode(show), request, cases.next));
    data.set("caption", show == "overdue" ? "Overdue cases" : show == "all" ? "All cases" : "Open cases");
    data.set("filters", filters);
    data.set("open", std::to_string(stats.open));
    data.set("overdue", std::to_string(stats.overdue));
    data.set("decided", std::to_string(stats.rapid_reviews_decided));
    data.set("became_local", std::to_string(stats.became_local_reviews));
    set_timeliness(data, stats.timeliness);
    data.set("figures_cover_all", flag(figures_reach(ctx.who().role) == CaseReach::every_case));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_reviews)));
    page(ctx, "reviews/dashboard", data, PageOptions{"Serious incidents and reviews", "reviews"});
}

// ---- notify ---------------------------------------------------------------------------

IncidentInput incident_input(const Ctx& ctx) {
    IncidentInput in;
    in.became_aware_on = ctx.form("became_aware_on");
    in.incident_on = ctx.form("incident_on");
    in.kind = ctx.form("kind");
    in.looked_after = ctx.form("looked_after") == "yes";
    in.area_of_incident = ctx.form("area_of_incident");
    in.area_of_residence = ctx.form("area_of_residence");
    in.summary = ctx.form("summary");
    in.agency_ids = ctx.form_all("agencies");
    for (int n = 1; n <= kChildSlots + 1; ++n) {
        const std::string i = std::to_string(n);
        in.children.push_back({ctx.form("pseudonym_" + i), ctx.form("child_name_" + i)});
    }
    return in;
}

std::vector<Option> agency_options(Services& s, const Actor& actor) {
    std::vector<Option> out;
    for (const auto& a : list_agencies(s, actor, false)) out.push_back({a.id.str(), a.name});
    return out;
}

const char* kDateHint = "For example, 23 11 2026";

void notify_form(Services& s, Ctx& ctx, const IncidentInput& in, const FieldErrors& errors, int status) {
    Data data;
    data.set("became_aware_html", date_input(Field{"became_aware_on", "Date the local authority became aware", in.became_aware_on,
                                                   error_for(errors, "became_aware_on"), kDateHint, "", "text",
                                                   "govuk-input--width-10"}));
    data.set("incident_html", date_input(Field{"incident_on", "Date of the incident", in.incident_on,
                                               error_for(errors, "incident_on"), kDateHint, "", "text", "govuk-input--width-10"}));
    data.set("kind_html", radios(Field{"kind", "Did the child die or were they seriously harmed?", in.kind, error_for(errors, "kind")},
                                 {{"death", "The child died"}, {"serious_harm", "The child was seriously harmed"}}));
    data.set("looked_after", flag(in.looked_after));
    data.set("area_incident_html", text_input(Field{"area_of_incident", "Area where the incident happened", in.area_of_incident,
                                                    error_for(errors, "area_of_incident")}));
    data.set("area_residence_html", text_input(Field{"area_of_residence", "Area where the child normally lives",
                                                     in.area_of_residence, error_for(errors, "area_of_residence")}));
    data.set("summary_html", textarea(Field{"summary", "Summary of what happened", in.summary, error_for(errors, "summary"),
                                            "Pseudonyms only: no names, addresses or dates of birth"}));
    Data children{Data::type::list};
    for (int n = 1; n <= kChildSlots; ++n) {
        const Child c = n <= static_cast<int>(in.children.size()) ? in.children[n - 1] : Child{};
        Data one;
        one.set("n", std::to_string(n));
        one.set("pseudonym_id", n == 1 ? std::string("children") : "pseudonym_" + std::to_string(n));
        one.set("pseudonym", c.pseudonym);
        one.set("name", c.name);
        children.push_back(one);
    }
    data.set("children", children);
    if (auto e = error_for(errors, "children"); !e.empty()) data.set("children_error", e);
    data.set("agencies_html", checkboxes(Field{"agencies", "Agencies involved", "", error_for(errors, "agencies")},
                                         agency_options(s, ctx.who()), in.agency_ids));
    page(ctx, "reviews/notify_form", data, PageOptions{"Notify a serious incident", "reviews", errors, status, "/reviews", "Back to all cases"});
}

// ---- a case ---------------------------------------------------------------------------

// The events the state machine would accept today: offered as the next steps.
std::vector<EventKind> next_steps(const CaseView& v, Date today) {
    std::vector<EventKind> out;
    for (EventKind kind : all_event_kinds()) {
        CaseEvent probe;
        probe.kind = kind;
        probe.on = today;
        probe.note = "probe";
        probe.reviewer_name = "probe";
        probe.decision = Decision::local_review;
        probe.planned_on = today;
        if (kind == EventKind::request_summaries) {
            for (const auto& a : v.record.agencies) if (!v.state.summaries.contains(a)) probe.agencies.push_back(a);
        } else if (kind == EventKind::summary_returned) {
            for (const auto& [a, st] : v.state.summaries) if (!st.returned_on) probe.agencies.push_back(a);
        }
        if (check_event(v.record, v.state, probe, today).empty()) out.push_back(kind);
    }
    return out;
}

std::vector<Option> user_options(Services& s, const Actor& actor) {
    std::vector<Option> out;
    if (!actor.can(Permission::manage_reviews)) return out;
    std::map<PersonId, std::string> names;
    for (const auto& p : list_people(s, actor, PersonFilter{})) names[p.id] = p.name;
    for (const auto& u : panel_candidates(s, actor)) {
        out.push_back({u.id.str(), (names.contains(u.person) ? names[u.person] : u.email) + " (" +
                                       std::string(role_label(u.role)) + ")"});
    }
    return out;
}

void case_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const CaseView v = read_case(s, ctx.who(), CaseId{ctx.path_id()});
    const Case& c = v.record;
    const auto names = agency_names(s, ctx.who());
    const Date today = london_today(s);
    const Regime regime = regime_of(c);
    Data data;
    data.set("id", c.id.str());
    data.set("version", std::to_string(c.version));
    data.set("reference", c.reference);
    data.set("children", pseudonyms(c));
    data.set("stage", std::string(stage_words(regime, v.state.stage)));
    data.set("became_aware_on", date_in_words(c.became_aware_on));
    data.set("incident_on", date_in_words(c.incident_on));
    data.set("kind", std::string(harm_label(c.kind)));
    data.set("looked_after", flag(c.looked_after));
    data.set("area_of_incident", c.area_of_incident.empty() ? "Not recorded" : c.area_of_incident);
    data.set("area_of_residence", c.area_of_residence.empty() ? "Not recorded" : c.area_of_residence);
    data.set("summary", c.summary);
    data.set("agencies", c.agencies.empty() ? "None recorded" : names_of(c.agencies, names));
    data.set("rules", regime_summary(c));
    if (v.state.decision) data.set("decision", std::string(decision_words(regime, *v.state.decision)));
    if (!v.state.reviewer_name.empty()) data.set("reviewer", v.state.reviewer_name);
    if (v.next) {
        Data next;
        next.set("label", v.next->label);
        next.set("due", date_in_words(*v.next->due));
        next.set("overdue", flag(v.next_countdown->overdue));
        next.set("days_text", count_of(v.next_countdown->working_days, "working day", "working days"));
        data.set("next", next);
    }
    data.set("identities_shown", flag(v.identities_shown));
    data.set("identities_unreadable", flag(v.identities_unreadable));
    Data identities{Data::type::list};
    for (const auto& child : c.children) {
        Data one;
        one.set("pseudonym", child.pseudonym);
        one.set("name", child.name);
        one.set("date_of_birth", child.date_of_birth);
        one.set("notes", child.notes);
        identities.push_back(one);
    }
    data.set("identities", identities);

    Data milestones{Data::type::list};
    for (const auto& m : v.milestones) {
        Data one;
        one.set("label", m.label);
        one.set("due", m.due ? date_in_words(*m.due) : std::string("No statutory date"));
        if (m.done) one.set("done", date_in_words(*m.done));
        one.set("late", flag(m.done && m.due && *m.done > *m.due));
        one.set("overdue", flag(!m.done && m.due && today > *m.due && v.state.stage != Stage::closed));
        milestones.push_back(one);
    }
    data.set("milestones", milestones);

    Data plan{Data::type::list};
    for (const auto& step : rapid_review_plan(c, v.state, s.calendar)) {
        Data one;
        one.set("label", step.label);
        one.set("days", step.first_day == step.last_day ? "Day " + std::to_string(step.first_day)
                                                        : "Days " + std::to_string(step.first_day) + " to " +
                                                              std::to_string(step.last_day));
        one.set("dates", period_in_words(step.from, step.to));
        plan.push_back(one);
    }
    data.set("plan", plan);
    Data summaries{Data::type::list};
    for (const auto& [agency, st] : v.state.summaries) {
        Data one;
        one.set("agency", names_of({agency}, names));
        one.set("requested", date_in_words(st.requested_on));
        if (st.returned_on) one.set("returned", date_in_words(*st.returned_on));
        summaries.push_back(one);
    }
    data.set("has_summaries", flag(!v.state.summaries.empty()));
    data.set("summaries", summaries);

    Data recs{Data::type::list};
    for (const auto& r : list_recommendations(s, ctx.who(), c.id)) {
        Data one;
        one.set("text", r.text);
        one.set("agencies", names_of(r.agencies, names));
        if (!r.theme.empty()) one.set("theme", r.theme);
        recs.push_back(one);
    }
    data.set("has_recommendations", flag(!recs.is_empty_list()));
    data.set("recommendations", recs);

    Data panel{Data::type::list};
    for (const auto& m : c.panel) {
        Data one;
        one.set("label", m.label);
        panel.push_back(one);
    }
    data.set("has_panel", flag(!c.panel.empty()));
    data.set("panel", panel);
    Data conflicts{Data::type::list};
    for (const auto& x : c.conflicts) {
        Data one;
        one.set("label", name_in_label(x.user_label));
        one.set("declared_on", date_in_words(x.declared_on));
        one.set("interest", x.interest);
        one.set("panel", x.panel == ConflictView::pending ? "Awaiting the panel"
                         : x.panel == ConflictView::exclude ? "Should not take part" : "May take part");
        one.set("appeal", x.appeal == AppealOutcome::none ? "None" : x.appeal == AppealOutcome::upheld ? "Refused" : "Upheld");
        if (x.override_by_lead) {
            one.set("override", "Keeps sight of the case: overridden by " + name_in_label(x.override_by_lead->by_label) + " on " +
                                    date_in_words(x.override_by_lead->on) + " because " + x.override_by_lead->reason);
        }
        conflicts.push_back(one);
    }
    data.set("has_conflicts", flag(!c.conflicts.empty()));
    data.set("conflicts", conflicts);

    Data events{Data::type::list};
    for (auto it = c.events.rbegin(); it != c.events.rend(); ++it) {
        Data one;
        one.set("on", date_in_words(it->on));
        one.set("label", std::string(event_words(regime, it->kind)));
        std::string detail;
        if (!it->agencies.empty()) detail = names_of(it->agencies, names);
        if (it->decision) detail = std::string(decision_words(regime, *it->decision));
        if (it->planned_on) detail = "planned for " + date_in_words(*it->planned_on);
        if (!it->reviewer_name.empty()) detail = it->reviewer_name;
        if (!it->note.empty()) detail += (detail.empty() ? "" : ". ") + it->note;
        if (!detail.empty()) one.set("detail", detail);
        one.set("by", name_in_label(it->recorded_by));
        events.push_back(one);
    }
    data.set("events", events);

    const bool manage = ctx.who().can(Permission::manage_reviews);
    data.set("can_manage", flag(manage));
    if (manage) {
        Data steps{Data::type::list};
        for (EventKind k : next_steps(v, today)) {
            Data one;
            one.set("id", c.id.str());
            one.set("key", std::string(event_key(k)));
            one.set("label", std::string(event_words(regime, k)));
            steps.push_back(one);
        }
        data.set("has_steps", flag(!steps.is_empty_list()));
        data.set("steps", steps);
        std::vector<Option> agencies;
        for (const auto& [id, name] : names) agencies.push_back({id.str(), name});
        data.set("recommendation_text_html", textarea(Field{"text", "Recommendation", ctx.form("text"), error_for(errors, "text")}, 3));
        data.set("recommendation_theme_html", text_input(Field{"theme", "Priority theme (optional)", ctx.form("theme"),
                                                               error_for(errors, "theme"), "For example, Neglect"}));
        data.set("recommendation_agencies_html", checkboxes(Field{"agencies", "Agencies the recommendation is for", "",
                                                                  error_for(errors, "agencies")},
                                                            agencies, ctx.form_all("agencies")));
        std::vector<Option> declared;
        for (const auto& x : c.conflicts) declared.push_back({x.user.str(), name_in_label(x.user_label)});
        data.set("conflict_user_html", select(Field{"user_id_conflict", "Member who declared the interest", "",
                                                    error_for(errors, "user_id_conflict")},
                                              declared, "Select a member"));
        data.set("conflict_panel_html",
                 radios(Field{"panel", "The panel's recommendation", "", error_for(errors, "panel")},
                        {{"exclude", "Should not take part"}, {"take_part", "May take part"}, {"pending", "Not yet considered"}}));
        data.set("conflict_appeal_html",
                 radios(Field{"appeal", "Appeal to the independent chair", "none", error_for(errors, "appeal")},
                        {{"none", "No appeal"}, {"upheld", "Appeal refused: the recommendation stands"},
                         {"overturned", "Appeal upheld: the recommendation is reversed"}}));
        fill_panel_section(s, ctx, v, errors, data);
    }
    // Everyone who sees the case may declare, the business unit included (issue 14, item 13).
    data.set("interest_html", textarea(Field{"interest", "Declare an interest in this case", "", error_for(errors, "interest"),
                                             "If you had direct involvement, say how. You will no longer see the case "
                                             "until the panel recommends that you may take part."},
                                       3));
    if (ctx.who().can(Permission::override_interest)) {
        std::vector<Option> declared;
        for (const auto& x : c.conflicts) {
            if (!x.override_by_lead) declared.push_back({x.user.str(), x.user_label});
        }
        data.set("can_override", flag(!declared.empty()));
        data.set("override_user_html", select(Field{"user_id_override", "Member of the business unit who declared the interest", "",
                                                    error_for(errors, "user_id_override")},
                                              declared, "Select a member"));
        data.set("override_reason_html",
                 textarea(Field{"reason", "Why the business unit has no one else to run this case", ctx.form("reason"),
                                error_for(errors, "reason"), "Your name, the date and this reason are shown on the case and audited."},
                          3));
    }
    const std::string saved = ctx.query("saved");
    if (!saved.empty()) data.set("saved", saved == "event" ? "The step was recorded" : "Your change was saved");
    page(ctx, "reviews/case", data, PageOptions{c.reference + ": " + pseudonyms(c), "reviews", errors, status, "/reviews", "Back to all cases"});
}

// ---- events ---------------------------------------------------------------------------

CaseEvent event_from_form(const Ctx& ctx, FieldErrors& errors) {
    CaseEvent e;
    const auto kind = parse_event(ctx.form("event"));
    if (!kind) {
        errors.push_back({"event", "Choose a step of the lifecycle to record"});
        return e;
    }
    e.kind = *kind;
    const std::string on = ctx.form("on");
    if (auto d = Date::parse(on)) {
        e.on = *d;
    } else {
        errors.push_back({"on", on.empty() ? "Enter the date" : "Date must be a real date"});
    }
    for (const auto& raw : ctx.form_all("agencies")) {
        std::int64_t id = 0;
        std::from_chars(raw.data(), raw.data() + raw.size(), id);
        e.agencies.emplace_back(id);
    }
    if (const std::string d = ctx.form("decision"); !d.empty()) e.decision = parse_decision(d);
    if (const std::string p = ctx.form("planned_on"); !p.empty()) {
        e.planned_on = Date::parse(p);
        if (!e.planned_on) errors.push_back({"planned_on", "Planned publication date must be a real date"});
    }
    e.reviewer_name = ctx.form("reviewer_name");
    if (const int uid = form_int(ctx, "reviewer_user_id"); uid > 0) e.reviewer_user = UserId{uid};
    e.note = ctx.form("note");
    return e;
}

void event_form(Services& s, Ctx& ctx, const CaseView& v, EventKind kind, const FieldErrors& errors, int status) {
    const Case& c = v.record;
    const auto names = agency_names(s, ctx.who());
    const bool posted = ctx.req.method == "POST";
    Data data;
    data.set("id", c.id.str());
    data.set("version", std::to_string(c.version));
    data.set("reference", c.reference + ": " + pseudonyms(c));
    const Regime regime = regime_of(c);
    data.set("event", std::string(event_key(kind)));
    data.set("title", std::string(event_words(regime, kind)));
    const std::string on = posted ? ctx.form("on") : london_today(s).iso();
    const char* on_label = kind == EventKind::plan_publication ? "Date the publication was planned" : "Date";
    data.set("on_html", date_input(Field{"on", on_label, on, error_for(errors, "on"), kDateHint, "", "text", "govuk-input--width-10"}));
    if (kind == EventKind::request_summaries || kind == EventKind::summary_returned) {
        std::vector<Option> options;
        if (kind == EventKind::request_summaries) {
            for (const auto& a : c.agencies) if (!v.state.summaries.contains(a)) options.push_back({a.str(), names_of({a}, names)});
        } else {
            for (const auto& [a, st] : v.state.summaries) if (!st.returned_on) options.push_back({a.str(), names_of({a}, names)});
        }
        data.set("agencies_html", checkboxes(Field{"agencies", kind == EventKind::request_summaries ? "Agencies asked for a summary"
                                                                                                     : "Agencies that returned their summary",
                                                   "", error_for(errors, "agencies")},
                                             options, ctx.form_all("agencies")));
    }
    if (kind == EventKind::decide) {
        std::vector<Option> options;
        for (Decision d : {Decision::local_review, Decision::national_review, Decision::other_learning, Decision::no_further_review}) {
            options.push_back({std::string(decision_key(d)), std::string(decision_words(regime, d))});
        }
        data.set("decision_html", radios(Field{"decision", "Decision", ctx.form("decision"), error_for(errors, "decision")}, options));
    }
    if (kind == EventKind::plan_publication) {
        data.set("planned_on_html", date_input(Field{"planned_on", "Planned publication date", ctx.form("planned_on"),
                                                     error_for(errors, "planned_on"), kDateHint, "", "text", "govuk-input--width-10"}));
    }
    if (kind == EventKind::commission_reviewer) {
        data.set("reviewer_name_html", text_input(Field{"reviewer_name", "Name of the reviewer", ctx.form("reviewer_name"),
                                                        error_for(errors, "reviewer_name")}));
        data.set("reviewer_user_html", select(Field{"reviewer_user_id", "Their account in Assure (optional)", ctx.form("reviewer_user_id"),
                                                    error_for(errors, "reviewer_user_id"),
                                                    "With an account, the reviewer sees this case as well as the rest of their work"},
                                              user_options(s, ctx.who()), "No account"));
        fill_invitation_fields(ctx, errors, data);
    }
    const bool wants_note = kind == EventKind::decide || kind == EventKind::panel_response ||
                            kind == EventKind::progress_check || kind == EventKind::close || kind == EventKind::disseminate;
    if (wants_note || !error_for(errors, "note").empty()) {
        const char* label = kind == EventKind::decide           ? "Reasons for the decision"
                            : kind == EventKind::panel_response ? "The Panel's response"
                            : kind == EventKind::progress_check ? "What the progress check found"
                                                                : "Note (optional)";
        data.set("note_html", textarea(Field{"note", label, ctx.form("note"), error_for(errors, "note")}));
    }
    page(ctx, "reviews/event_form", data, PageOptions{std::string(event_words(regime, kind)), "reviews", errors, status});
}

void add_event_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/reviews/(\d+)/events/new)", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto kind = parse_event(ctx.query("event"));
                          if (!kind) throw Failure::not_found("event " + ctx.query("event"));
                          event_form(s, ctx, read_case(s, ctx.who(), CaseId{ctx.path_id()}), *kind, {}, 200);
                      },
                      "/reviews/1/events/new?event=notify_panel"});
    routes.push_back({"POST", R"(/reviews/(\d+)/events)", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const CaseId id{ctx.path_id()};
                          FieldErrors errors;
                          const CaseEvent e = event_from_form(ctx, errors);
                          try {
                              if (!errors.empty()) throw Failure::invalid(errors);
                              const auto invitation = e.kind == EventKind::commission_reviewer ? invitation_from_form(ctx) : std::nullopt;
                              if (invitation && e.reviewer_user.valid()) {
                                  throw Failure::invalid({{"reviewer_user_id", "Choose their account or invite them by email, not both"}});
                              }
                              if (invitation) {
                                  invite_reviewer(s, ctx.who(), id, form_int(ctx, "version"), *invitation, site_of(ctx));
                              } else {
                                  record_event(s, ctx.who(), id, form_int(ctx, "version"), e);
                              }
                              redirect(ctx, "/reviews/" + id.str() + "?saved=event");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid || !parse_event(ctx.form("event"))) throw;
                              // The invitation's email is the form's reviewer_email: the summary links to it.
                              FieldErrors fields = f.fields();
                              for (auto& field : fields) {
                                  if (field.field == "email") field.field = "reviewer_email";
                              }
                              event_form(s, ctx, read_case(s, ctx.who(), id), *parse_event(ctx.form("event")), fields, 422);
                          }
                      },
                      "/reviews/1/events"});
}

void add_case_change_routes(std::vector<Route>& routes, Services& s) {
    // Each form on the case page posts here; a refusal shows the case page with its errors.
    auto on_case = [&s](Ctx& ctx, const std::function<void(CaseId)>& change) {
        const CaseId id{ctx.path_id()};
        try {
            change(id);
            redirect(ctx, "/reviews/" + id.str() + "?saved=1");
        } catch (const Failure& f) {
            if (f.code() != FailureCode::invalid) throw;
            case_page(s, ctx, f.fields(), 422);
        }
    };
    routes.push_back({"POST", R"(/reviews/(\d+)/recommendations)", Permission::manage_reviews, Surface::page,
                      [&s, on_case](Ctx& ctx) {
                          on_case(ctx, [&](CaseId id) {
                              add_recommendation(s, ctx.who(), id, {ctx.form("text"), ctx.form("theme"), ctx.form_all("agencies")});
                          });
                      },
                      "/reviews/1/recommendations"});
    routes.push_back({"POST", R"(/reviews/(\d+)/panel)", Permission::manage_reviews, Surface::page,
                      [&s, on_case](Ctx& ctx) {
                          on_case(ctx, [&](CaseId id) {
                              add_panel_member(s, ctx.who(), id, form_int(ctx, "version"), ctx.form("user_id"));
                          });
                      },
                      "/reviews/1/panel"});
    routes.push_back({"POST", R"(/reviews/(\d+)/reviewer-invitation/resend)", Permission::manage_reviews, Surface::page,
                      [&s, on_case](Ctx& ctx) {
                          on_case(ctx, [&](CaseId id) { resend_reviewer_invitation(s, ctx.who(), id, site_of(ctx)); });
                      },
                      "/reviews/1/reviewer-invitation/resend"});
    routes.push_back({"POST", R"(/reviews/(\d+)/conflicts/decide)", Permission::manage_reviews, Surface::page,
                      [&s, on_case](Ctx& ctx) {
                          on_case(ctx, [&](CaseId id) {
                              decide_conflict(s, ctx.who(), id, form_int(ctx, "version"), ctx.form("user_id_conflict"),
                                              ctx.form("panel"), ctx.form("appeal"));
                          });
                      },
                      "/reviews/1/conflicts/decide"});
    routes.push_back({"POST", R"(/reviews/(\d+)/conflicts/override)", Permission::override_interest, Surface::page,
                      [&s, on_case](Ctx& ctx) {
                          on_case(ctx, [&](CaseId id) {
                              override_interest(s, ctx.who(), id, form_int(ctx, "version"), ctx.form("user_id_override"),
                                                ctx.form("reason"));
                          });
                      },
                      "/reviews/1/conflicts/override"});
    routes.push_back({"POST", R"(/reviews/(\d+)/conflicts)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const CaseId id{ctx.path_id()};
                          try {
                              declare_conflict(s, ctx.who(), id, ctx.form("interest"));
                              redirect(ctx, "/reviews?declared=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              case_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/reviews/1/conflicts"});
}

}  // namespace

void add_reviews_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/reviews", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) { dashboard_page(s, ctx); }, "/reviews"});
    routes.push_back({"GET", "/reviews/new", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) { notify_form(s, ctx, IncidentInput{}, {}, 200); }, "/reviews/new"});
    routes.push_back({"POST", "/reviews", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const IncidentInput in = incident_input(ctx);
                          try {
                              const CaseView v = notify_incident(s, ctx.who(), in);
                              redirect(ctx, "/reviews/" + v.record.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              notify_form(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/reviews"});
    routes.push_back({"GET", R"(/reviews/(\d+))", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) { case_page(s, ctx); }, "/reviews/1"});
    add_event_routes(routes, s);
    add_case_change_routes(routes, s);
    add_chronology_routes(routes, s);
    add_review_panel_routes(routes, s);
}

}  // namespace assure::web
