// The risk register's pages: the list with its filters (band with controls, owner, review
// overdue, escalated), CSV and XLSX, the heat map of open risks (a 5×5 table counted in SQL, no
// script), the year's figures, a risk's record and the forms that record and change one.
#include "app/partnership.hpp"
#include "app/risk_indicators.hpp"
#include "web/paging.hpp"
#include "web/registers_pages.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kBase = "/registers/risks";

const std::vector<Option> kLikelihoods{{"1", "1: rare"}, {"2", "2: unlikely"}, {"3", "3: possible"}, {"4", "4: likely"}, {"5", "5: almost certain"}};
const std::vector<Option> kImpacts{{"1", "1: negligible"}, {"2", "2: minor"}, {"3", "3: moderate"}, {"4", "4: major"}, {"5", "5: severe"}};

std::string score_words(int likelihood, int impact, const RegisterRules& rules) {
    const int score = likelihood * impact;
    return std::to_string(score) + " (" + std::string(risk_band_label(band_of(score, rules))) + ")";
}

std::string review_words(const Risk& r, Date today) {
    return date_in_words(r.review_on) + (review_overdue(r, today) ? " (overdue)" : "");
}

std::string owner_of(const RisksShown& shown, PersonId id) {
    const auto it = shown.owners.find(id);
    return it == shown.owners.end() ? std::string() : it->second;
}

std::vector<Option> people_options(Services& s, const Ctx& ctx) {
    std::vector<Option> out;
    for (const auto& p : list_people(s, ctx.who(), PersonFilter{})) out.push_back({p.id.str(), p.name + (p.job_title.empty() ? "" : ", " + p.job_title)});
    return out;
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    const auto shown = listed<RisksShown>(errors, [&] { return list_risks(s, ctx.who(), filter_from(ctx), request); });
    const Date today = london_today(s);
    ListPage list;
    list.title = "Risk register";
    list.intro = "What could stop the partnership keeping children safe: each risk scored for likelihood and impact from 1 to 5, "
                 "before and with its controls, with an owner and a date for its next review.";
    list.base = kBase;
    list.add_label = "Record a risk";
    list.links = {{std::string(kBase) + "/heat-map", "Heat map of open risks"}};
    const auto e = [&](const char* name) { return error_for(errors, name); };
    list.filters = {
        select(Field{"year", "Raised in", ctx.query("year"), e("year")}, year_options(s), "Any year"),
        select(Field{"status", "Status", ctx.query("status"), e("status")}, options_of(all_risk_statuss(), risk_status_key, risk_status_label), "Open or closed"),
        select(Field{"band", "Band with controls", ctx.query("band"), e("band")}, options_of(all_risk_bands(), risk_band_key, risk_band_label), "Any band"),
        select(Field{"owner", "Owner", ctx.query("owner"), e("owner")}, people_options(s, ctx), "Anyone"),
        select(Field{"review_overdue", "Review", ctx.query("review_overdue"), e("review_overdue")}, {{"yes", "Review overdue"}}, "Any"),
        select(Field{"escalated", "Escalated to the partners", ctx.query("escalated"), e("escalated")}, {{"yes", "Escalated"}}, "Any"),
        text_input(Field{"q", "Title, cause or effect contains", ctx.query("q"), ""}),
    };
    list.caption = "Risks";
    list.headings = {"Risk", "Owner", "Score with controls", "Score before controls", "Next review", "Status"};
    for (const auto& r : shown.risks.items) {
        list.rows.push_back(list_row(r.title, std::string(kBase) + "/" + r.id.str(),
                                     {owner_of(shown, r.owner), score_words(r.likelihood_after, r.impact_after, shown.rules),
                                      score_words(r.likelihood_before, r.impact_before, shown.rules), review_words(r, today),
                                      std::string(risk_status_label(r.status)) + (r.escalated_on ? ", escalated to the partners" : "")}));
    }
    list.next = shown.risks.next;
    show_list(ctx, list, request, errors);
}

Table risk_table(Services& s, const Ctx& ctx) {
    Table t{"Risks",
            {"Id", "Title", "Description", "Cause", "Effect", "Owner", "Likelihood before controls", "Impact before controls",
             "Score before controls", "Band before controls", "Controls", "Likelihood with controls", "Impact with controls",
             "Score with controls", "Band with controls", "Linked actions", "Raised on", "Review on", "Review overdue", "Status",
             "Closed on", "Escalated to the partners on"},
            {}};
    const RegisterFilter filter = filter_from(ctx);
    const Date today = london_today(s);
    const auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    each_page([&](const PageRequest& page) {
        const auto shown = list_risks(s, ctx.who(), filter, page);
        for (const auto& r : shown.risks.items) {
            std::string actions;
            for (const auto a : r.actions) actions += (actions.empty() ? "" : "; ") + a.str();
            t.rows.push_back({r.id.str(), r.title, r.description, r.cause, r.effect, owner_of(shown, r.owner), std::to_string(r.likelihood_before),
                              std::to_string(r.impact_before), std::to_string(score_before(r)),
                              std::string(risk_band_label(band_of(score_before(r), shown.rules))), r.controls,
                              std::to_string(r.likelihood_after), std::to_string(r.impact_after), std::to_string(score_after(r)),
                              std::string(risk_band_label(band_of(score_after(r), shown.rules))), actions, r.raised_on.iso(), r.review_on.iso(),
                              review_overdue(r, today) ? "Yes" : "No", std::string(risk_status_label(r.status)), iso(r.closed_on), iso(r.escalated_on)});
        }
        return shown.risks.next;
    });
    return t;
}

std::string band_tag(RiskBand band) {
    static const char* const colours[] = {"govuk-tag--green", "govuk-tag--yellow", "govuk-tag--orange", "govuk-tag--red"};
    return "<strong class=\"govuk-tag " + std::string(colours[static_cast<int>(band)]) + "\">" + escape(std::string(risk_band_label(band))) +
           "</strong>";
}

void heat_map_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    RiskHeatMap map;
    try {
        map = risk_heat_map(s, ctx.who(), ctx.query("basis"));
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
        map = risk_heat_map(s, ctx.who(), "");
    }
    Data headings{Data::type::list};
    for (const auto& l : kLikelihoods) headings.push_back(Data(l.label));
    Data rows{Data::type::list};
    for (const auto& cells : map.rows) {
        Data row;
        row.set("impact", kImpacts[static_cast<std::size_t>(cells.front().impact - 1)].label);
        Data cs{Data::type::list};
        for (const auto& c : cells) {
            Data cell;
            cell.set("count", std::to_string(c.risks));
            cell.set("tag_html", band_tag(c.band));
            cell.set("score", std::to_string(c.score));
            cs.push_back(cell);
        }
        row.set("cells", cs);
        rows.push_back(row);
    }
    Data bands{Data::type::list};
    for (const RiskBand b : all_risk_bands()) {
        const auto [from, to] = band_scores(b, map.rules);
        Data d;
        d.set("tag_html", band_tag(b));
        d.set("scores", std::to_string(from) + " to " + std::to_string(to));
        bands.push_back(d);
    }
    const bool before = map.basis == RiskBasis::before;
    Data data;
    data.set("title", "Risk heat map");
    data.set("caption", std::to_string(map.open) + (map.open == 1 ? " open risk" : " open risks") + " by likelihood and impact, " +
                            (before ? "before controls" : "with controls"));
    data.set("headings", headings);
    data.set("rows", rows);
    data.set("bands", bands);
    data.set("other_href", std::string(kBase) + "/heat-map?basis=" + (before ? "after" : "before"));
    data.set("other_label", before ? "Show the scores with controls" : "Show the scores before controls");
    data.set("list_href", kBase);
    page(ctx, "registers/heat_map", data, PageOptions{"Risk heat map", "registers", errors, errors.empty() ? 200 : 422});
}

void figures_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = figures_year(s, ctx, errors);
    const RiskFigures f = risk_year_figures(s, ctx.who(), year);
    const auto n = [](int v) { return std::to_string(v); };
    FiguresPage page;
    page.title = "Risk register: yearly figures";
    page.intro = "Risks raised, closed and escalated to the partners in the year, and the bands of those still open at 31 March, "
                 "by their scores as last recorded.";
    page.base = kBase;
    page.year_html = select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year");
    page.tables.push_back(table("Risks in " + year.label(), {"Figure", "Risks"},
                                {{"Raised", n(f.counts.raised)},
                                 {"Closed", n(f.counts.closed)},
                                 {"Escalated to the partners", n(f.counts.escalated)},
                                 {"Open at 31 March", n(f.counts.open_at_year_end)}}));
    std::vector<std::vector<std::string>> bands;
    for (std::size_t i = 0; i < f.by_band_after.size(); ++i) {
        bands.push_back({std::string(risk_band_label(f.by_band_after[i].first)), n(f.by_band_before[i].second), n(f.by_band_after[i].second)});
    }
    page.tables.push_back(table("Open at 31 March by band", {"Band", "Before controls", "With controls"}, bands));
    show_figures(ctx, page, errors);
}

// Where a risk raised from the dataset came from, and how that indicator stands now (its rating
// computed from the latest figures, as the scorecard shows it).
void add_indicator_rows(Services& s, const Ctx& ctx, const std::string& code, Data& rows) {
    try {
        const IndicatorStanding standing = indicator_standing(s, ctx.who(), code);
        Data from = summary_row("Raised from", standing.definition.name);
        from.set("href", "/dataset/indicators/" + code);
        rows.push_back(from);
        const auto& latest = standing.latest;
        rows.push_back(summary_row("Indicator's rating now",
                                   latest ? std::string(rag_label(latest->rag)) + ": " + figure_in_words(latest->value, standing.definition.unit) +
                                                " for " + latest->period.label()
                                          : std::string("No figure yet")));
    } catch (const Failure& f) {
        if (f.code() != FailureCode::not_found) throw;
        // The indicator has left the partnership's catalogue since: the risk keeps its code.
        rows.push_back(summary_row("Raised from", "Indicator " + code + " (no longer in the dataset)"));
    }
}

void record_page(Services& s, Ctx& ctx) {
    const RiskShown shown = read_risk(s, ctx.who(), RiskId{ctx.path_id()});
    const Risk& r = shown.risk;
    const Date today = london_today(s);
    Data rows{Data::type::list};
    rows.push_back(summary_row("Risk", r.title));
    rows.push_back(summary_row("Description", r.description));
    rows.push_back(summary_row("Cause", r.cause));
    rows.push_back(summary_row("Effect", r.effect));
    rows.push_back(summary_row("Owner", shown.owner));
    rows.push_back(summary_row("Before controls", "Likelihood " + std::to_string(r.likelihood_before) + " × impact " +
                                                      std::to_string(r.impact_before) + " = " +
                                                      score_words(r.likelihood_before, r.impact_before, shown.rules)));
    rows.push_back(summary_row("Controls", r.controls));
    rows.push_back(summary_row("With controls", "Likelihood " + std::to_string(r.likelihood_after) + " × impact " +
                                                    std::to_string(r.impact_after) + " = " +
                                                    score_words(r.likelihood_after, r.impact_after, shown.rules)));
    if (shown.actions.empty()) rows.push_back(summary_row("Actions", "None linked"));
    for (const auto& a : shown.actions) {
        Data row = summary_row("Action " + a.id.str(), a.text + " (due " + date_in_words(a.due) + ")");
        row.set("href", "/improvement/" + a.id.str());
        rows.push_back(row);
    }
    rows.push_back(summary_row("Raised", date_in_words(r.raised_on)));
    rows.push_back(summary_row("Next review", review_words(r, today)));
    rows.push_back(summary_row("Status", std::string(risk_status_label(r.status)) + (r.closed_on ? ", " + date_in_words(*r.closed_on) : "")));
    rows.push_back(summary_row("Escalated to the partners", r.escalated_on ? date_in_words(*r.escalated_on) : "No"));
    if (r.indicator) add_indicator_rows(s, ctx, *r.indicator, rows);
    show_record(ctx, "Risk: " + r.title, rows, kBase, r.id.str());
}

RiskInput input_from(const Ctx& ctx) {
    RiskInput in;
    in.title = ctx.form("title");
    in.description = ctx.form("description");
    in.cause = ctx.form("cause");
    in.effect = ctx.form("effect");
    in.owner = ctx.form("owner");
    in.likelihood_before = ctx.form("likelihood_before");
    in.impact_before = ctx.form("impact_before");
    in.likelihood_after = ctx.form("likelihood_after");
    in.impact_after = ctx.form("impact_after");
    in.controls = ctx.form("controls");
    // "12, 15" or "12 15": the action plan's numbers.
    std::string number;
    for (const char c : ctx.form("actions") + " ") {
        if (c == ',' || c == ' ' || c == ';') {
            if (!number.empty()) in.actions.push_back(number);
            number.clear();
        } else {
            number += c;
        }
    }
    in.raised_on = ctx.form("raised_on");
    in.review_on = ctx.form("review_on");
    in.status = ctx.form("status");
    in.closed_on = ctx.form("closed_on");
    in.escalated_on = ctx.form("escalated_on");
    in.indicator = ctx.form("indicator");
    return in;
}

RiskInput input_of(const Risk& r) {
    const auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    RiskInput in;
    in.title = r.title;
    in.description = r.description;
    in.cause = r.cause;
    in.effect = r.effect;
    in.owner = r.owner.str();
    in.likelihood_before = std::to_string(r.likelihood_before);
    in.impact_before = std::to_string(r.impact_before);
    in.likelihood_after = std::to_string(r.likelihood_after);
    in.impact_after = std::to_string(r.impact_after);
    in.controls = r.controls;
    for (const auto a : r.actions) in.actions.push_back(a.str());
    in.raised_on = r.raised_on.iso();
    in.review_on = r.review_on.iso();
    in.status = std::string(risk_status_key(r.status));
    in.closed_on = iso(r.closed_on);
    in.escalated_on = iso(r.escalated_on);
    in.indicator = r.indicator.value_or("");
    return in;
}

std::vector<Option> indicator_options(Services& s, const Ctx& ctx) {
    std::vector<Option> out;
    for (const auto& d : risk_indicator_choices(s, ctx.who())) out.push_back({d.code, d.name});
    return out;
}

void form_page(Services& s, Ctx& ctx, const RiskInput& in, const std::string& action, int version, const FieldErrors& errors, int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    std::string actions;
    for (const auto& a : in.actions) actions += (actions.empty() ? "" : ", ") + a;
    const std::vector<std::string> fields{
        text_input(Field{"title", "Risk", in.title, e("title"), "A short name for the risk"}),
        textarea(Field{"description", "Description (optional)", in.description, e("description")}, 3),
        select(Field{"indicator", "Raised from a dataset indicator (optional)", in.indicator, e("indicator"),
                     "The indicator of the multi-agency dataset whose figures raised the risk"},
               indicator_options(s, ctx), "Not raised from the dataset"),
        textarea(Field{"cause", "Cause", in.cause, e("cause"), "What could make it happen"}, 3),
        textarea(Field{"effect", "Effect", in.effect, e("effect"), "What would happen to children and the partnership if it did"}, 3),
        select(Field{"owner", "Owner", in.owner, e("owner"), "A person of the partnership, who answers for the risk"}, people_options(s, ctx),
               "Select the owner"),
        radios(Field{"likelihood_before", "Likelihood before controls", in.likelihood_before, e("likelihood_before")}, kLikelihoods, true),
        radios(Field{"impact_before", "Impact before controls", in.impact_before, e("impact_before")}, kImpacts, true),
        textarea(Field{"controls", "Controls", in.controls, e("controls"), "What is in place to reduce the risk"}, 3),
        radios(Field{"likelihood_after", "Likelihood with controls", in.likelihood_after, e("likelihood_after")}, kLikelihoods, true),
        radios(Field{"impact_after", "Impact with controls", in.impact_after, e("impact_after")}, kImpacts, true),
        text_input(Field{"actions", "Actions in the action plan (optional)", actions, e("actions"),
                         "The numbers of the improvement actions that reduce it, for example 12, 15", "off", "text", "govuk-input--width-20", false}),
        date_input(Field{"raised_on", "Date raised", in.raised_on, e("raised_on"), "For example, 1 4 2017"}),
        date_input(Field{"review_on", "Date of the next review", in.review_on, e("review_on")}),
        radios(Field{"status", "Status", in.status.empty() ? "open" : in.status, e("status")},
               options_of(all_risk_statuss(), risk_status_key, risk_status_label), true),
        date_input(Field{"closed_on", "Date closed", in.closed_on, e("closed_on"), "Only when the risk is closed"}),
        date_input(Field{"escalated_on", "Date escalated to the safeguarding partners", in.escalated_on, e("escalated_on"),
                         "Leave empty if it has not been escalated"}),
    };
    show_form(ctx, version == 0 ? "Record a risk" : "Change risk " + in.title, action, version, fields, kBase, errors, status);
}

}  // namespace

void add_risk_pages(std::vector<Route>& routes, Services& s) {
    RegisterRoutes r;
    r.base = kBase;
    r.file_name = "risks";
    r.view = Permission::view_risks;
    r.list = [&s](Ctx& ctx) { list_page(s, ctx); };
    r.table = [&s](const Ctx& ctx) { return risk_table(s, ctx); };
    r.figures = [&s](Ctx& ctx) { figures_page(s, ctx); };
    r.record = [&s](Ctx& ctx) { record_page(s, ctx); };
    // From a red indicator's page (?indicator=CODE) the form starts from the indicator's figures.
    r.new_form = [&s](Ctx& ctx) {
        const std::string indicator = ctx.query("indicator");
        form_page(s, ctx, indicator.empty() ? RiskInput{} : risk_input_from_indicator(s, ctx.who(), indicator), kBase, 0, {}, 200);
    };
    r.create = [&s](Ctx& ctx) {
        const RiskInput in = input_from(ctx);
        save_or_show(ctx, kBase, [&] { return record_risk(s, ctx.who(), in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(s, ctx, in, kBase, 0, errors, 422); });
    };
    r.edit_form = [&s](Ctx& ctx) {
        const auto shown = read_risk(s, ctx.who(), RiskId{ctx.path_id()});
        form_page(s, ctx, input_of(shown.risk), std::string(kBase) + "/" + shown.risk.id.str(), shown.risk.version, {}, 200);
    };
    r.change = [&s](Ctx& ctx) {
        const RiskId id{ctx.path_id()};
        const RiskInput in = input_from(ctx);
        const int version = form_int(ctx, "version");
        save_or_show(ctx, kBase, [&] { return update_risk(s, ctx.who(), id, version, in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(s, ctx, in, std::string(kBase) + "/" + id.str(), version, errors, 422); });
    };
    add_register_routes(routes, r);
    routes.push_back({"GET", std::string(kBase) + "/heat-map", Permission::view_risks, Surface::page, [&s](Ctx& ctx) { heat_map_page(s, ctx); },
                      std::string(kBase) + "/heat-map"});
}

}  // namespace assure::web::registers_web
