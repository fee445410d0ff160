// The answers a business manager is asked for: the action log and "my actions", the attendance
// report (who is under the expected rate and which chief officer to tell), the forward plan,
// the register of interests, calendar feeds, and CSV/XLSX exports.
#include <map>

#include "app/action_escalations.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "web/report_chart.hpp"
#include "web/paging.hpp"

namespace assure::web {
namespace {

std::optional<GroupId> group_query(const Ctx& ctx) {
    const std::string g = ctx.query("group");
    if (g.empty()) return std::nullopt;
    std::int64_t v = 0;
    for (const char c : g) {
        if (c < '0' || c > '9' || v > 1'000'000'000) throw Failure::not_found("group " + g);
        v = v * 10 + (c - '0');
    }
    return GroupId{v};
}

ActionFilter action_filter(Services& s, const Ctx& ctx) {
    ActionFilter f;
    const std::string show = ctx.query("show");
    f.open_only = show.empty();
    f.overdue_only = show == "overdue";
    f.group = group_query(ctx);
    if (ctx.query("mine") == "1") f.owner = person_of(s, ctx.who()).value_or(PersonId{});
    return f;
}

Table actions_table(const std::vector<ActionLine>& lines) {
    Table t{"Actions", {"Action", "Owner", "Agency", "Group", "Meeting", "Due", "Status", "Overdue", "Closed", "Latest update"}, {}};
    for (const auto& l : lines) {
        t.rows.push_back({l.action.text, l.owner_name, l.owner_agency, l.group_name, l.meeting_on.iso(), l.action.due.iso(),
                          std::string(action_status_label(l.action.status)), l.overdue ? "Yes" : "No",
                          l.action.closed_on ? l.action.closed_on->iso() : "", l.action.note});
    }
    return t;
}

Table attendance_table(const AttendanceReport& r) {
    Table t{"Attendance", {"Member", "Agency", "Chief officer", "Group", "Held", "Attended", "Present", "Deputy attended",
                           "Apologies", "Absent", "Rate", "Below expected", "Deputy often"}, {}};
    for (const auto& l : r.lines) {
        char rate[16];
        std::snprintf(rate, sizeof rate, "%.2f", l.rate.rate.value_or(0));
        t.rows.push_back({l.person.name, l.agency_name, l.chief_officer, l.group_name, std::to_string(l.rate.held),
                          std::to_string(l.rate.attended), std::to_string(l.rate.present), std::to_string(l.rate.deputised),
                          std::to_string(l.rate.apologies), std::to_string(l.rate.absent), rate,
                          l.rate.below_expected ? "Yes" : "No", l.rate.deputy_regular ? "Yes" : "No"});
    }
    return t;
}

void actions_page(Services& s, Ctx& ctx) {
    const ActionFilter filter = action_filter(s, ctx);
    const PageRequest paging = page_request(ctx);
    const auto lines = list_actions(s, ctx.who(), filter, paging);
    const bool mine = ctx.query("mine") == "1";
    const std::string show = ctx.query("show");
    Data rows{Data::type::list};
    for (const auto& l : lines.items) {
        Data row;
        row.set("id", l.action.id.str());
        row.set("text", l.action.text);
        row.set("owner", l.owner_name);
        row.set("agency", l.owner_agency);
        row.set("group", l.group_name);
        row.set("due", date_in_words(l.action.due));
        row.set("status", std::string(action_status_label(l.action.status)));
        row.set("overdue", flag(l.overdue));
        rows.push_back(row);
    }
    // Over the whole filtered list, not just this page: counted by the store.
    const auto overdue_by = overdue_by_owner(s, ctx.who(), filter);
    Data owners{Data::type::list};
    for (const auto& [name, n] : overdue_by) {
        Data o;
        o.set("name", name);
        o.set("count", std::to_string(n));
        owners.push_back(o);
    }
    const std::string group = filter.group ? "&group=" + filter.group->str() : std::string();
    const std::string base = std::string("/actions?") + (mine ? "mine=1&" : "");
    Data filters{Data::type::list};
    const std::pair<const char*, const char*> options[] = {{"", "Open"}, {"overdue", "Overdue"}, {"all", "All"}};
    for (std::size_t i = 0; i < std::size(options); ++i) {
        Data f;
        f.set("label", options[i].second);
        f.set("href", base + "show=" + options[i].first + group);
        f.set("current", flag(show == options[i].first));
        f.set("last", flag(i + 1 == std::size(options)));
        filters.push_back(f);
    }
    Data data;
    data.set("actions", rows);
    data.set("has_actions", flag(!lines.items.empty()));
    data.set("pagination_html", pagination(base + "show=" + url_encode(show) + group, paging, lines.next));
    data.set("owners", owners);
    data.set("has_owners", flag(!overdue_by.empty()));
    data.set("filters", filters);
    data.set("mine", flag(mine));
    data.set("export_query", std::string(mine ? "mine=1&" : "") + "show=" + url_encode(show) + group);
    data.set("no_person", flag(mine && !person_of(s, ctx.who())));
    page(ctx, "governance/actions", data, PageOptions{mine ? "My meeting actions" : "Meeting actions", "actions"});
}

void action_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const ActionId id{ctx.path_id()};
    const std::optional<ActionLine> line = read_action(s, ctx.who(), id);
    const auto self = person_of(s, ctx.who());
    const bool can_update = ctx.who().can(Permission::manage_governance) || (self && *self == line->action.owner);
    const bool posted = ctx.req.method == "POST";
    Data data;
    data.set("id", id.str());
    data.set("version", std::to_string(line->action.version));
    data.set("text", line->action.text);
    data.set("owner", line->owner_name + ", " + line->owner_agency);
    data.set("group", line->group_name);
    data.set("meeting_id", line->action.meeting.str());
    data.set("meeting_on", date_in_words(line->meeting_on));
    data.set("due", date_in_words(line->action.due));
    data.set("status", std::string(action_status_label(line->action.status)));
    data.set("overdue", flag(line->overdue));
    data.set("note", optional_text(line->action.note));
    data.set("closed_on", optional_text(line->action.closed_on ? date_in_words(*line->action.closed_on) : std::string()));
    data.set("can_update", flag(can_update));
    data.set("saved", flag(ctx.has_query("saved")));
    Data escalations{Data::type::list};
    for (const auto& e : escalations_of_action(s, ctx.who(), id)) {
        Data row;
        row.set("step", std::string(escalation_step_label(e.step)));
        row.set("to", e.person_name);
        row.set("on", date_in_words(e.escalated_on));
        row.set("due", date_in_words(e.due));
        escalations.push_back(row);
    }
    data.set("has_escalations", flag(!escalations.is_empty_list()));
    data.set("escalations", escalations);
    std::vector<Option> statuses;
    for (ActionStatus a : {ActionStatus::open, ActionStatus::done, ActionStatus::dropped}) {
        statuses.push_back({std::string(action_status_key(a)), std::string(action_status_label(a))});
    }
    data.set("status_html", radios(Field{"status", "Status", posted ? ctx.form("status") : std::string(action_status_key(line->action.status)),
                                         error_for(errors, "status")}, statuses));
    data.set("note_html", textarea(Field{"note", "Update", posted ? ctx.form("note") : "", error_for(errors, "note"),
                                         "What has been done, or why the action is no longer needed"}, 4));
    page(ctx, "governance/action", data, PageOptions{"Meeting action", "actions", errors, status, "/actions", "Back to the action log"});
}

void attendance_page(Services& s, Ctx& ctx) {
    const auto group = group_query(ctx);
    FieldErrors errors;
    AttendanceReport r;
    try {
        r = attendance_report(s, ctx.who(), group, ctx.query("from"), ctx.query("to"));
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
        r = attendance_report(s, ctx.who(), group, "", "");
    }
    Data below{Data::type::list}, all{Data::type::list}, deputies{Data::type::list};
    for (const auto& l : r.lines) {
        Data row;
        row.set("name", l.person.name);
        row.set("person_id", l.person.id.str());
        row.set("agency", l.agency_name);
        row.set("chief_officer", l.chief_officer.empty() ? std::string("Not recorded") : l.chief_officer);
        row.set("group", l.group_name);
        row.set("group_id", l.group.str());
        set_rate(row, l.rate);
        if (l.rate.below_expected) below.push_back(row);
        if (l.rate.deputy_regular) deputies.push_back(row);
        all.push_back(row);
    }
    auto totals = [](const std::vector<RateTotal>& ts) {
        Data out{Data::type::list};
        for (const auto& t : ts) {
            Data row;
            row.set("label", t.label);
            row.set("rate", rate_text(t.rate));
            row.set("held", std::to_string(t.held));
            row.set("attended", std::to_string(t.attended));
            row.set("below", flag(t.below_expected));
            out.push_back(row);
        }
        return out;
    };
    // The same totals drawn as bars (a full bar is 100%), beside the tables that hold them.
    auto chart = [&](const std::string& id, const std::string& title, const std::vector<RateTotal>& ts) {
        std::vector<Bar> bars;
        for (const auto& t : ts) {
            if (t.rate) bars.push_back({t.label, *t.rate, rate_text(t.rate) + " (" + std::to_string(t.attended) + " of " + std::to_string(t.held) + ")"});
        }
        return bar_chart_svg(id, title + ", " + period_in_words(r.period.from, r.period.to), bars, 1.0);
    };
    std::vector<Option> groups{{"", "All groups"}};
    for (const auto& g : list_groups(s, ctx.who())) groups.push_back({g.group.id.str(), g.group.name});
    const std::string expected = rate_text(r.expected_rate);
    Data data;
    data.set("expected", expected);
    data.set("period", period_in_words(r.period.from, r.period.to));
    data.set("below", below);
    data.set("has_below", flag(!below.is_empty_list()));
    data.set("deputies", deputies);
    data.set("has_deputies", flag(!deputies.is_empty_list()));
    data.set("all", all);
    data.set("has_all", flag(!r.lines.empty()));
    data.set("by_agency", totals(r.by_agency));
    data.set("by_partner", totals(r.by_partner));
    data.set("agency_chart_html", chart("chart-agency", "Attendance by agency", r.by_agency));
    data.set("partner_chart_html", chart("chart-partner", "Attendance by statutory partner", r.by_partner));
    data.set("group_html", select(Field{"group", "Group", ctx.query("group"), ""}, groups, ""));
    data.set("from_html", text_input(Field{"from", "From", errors.empty() ? r.period.from.iso() : ctx.query("from"), error_for(errors, "from"),
                                           "As year-month-day, for example 2026-04-01", "", "text", "govuk-input--width-10"}));
    data.set("to_html", text_input(Field{"to", "To", errors.empty() ? r.period.to.iso() : ctx.query("to"), error_for(errors, "to"),
                                         "As year-month-day, for example 2027-03-31", "", "text", "govuk-input--width-10"}));
    data.set("query", "group=" + url_encode(ctx.query("group")) + "&from=" + r.period.from.iso() + "&to=" + r.period.to.iso());
    page(ctx, "governance/attendance", data, PageOptions{"Attendance", "groups", errors, errors.empty() ? 200 : 422});
}

void forward_plan_page(Services& s, Ctx& ctx) {
    const Date today = london_today(s);
    const auto items = forward_plan(s, ctx.who(), today, 12);
    Data rows{Data::type::list};
    for (const auto& i : items) {
        Data row;
        row.set("on", date_in_words(i.on));
        row.set("month", month_in_words(i.on));
        row.set("time", i.starts_at);
        row.set("label", i.label);
        row.set("meeting_id", i.meeting.valid() ? i.meeting.str() : std::string());
        row.set("milestone", flag(!i.meeting.valid()));
        row.set("cancelled", flag(i.cancelled));
        rows.push_back(row);
    }
    Data data;
    data.set("items", rows);
    data.set("has_items", flag(!items.empty()));
    data.set("from", date_in_words(today));
    page(ctx, "governance/forward_plan", data, PageOptions{"Forward plan", "groups"});
}

void interests_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    std::map<PersonId, std::string> names;
    for (const auto& p : list_people(s, ctx.who(), PersonFilter{std::nullopt, true})) names[p.id] = p.name;
    const PageRequest paging = page_request(ctx);
    const auto interests = list_interests(s, ctx.who(), paging);
    Data rows{Data::type::list};
    for (const auto& i : interests.items) {
        Data row;
        row.set("person", names[i.person]);
        row.set("person_id", i.person.str());
        row.set("interest", i.interest);
        row.set("declared_on", date_in_words(i.declared_on));
        row.set("meeting_id", optional_text(i.meeting.valid() ? i.meeting.str() : std::string()));
        row.set("item", i.agenda_item > 0 ? "item " + std::to_string(i.agenda_item) : std::string());
        rows.push_back(row);
    }
    const bool posted = ctx.req.method == "POST";
    const auto self = person_of(s, ctx.who());
    Data data;
    data.set("interests", rows);
    data.set("has_interests", flag(!rows.is_empty_list()));
    data.set("pagination_html", pagination("/interests", paging, interests.next));
    data.set("person_html", select(Field{"person_id", "Who is declaring", posted ? ctx.form("person_id") : (self ? self->str() : ""),
                                         error_for(errors, "person_id"), "You can declare your own; the business unit records anyone's"},
                                   people_options(s, ctx.who()), "Select a person"));
    data.set("interest_html", textarea(Field{"interest", "The interest", posted ? ctx.form("interest") : "", error_for(errors, "interest"),
                                             "For example, a paid role, a close relationship or involvement in a case"}, 3));
    data.set("declared_on_html", date_input(Field{"declared_on", "Date declared", posted ? ctx.form("declared_on") : london_today(s).iso(),
                                                  error_for(errors, "declared_on"), kDateExample, "", "text", "govuk-input--width-10"}));
    page(ctx, "governance/interests", data, PageOptions{"Declarations of interest", "groups", errors, status});
}

void feeds_page(Services& s, Ctx& ctx, const std::string& token) {
    Data data;
    data.set("has_token", flag(!token.empty()));
    data.set("token", token);
    Data groups{Data::type::list};
    for (const auto& g : list_groups(s, ctx.who())) {
        Data row;
        row.set("id", g.group.id.str());
        row.set("name", g.group.name);
        groups.push_back(row);
    }
    data.set("groups", groups);
    page(ctx, "governance/feeds", data, PageOptions{"Calendar feeds", "groups"});
}

void serve_feed(Services& s, Ctx& ctx, std::optional<GroupId> group) {
    const std::string token = ctx.req.matches[1];
    const auto events = feed_events(s, token, group);
    ctx.res.set_header("Cache-Control", "private, max-age=900");
    ctx.res.set_content(ics_calendar(group ? "Assure group meetings" : "Assure: my meetings and actions", events), "text/calendar; charset=utf-8");
}

}  // namespace

void add_governance_report_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/actions", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { actions_page(s, ctx); }, "/actions"});
    for (const bool xlsx : {false, true}) {
        routes.push_back({"GET", xlsx ? "/actions.xlsx" : "/actions.csv", Permission::view_governance, Surface::page,
                          [&s, xlsx](Ctx& ctx) { send_table(ctx, actions_table(export_actions(s, ctx.who(), action_filter(s, ctx))), "actions", xlsx); },
                          xlsx ? "/actions.xlsx" : "/actions.csv"});
        routes.push_back({"GET", xlsx ? "/attendance.xlsx" : "/attendance.csv", Permission::view_governance, Surface::page,
                          [&s, xlsx](Ctx& ctx) {
                              send_table(ctx, attendance_table(attendance_report(s, ctx.who(), group_query(ctx), ctx.query("from"), ctx.query("to"))),
                                         "attendance", xlsx);
                          },
                          xlsx ? "/attendance.xlsx" : "/attendance.csv"});
    }
    routes.push_back({"GET", R"(/actions/(\d+))", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { action_page(s, ctx); },
                      "/actions/1"});
    routes.push_back({"POST", R"(/actions/(\d+))", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          const ActionId id{ctx.path_id()};
                          try {
                              update_action(s, ctx.who(), id, form_int(ctx, "version"), ctx.form("status"), ctx.form("note"));
                              redirect(ctx, "/actions/" + id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              action_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/actions/1"});
    routes.push_back({"GET", "/attendance", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { attendance_page(s, ctx); },
                      "/attendance"});
    routes.push_back({"GET", "/forward-plan", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { forward_plan_page(s, ctx); },
                      "/forward-plan"});
    routes.push_back({"GET", "/interests", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { interests_page(s, ctx); },
                      "/interests"});
    routes.push_back({"POST", "/interests", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              declare_interest(s, ctx.who(), {ctx.form("person_id"), ctx.form("interest"), ctx.form("declared_on"), "", ""});
                              redirect(ctx, "/interests?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              interests_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/interests"});
    routes.push_back({"GET", "/feeds", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { feeds_page(s, ctx, ""); }, "/feeds"});
    routes.push_back({"POST", "/feeds", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) { feeds_page(s, ctx, create_feed_token(s, ctx.who())); }, "/feeds"});
    // Calendar clients cannot sign in: the unguessable token in the address is the credential.
    routes.push_back({"GET", R"(/feeds/([A-Za-z0-9_-]{16,128})/mine\.ics)", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { serve_feed(s, ctx, std::nullopt); }, "/feeds/0000000000000000/mine.ics"});
    routes.push_back({"GET", R"(/feeds/([A-Za-z0-9_-]{16,128})/groups/(\d+)\.ics)", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { serve_feed(s, ctx, GroupId{ctx.path_id(2)}); }, "/feeds/0000000000000000/groups/1.ics"});
}

}  // namespace assure::web
