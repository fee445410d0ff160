// The escalations register's pages (professional disagreements): the list with its filters
// (stage, outcome, agency, overdue), CSV and XLSX, the year's figures by stage and by agency, an
// escalation's record with each stage's deadline, and the forms. Practitioners are named by
// agency and role only; the escalation by the partnership's reference.
#include "app/partnership.hpp"
#include "web/paging.hpp"
#include "web/registers_pages.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kBase = "/registers/escalations";

std::string agency_name(const std::map<AgencyId, std::string>& names, AgencyId id) {
    const auto it = names.find(id);
    return it == names.end() ? "Agency " + id.str() : it->second;
}

std::string agencies_words(const std::map<AgencyId, std::string>& names, const std::vector<AgencyId>& ids) {
    std::string out;
    for (const auto a : ids) out += (out.empty() ? "" : "; ") + agency_name(names, a);
    return out;
}

std::string where_it_stands(const Escalation& x, Date today) {
    const int stage = stage_of(x);
    switch (x.outcome) {
        case EscalationOutcome::resolved: return "Resolved at stage " + std::to_string(stage);
        case EscalationOutcome::withdrawn: return "Withdrawn at stage " + std::to_string(stage);
        case EscalationOutcome::open: break;
    }
    return "Open at stage " + std::to_string(stage) + (escalation_overdue(x, today) ? " (overdue)" : "");
}

std::vector<Option> agency_options(Services& s, const Ctx& ctx) {
    std::vector<Option> out;
    for (const auto& a : list_agencies(s, ctx.who(), false)) out.push_back({a.id.str(), a.name});
    return out;
}

const std::vector<Option>& stage_options() {
    static const std::vector<Option> options = [] {
        std::vector<Option> out;
        for (int k = 1; k <= kEscalationStages; ++k) out.push_back({std::to_string(k), std::string(stage_label(k))});
        return out;
    }();
    return options;
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    const auto shown = listed<EscalationsShown>(errors, [&] { return list_escalations(s, ctx.who(), filter_from(ctx), request); });
    const Date today = london_today(s);
    ListPage list;
    list.title = "Escalations and professional disagreements";
    list.intro = "Challenges between practitioners and agencies about a child's care, and how far each went: stage 1 between "
                 "practitioners, 2 their managers, 3 senior managers, 4 the partnership. Practitioners are named by agency and role only.";
    list.base = kBase;
    list.add_label = "Record an escalation";
    const auto e = [&](const char* name) { return error_for(errors, name); };
    list.filters = {
        select(Field{"year", "Raised in", ctx.query("year"), e("year")}, year_options(s), "Any year"),
        select(Field{"stage", "Stage reached", ctx.query("stage"), e("stage")}, stage_options(), "Any stage"),
        select(Field{"outcome", "Outcome", ctx.query("outcome"), e("outcome")},
               options_of(all_escalation_outcomes(), escalation_outcome_key, escalation_outcome_label), "Any"),
        select(Field{"agency", "Agency raising or involved", ctx.query("agency"), e("agency")}, agency_options(s, ctx), "Any agency"),
        select(Field{"overdue", "Timescales", ctx.query("overdue"), e("overdue")}, {{"yes", "Open past its stage's timescale"}}, "Any"),
        text_input(Field{"q", "Reference, role or concern contains", ctx.query("q"), ""}),
    };
    list.caption = "Escalations";
    list.headings = {"Reference", "Raised", "Raised by", "Agencies involved", "Where it stands"};
    for (const auto& x : shown.escalations.items) {
        list.rows.push_back(list_row(x.reference, std::string(kBase) + "/" + x.id.str(),
                                     {date_in_words(*x.stage_on[0]), agency_name(shown.agencies, x.raised_by) + ": " + x.raised_by_role,
                                      agencies_words(shown.agencies, x.agencies), where_it_stands(x, today)}));
    }
    list.next = shown.escalations.next;
    show_list(ctx, list, request, errors);
}

Table escalation_table(Services& s, const Ctx& ctx) {
    Table t{"Escalations",
            {"Id", "Reference", "Raised by agency", "Raised by role", "Agencies involved", "Concern", "Stage 1 on", "Stage 2 on", "Stage 3 on",
             "Stage 4 on", "Stage reached", "Outcome", "Closed on", "Stages past their timescale", "Learning"},
            {}};
    const RegisterFilter filter = filter_from(ctx);
    const auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    each_page([&](const PageRequest& page) {
        const auto shown = list_escalations(s, ctx.who(), filter, page);
        for (const auto& x : shown.escalations.items) {
            std::string late;
            for (std::size_t k = 0; k < kEscalationStages; ++k) {
                if (x.stage_late[k].value_or(false)) late += (late.empty() ? "" : "; ") + std::to_string(k + 1);
            }
            t.rows.push_back({x.id.str(), x.reference, agency_name(shown.agencies, x.raised_by), x.raised_by_role,
                              agencies_words(shown.agencies, x.agencies), x.concern, iso(x.stage_on[0]), iso(x.stage_on[1]), iso(x.stage_on[2]),
                              iso(x.stage_on[3]), std::to_string(stage_of(x)), std::string(escalation_outcome_label(x.outcome)), iso(x.closed_on),
                              late, x.learning});
        }
        return shown.escalations.next;
    });
    return t;
}

void figures_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = figures_year(s, ctx, errors);
    const EscalationFigures f = escalation_year_figures(s, ctx.who(), year);
    const auto n = [](int v) { return std::to_string(v); };
    FiguresPage page;
    page.title = "Escalations: yearly figures";
    page.intro = "Escalations raised in the year; each stage counted in the year it was reached, resolutions and withdrawals in the "
                 "year they happened. A stage is on time when it ended within the partnership's working days for it.";
    page.base = kBase;
    page.year_html = select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year");
    page.tables.push_back(table("Escalations in " + year.label(), {"Figure", "Escalations"},
                                {{"Raised", n(f.counts.raised)},
                                 {"Resolved", n(f.resolved)},
                                 {"Withdrawn", n(f.counts.withdrawn)},
                                 {"Open at 31 March", n(f.counts.open_at_year_end)}}));
    std::vector<std::vector<std::string>> stages;
    for (const auto& st : f.stages) {
        stages.push_back({std::string(stage_label(st.stage)), n(st.reached), n(st.resolved), n(st.ended),
                          st.on_time_percent ? std::to_string(*st.on_time_percent) + "%" : "None ended"});
    }
    page.tables.push_back(table("By stage", {"Stage", "Reached", "Resolved at it", "Ended", "On time"}, stages));
    std::vector<std::vector<std::string>> agencies;
    for (const auto& a : f.agencies) agencies.push_back({a.name, n(a.raised), n(a.involved)});
    if (!agencies.empty()) page.tables.push_back(table("By agency", {"Agency", "Raised by it", "Involving it"}, agencies));
    show_figures(ctx, page, errors);
}

void record_page(Services& s, Ctx& ctx) {
    const EscalationShown shown = read_escalation(s, ctx.who(), EscalationId{ctx.path_id()});
    const Escalation& x = shown.escalation;
    Data rows{Data::type::list};
    rows.push_back(summary_row("Reference", x.reference));
    rows.push_back(summary_row("Raised by", agency_name(shown.agencies, x.raised_by) + ": " + x.raised_by_role));
    rows.push_back(summary_row("Agencies involved", agencies_words(shown.agencies, x.agencies)));
    rows.push_back(summary_row("Concern", x.concern));
    for (std::size_t k = 0; k < kEscalationStages; ++k) {
        if (!x.stage_on[k]) continue;
        std::string words = "Reached " + date_in_words(*x.stage_on[k]) + "; timescale to " + date_in_words(*x.stage_due[k]);
        if (x.stage_late[k]) words += *x.stage_late[k] ? " (ran past it)" : " (ended on time)";
        rows.push_back(summary_row(std::string(stage_label(static_cast<int>(k) + 1)), words));
    }
    rows.push_back(summary_row("Where it stands", where_it_stands(x, london_today(s)) + (x.closed_on ? ", " + date_in_words(*x.closed_on) : "")));
    rows.push_back(summary_row("Learning", x.learning));
    show_record(ctx, "Escalation " + x.reference, rows, kBase, x.id.str());
}

EscalationInput input_from(const Ctx& ctx) {
    EscalationInput in;
    in.reference = ctx.form("reference");
    in.raised_by = ctx.form("raised_by");
    in.raised_by_role = ctx.form("raised_by_role");
    in.agencies = ctx.form_all("agencies");
    in.concern = ctx.form("concern");
    in.stage1_on = ctx.form("stage1_on");
    in.stage2_on = ctx.form("stage2_on");
    in.stage3_on = ctx.form("stage3_on");
    in.stage4_on = ctx.form("stage4_on");
    in.outcome = ctx.form("outcome");
    in.closed_on = ctx.form("closed_on");
    in.learning = ctx.form("learning");
    return in;
}

EscalationInput input_of(const Escalation& x) {
    const auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    EscalationInput in;
    in.reference = x.reference;
    in.raised_by = x.raised_by.str();
    in.raised_by_role = x.raised_by_role;
    for (const auto a : x.agencies) in.agencies.push_back(a.str());
    in.concern = x.concern;
    in.stage1_on = iso(x.stage_on[0]);
    in.stage2_on = iso(x.stage_on[1]);
    in.stage3_on = iso(x.stage_on[2]);
    in.stage4_on = iso(x.stage_on[3]);
    in.outcome = std::string(escalation_outcome_key(x.outcome));
    in.closed_on = iso(x.closed_on);
    in.learning = x.learning;
    return in;
}

void form_page(Services& s, Ctx& ctx, const EscalationInput& in, const std::string& action, int version, const FieldErrors& errors,
               int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    const auto agencies = agency_options(s, ctx);
    const std::vector<std::string> fields{
        text_input(Field{"reference", "Reference", in.reference, e("reference"), "The partnership's reference. Never a practitioner's or a child's name",
                         "off", "text", "govuk-input--width-20", false}),
        select(Field{"raised_by", "Agency of the practitioner who raised it", in.raised_by, e("raised_by")}, agencies, "Select the agency"),
        text_input(Field{"raised_by_role", "Role of the practitioner who raised it", in.raised_by_role, e("raised_by_role"),
                         "For example, social worker or health visitor"}),
        checkboxes(Field{"agencies", "Other agencies in the disagreement", "", e("agencies"), "Select all that apply"}, agencies, in.agencies),
        textarea(Field{"concern", "What the disagreement is about", in.concern, e("concern"), "No names of children or practitioners"}, 4),
        date_input(Field{"stage1_on", "Date raised (stage 1: practitioners)", in.stage1_on, e("stage1_on"), "For example, 3 10 2016"}),
        date_input(Field{"stage2_on", "Date it reached stage 2 (managers)", in.stage2_on, e("stage2_on"), "Leave empty if it did not"}),
        date_input(Field{"stage3_on", "Date it reached stage 3 (senior managers)", in.stage3_on, e("stage3_on")}),
        date_input(Field{"stage4_on", "Date it reached stage 4 (the partnership)", in.stage4_on, e("stage4_on")}),
        radios(Field{"outcome", "Outcome", in.outcome.empty() ? "open" : in.outcome, e("outcome"), "Resolved at the last stage it reached"},
               options_of(all_escalation_outcomes(), escalation_outcome_key, escalation_outcome_label), true),
        date_input(Field{"closed_on", "Date resolved or withdrawn", in.closed_on, e("closed_on")}),
        textarea(Field{"learning", "Learning (optional)", in.learning, e("learning"), "What the partnership learned from it"}, 4),
    };
    show_form(ctx, version == 0 ? "Record an escalation" : "Change escalation " + in.reference, action, version, fields, kBase, errors, status);
}

}  // namespace

void add_escalation_pages(std::vector<Route>& routes, Services& s) {
    RegisterRoutes r;
    r.base = kBase;
    r.file_name = "escalations";
    r.view = Permission::view_registers;
    r.list = [&s](Ctx& ctx) { list_page(s, ctx); };
    r.table = [&s](const Ctx& ctx) { return escalation_table(s, ctx); };
    r.figures = [&s](Ctx& ctx) { figures_page(s, ctx); };
    r.record = [&s](Ctx& ctx) { record_page(s, ctx); };
    r.new_form = [&s](Ctx& ctx) { form_page(s, ctx, EscalationInput{}, kBase, 0, {}, 200); };
    r.create = [&s](Ctx& ctx) {
        const EscalationInput in = input_from(ctx);
        save_or_show(ctx, kBase, [&] { return record_escalation(s, ctx.who(), in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(s, ctx, in, kBase, 0, errors, 422); });
    };
    r.edit_form = [&s](Ctx& ctx) {
        const auto shown = read_escalation(s, ctx.who(), EscalationId{ctx.path_id()});
        form_page(s, ctx, input_of(shown.escalation), std::string(kBase) + "/" + shown.escalation.id.str(), shown.escalation.version, {},
                  200);
    };
    r.change = [&s](Ctx& ctx) {
        const EscalationId id{ctx.path_id()};
        const EscalationInput in = input_from(ctx);
        const int version = form_int(ctx, "version");
        save_or_show(ctx, kBase, [&] { return update_escalation(s, ctx.who(), id, version, in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(s, ctx, in, std::string(kBase) + "/" + id.str(), version, errors, 422); });
    };
    add_register_routes(routes, r);
}

}  // namespace assure::web::registers_web
