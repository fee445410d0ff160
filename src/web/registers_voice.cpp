// The voice of children and young people and independent scrutiny: one page file for both
// registers (decision 0028), given each register's address and words. The list with its filters
// (kind, financial year, awaiting a response), CSV and XLSX, the year's figures by kind, an
// activity's record with each point and the partnership's dated response ("you said, we did")
// and the action it feeds, and the forms, which offer eight slots for points.
#include "web/paging.hpp"
#include "web/registers_pages.hpp"

namespace assure::web::registers_web {
namespace {

// What differs between the two registers: their address and their words.
struct Words {
    Strand strand;
    const char* base;       // "/registers/voice"
    const char* file_name;  // the download's name
    const char* title;
    const char* intro;
    const char* one;        // "activity" as a page title says it
    const char* point;      // a point's label
    const char* points;     // the heading over the points
    const char* response;
};

const Words kVoice{Strand::voice,
                   "/registers/voice",
                   "voice-of-children",
                   "Voice of children and young people",
                   "Surveys, consultations, the young scrutineers' and young advisers' work, the challenge day and each group's report "
                   "of how it heard children: what children and young people said, and what the partnership did in response. No "
                   "record names a child.",
                   "Voice activity",
                   "What children and young people said",
                   "You said, we did",
                   "What the partnership did"};
const Words kScrutiny{Strand::scrutiny,
                      "/registers/scrutiny",
                      "independent-scrutiny",
                      "Independent scrutiny",
                      "The independent scrutineer's plan, frontline and focus visits, audits, reports and the yearly challenge event: "
                      "each recommendation, the partnership's response and the action in the action plan it feeds.",
                      "Scrutiny activity",
                      "Recommendation",
                      "Recommendations and responses",
                      "The partnership's response"};

std::string base(const Words& w) { return w.base; }

std::vector<Option> kind_options(Strand strand) { return options_of(kinds_of(strand), activity_kind_key, activity_kind_label); }

std::string awaiting_words(const Activity& a) {
    const int open = static_cast<int>(a.points.size()) - points_answered(a);
    if (a.points.empty()) return "No points recorded";
    if (open == 0) return "All answered";
    return std::to_string(open) + " of " + std::to_string(a.points.size()) + " awaiting a response";
}

void list_page(Services& s, Ctx& ctx, const Words& w) {
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    const auto shown = listed<Page<Activity>>(errors, [&] { return list_activities(s, ctx.who(), w.strand, filter_from(ctx), request); });
    ListPage list;
    list.title = w.title;
    list.intro = w.intro;
    list.base = w.base;
    list.add_label = "Record an activity";
    const auto e = [&](const char* name) { return error_for(errors, name); };
    list.filters = {
        select(Field{"kind", "Kind", ctx.query("kind"), e("kind")}, kind_options(w.strand), "Any kind"),
        select(Field{"year", "Held in", ctx.query("year"), e("year")}, year_options(s), "Any year"),
        select(Field{"awaiting", "Responses", ctx.query("awaiting"), e("awaiting")}, {{"yes", "Awaiting a response"}}, "Any"),
        text_input(Field{"q", "Title, who ran it or summary contains", ctx.query("q"), ""}),
    };
    list.caption = "Activities";
    list.headings = {"Activity", "Kind", "Held", "Children and young people heard", "Responses"};
    for (const auto& a : shown.items) {
        list.rows.push_back(list_row(a.title, base(w) + "/" + a.id.str(),
                                     {std::string(activity_kind_label(a.kind)), date_in_words(a.held_on), grouped(a.children_heard),
                                      awaiting_words(a)}));
    }
    list.next = shown.next;
    show_list(ctx, list, request, errors);
}

Table activity_table(Services& s, const Ctx& ctx, const Words& w) {
    Table t{w.strand == Strand::voice ? "Voice activities" : "Scrutiny activities",  // a sheet's name: 31 characters at most
            {"Id", "Kind", "Title", "Led by", "Held on", "Children and young people heard", "How children were heard", "Summary", "Points",
             "Answered", "Linked to the action plan"},
            {}};
    // One column group per slot, so a spreadsheet reads "you said, we did" across a row.
    for (std::size_t i = 1; i <= kMaxActivityPoints; ++i) {
        const std::string n = std::to_string(i);
        for (const std::string h : {"Point ", "Response ", "Responded on ", "Action "}) t.headings.push_back(h + n);
    }
    const RegisterFilter filter = filter_from(ctx);
    each_page([&](const PageRequest& page) {
        const auto items = list_activities(s, ctx.who(), w.strand, filter, page);
        for (const auto& a : items.items) {
            std::vector<std::string> row{a.id.str(),        std::string(activity_kind_label(a.kind)), a.title, a.led_by, a.held_on.iso(),
                                         std::to_string(a.children_heard), a.how_heard, a.summary, std::to_string(a.points.size()),
                                         std::to_string(points_answered(a)), std::to_string(points_linked(a))};
            for (std::size_t i = 0; i < kMaxActivityPoints; ++i) {
                if (i >= a.points.size()) {
                    row.insert(row.end(), {"", "", "", ""});
                    continue;
                }
                const auto& p = a.points[i];
                row.insert(row.end(), {p.point, p.response, p.responded_on ? p.responded_on->iso() : "", p.action ? p.action->str() : ""});
            }
            t.rows.push_back(std::move(row));
        }
        return items.next;
    });
    return t;
}

std::string percent_words(const std::optional<int>& p) { return p ? std::to_string(*p) + "%" : std::string("No points"); }

void figures_page(Services& s, Ctx& ctx, const Words& w) {
    FieldErrors errors;
    const FinancialYear year = figures_year(s, ctx, errors);
    const ActivityFigures f = activity_year_figures(s, ctx.who(), w.strand, year);
    const auto n = [](int v) { return grouped(v); };
    FiguresPage page;
    page.title = std::string(w.title) + ": yearly figures";
    page.intro = "Activities held in the financial year, by kind: the children and young people heard, the points recorded, how "
                 "many the partnership has answered and how many feed an action in the action plan.";
    page.base = w.base;
    page.year_html = select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year");
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : f.by_kind) {
        const auto& c = line.count;
        rows.push_back({std::string(activity_kind_label(line.kind)), n(c.activities), n(c.children), n(c.points), n(c.answered), n(c.linked)});
    }
    rows.push_back({"Total", n(f.total.activities), n(f.total.children), n(f.total.points), n(f.total.answered), n(f.total.linked)});
    page.tables.push_back(table("Activities in " + year.label() + " by kind",
                                {"Kind", "Activities", "Children and young people heard", "Points", "Answered", "Linked to an action"}, rows));
    page.tables.push_back(table("Responses in " + year.label(), {"Figure", "Share of points"},
                                {{"Answered by the partnership", percent_words(f.answered_percent)},
                                 {"Feeding an action in the action plan", percent_words(f.linked_percent)},
                                 {"Awaiting a response", n(f.total.points - f.total.answered)}}));
    show_figures(ctx, page, errors);
}

void record_page(Services& s, Ctx& ctx, const Words& w) {
    const ActivityShown shown = read_activity(s, ctx.who(), w.strand, ActivityId{ctx.path_id()});
    const Activity& a = shown.activity;
    Data rows{Data::type::list};
    rows.push_back(summary_row("Kind", std::string(activity_kind_label(a.kind))));
    rows.push_back(summary_row("Held", date_in_words(a.held_on)));
    rows.push_back(summary_row(w.strand == Strand::voice ? "Run by" : "Carried out by", a.led_by));
    rows.push_back(summary_row("Children and young people heard", grouped(a.children_heard)));
    rows.push_back(summary_row("How children were heard", a.how_heard));
    rows.push_back(summary_row("Summary", a.summary));
    rows.push_back(summary_row("Responses", awaiting_words(a)));
    Data points{Data::type::list};
    for (std::size_t i = 0; i < a.points.size(); ++i) {
        const auto& p = a.points[i];
        Data point;
        point.set("title", "Point " + std::to_string(i + 1));
        Data lines{Data::type::list};
        lines.push_back(summary_row(w.point, p.point));
        const bool answered = !p.response.empty();
        lines.push_back(summary_row(w.response, answered ? p.response : "Awaiting a response"));
        if (answered) lines.push_back(summary_row("Responded", p.responded_on ? date_in_words(*p.responded_on) : "Not recorded"));
        if (p.action) {
            const auto it = shown.actions.find(*p.action);
            Data row = summary_row("Action in the action plan", "Action " + p.action->str() + (it == shown.actions.end() ? "" : ": " + it->second));
            row.set("href", "/improvement/" + p.action->str());
            lines.push_back(row);
        }
        point.set("rows", lines);
        points.push_back(point);
    }
    Data data;
    data.set("title", std::string(w.one) + ": " + a.title);
    data.set("rows", rows);
    data.set("points_heading", std::string(w.points));
    data.set("points", points);
    data.set("has_points", flag(!a.points.empty()));
    data.set("saved", flag(ctx.has_query("saved")));
    data.set("may_edit", flag(ctx.who().can(Permission::manage_registers)));
    data.set("edit_href", base(w) + "/" + a.id.str() + "/edit");
    data.set("back_href", base(w));
    page(ctx, "registers/activity", data, PageOptions{std::string(w.one) + ": " + a.title, "registers"});
}

ActivityInput input_from(const Ctx& ctx) {
    ActivityInput in;
    in.kind = ctx.form("kind");
    in.title = ctx.form("title");
    in.led_by = ctx.form("led_by");
    in.held_on = ctx.form("held_on");
    in.children_heard = ctx.form("children_heard");
    in.how_heard = ctx.form("how_heard");
    in.summary = ctx.form("summary");
    for (std::size_t i = 1; i <= kMaxActivityPoints; ++i) {
        const std::string n = std::to_string(i);
        ActivityPointInput p;
        p.point = ctx.form("point" + n);
        p.response = ctx.form("response" + n);
        p.action = ctx.form("action" + n);
        p.responded_on = ctx.form("responded_on" + n);
        in.points.push_back(std::move(p));
    }
    return in;
}

ActivityInput input_of(const Activity& a) {
    ActivityInput in;
    in.kind = std::string(activity_kind_key(a.kind));
    in.title = a.title;
    in.led_by = a.led_by;
    in.held_on = a.held_on.iso();
    in.children_heard = std::to_string(a.children_heard);
    in.how_heard = a.how_heard;
    in.summary = a.summary;
    for (const auto& p : a.points) {
        in.points.push_back({p.point, p.response, p.action ? p.action->str() : "", false, p.responded_on ? p.responded_on->iso() : ""});
    }
    return in;
}

void form_page(Ctx& ctx, const Words& w, const ActivityInput& in, const std::string& action, int version, const FieldErrors& errors,
               int status) {
    const auto e = [&](const std::string& name) { return error_for(errors, name); };
    const bool voice = w.strand == Strand::voice;
    std::vector<std::string> fields{
        radios(Field{"kind", "Kind of activity", in.kind, e("kind")}, kind_options(w.strand)),
        text_input(Field{"title", "Title", in.title, e("title"), voice ? "For example, Safeguarding survey of young people" : "For example, Visit to the front door"}),
        text_input(Field{"led_by", voice ? "Who ran it" : "Who carried it out", in.led_by, e("led_by"),
                         voice ? "An organisation, a group or a sub-group, for example Voice for Children" : "For example, Independent scrutineer"}),
        date_input(Field{"held_on", "Date held", in.held_on, e("held_on"), "Or the date of the report, for example 18 1 2016"}),
        text_input(Field{"children_heard", "Children and young people heard (optional)", in.children_heard, e("children_heard"),
                         "How many took part, as a whole number", "off", "text", "govuk-input--width-5", false}),
        textarea(Field{"how_heard", voice ? "How children and young people were heard" : "How children and young people were heard (optional)",
                       in.how_heard, e("how_heard"), "For example, an online questionnaire in every secondary school"},
                 3),
        textarea(Field{"summary", "Summary (optional)", in.summary, e("summary")}, 3),
        "<h2 class=\"govuk-heading-m\">" + escape(w.points) + "</h2><p class=\"govuk-body\">Up to " + std::to_string(kMaxActivityPoints) +
            " points. Leave a point's boxes empty to record fewer. A response needs the date it was given.</p>",
    };
    for (std::size_t i = 1; i <= kMaxActivityPoints; ++i) {
        const std::string n = std::to_string(i);
        const ActivityPointInput p = i <= in.points.size() ? in.points[i - 1] : ActivityPointInput{};
        fields.push_back("<h3 class=\"govuk-heading-s\">Point " + n + "</h3>");
        fields.push_back(textarea(Field{"point" + n, std::string(w.point) + " (point " + n + ")", p.point, e("point" + n)}, 2));
        fields.push_back(textarea(Field{"response" + n, std::string(w.response) + " (point " + n + ", optional)", p.response, e("response" + n),
                                        "Leave empty while the partnership has not answered"},
                                  2));
        fields.push_back(date_input(Field{"responded_on" + n, "Date of the response (point " + n + ")", p.responded_on, e("responded_on" + n),
                                          "When the partnership gave its response; not before the activity was held"}));
        fields.push_back(text_input(Field{"action" + n, "Action in the action plan (point " + n + ", optional)", p.action, e("action" + n),
                                          "The action's number, for example 12", "off", "text", "govuk-input--width-5", false}));
    }
    show_form(ctx, version == 0 ? "Record an activity: " + std::string(w.title) : "Change " + in.title, action, version, fields, w.base, errors,
              status);
}

void add_pages(std::vector<Route>& routes, Services& s, const Words& w) {
    RegisterRoutes r;
    r.base = w.base;
    r.file_name = w.file_name;
    r.view = Permission::view_voice;
    r.list = [&s, &w](Ctx& ctx) { list_page(s, ctx, w); };
    r.table = [&s, &w](const Ctx& ctx) { return activity_table(s, ctx, w); };
    r.figures = [&s, &w](Ctx& ctx) { figures_page(s, ctx, w); };
    r.record = [&s, &w](Ctx& ctx) { record_page(s, ctx, w); };
    r.new_form = [&w](Ctx& ctx) { form_page(ctx, w, ActivityInput{}, w.base, 0, {}, 200); };
    r.create = [&s, &w](Ctx& ctx) {
        const ActivityInput in = input_from(ctx);
        save_or_show(ctx, w.base, [&] { return record_activity(s, ctx.who(), w.strand, in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(ctx, w, in, w.base, 0, errors, 422); });
    };
    r.edit_form = [&s, &w](Ctx& ctx) {
        const auto shown = read_activity(s, ctx.who(), w.strand, ActivityId{ctx.path_id()});
        form_page(ctx, w, input_of(shown.activity), base(w) + "/" + shown.activity.id.str(), shown.activity.version, {}, 200);
    };
    r.change = [&s, &w](Ctx& ctx) {
        const ActivityId id{ctx.path_id()};
        const ActivityInput in = input_from(ctx);
        const int version = form_int(ctx, "version");
        save_or_show(ctx, w.base, [&] { return update_activity(s, ctx.who(), w.strand, id, version, in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(ctx, w, in, base(w) + "/" + id.str(), version, errors, 422); });
    };
    add_register_routes(routes, r);
}

}  // namespace

void add_voice_pages(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s, kVoice);
    add_pages(routes, s, kScrutiny);
}

}  // namespace assure::web::registers_web
