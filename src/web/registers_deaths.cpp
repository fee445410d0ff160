// The child deaths register's pages (the panel's summary): list, CSV, the year's figures as
// seed 001 §8 reports them, a death's record, and the forms.
#include "web/paging.hpp"
#include "web/registers_pages.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kList = "/registers/child-deaths";

std::string review_words(const ChildDeath& d) {
    if (d.status == ReviewStatus::under_enquiry) return "Under enquiry";
    return std::string(death_category_label(*d.category));
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    const auto found = listed<Page<ChildDeath>>(errors, [&] { return list_child_deaths(s, ctx.who(), filter_from(ctx), request); });
    ListPage list;
    list.title = "Child deaths";
    list.intro = "Deaths of children normally resident in the area, as the child death overview panel reviews them. "
                 "Children are named by the panel's reference only.";
    list.base = kList;
    list.add_label = "Record a death";
    const auto e = [&](const char* name) { return error_for(errors, name); };
    list.filters = {
        select(Field{"year", "Died in", ctx.query("year"), e("year")}, year_options(s), "Any year"),
        select(Field{"status", "Review", ctx.query("status"), e("status")}, options_of(all_review_statuss(), review_status_key, review_status_label),
               "Any"),
        select(Field{"category", "Category", ctx.query("category"), e("category")},
               options_of(all_death_categorys(), death_category_key, death_category_label), "Any category"),
        select(Field{"sex", "Sex", ctx.query("sex"), e("sex")}, options_of(all_sexs(), sex_key, sex_label), "Any"),
        text_input(Field{"q", "Reference contains", ctx.query("q"), ""}),
    };
    list.caption = "Deaths";
    list.headings = {"Reference", "Died", "Sex and age", "Expected", "Review"};
    for (const auto& d : found.items) {
        list.rows.push_back(list_row(d.reference, std::string(kList) + "/" + d.id.str(),
                                     {date_in_words(d.died_on), std::string(sex_label(d.sex)) + ", " + std::string(age_band_label(d.age_band)),
                                      d.expected ? "Expected" : "Unexpected", review_words(d)}));
    }
    list.next = found.next;
    show_list(ctx, list, request, errors);
}

Table csv_table(Services& s, const Ctx& ctx) {
    Table t{"Child deaths", {"Id", "Reference", "Died on", "Sex", "Age band", "Expected", "Review", "Category", "Modifiable factors", "Reviewed on"}, {}};
    const RegisterFilter filter = filter_from(ctx);
    each_page([&](const PageRequest& page) {
        const auto found = list_child_deaths(s, ctx.who(), filter, page);
        for (const auto& d : found.items) {
            t.rows.push_back({d.id.str(), d.reference, d.died_on.iso(), std::string(sex_label(d.sex)), std::string(age_band_label(d.age_band)),
                              d.expected ? "Yes" : "No", std::string(review_status_label(d.status)),
                              d.category ? std::string(death_category_label(*d.category)) : "",
                              d.modifiable ? (*d.modifiable ? "Yes" : "No") : "", d.reviewed_on ? d.reviewed_on->iso() : ""});
        }
        return found.next;
    });
    return t;
}

// The figures' three tables as rows of label and count, for one partnership or a whole panel.
struct DeathTables {
    std::vector<std::vector<std::string>> summary, ages, categories;
};

DeathTables death_tables(const ChildDeathFigures& f) {
    const auto& c = f.counts;
    const auto n = [](int v) { return std::to_string(v); };
    DeathTables t;
    t.summary = {
        {"Deaths", n(c.deaths)},         {"Male", n(c.male)},
        {"Female", n(c.female)},         {"Sex not known", n(c.sex_not_known)},
        {"Expected", n(c.expected)},     {"Unexpected", n(c.unexpected)},
        {"Reviews complete", n(c.reviewed)}, {"Still under enquiry", n(c.under_enquiry)},
        {"Modifiable factors identified", n(c.modifiable) + (f.modifiable_percent ? " (" + std::to_string(*f.modifiable_percent) + "% of reviews complete)" : "")}};
    for (const auto& [a, k] : f.by_age) t.ages.push_back({std::string(age_band_label(a)), n(k)});
    for (const auto& [cat, k] : f.by_category) t.categories.push_back({std::string(death_category_label(cat)), n(k)});
    t.categories.push_back({"Not yet categorised: under enquiry", n(c.under_enquiry)});
    return t;
}

// The panel's column beside the partnership's own: the rows are the same, in the same order.
void beside(std::vector<std::vector<std::string>>& own, const std::vector<std::vector<std::string>>& panel) {
    for (std::size_t i = 0; i < own.size() && i < panel.size(); ++i) own[i].push_back(panel[i].back());
}

void figures_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = figures_year(s, ctx, errors);
    const auto f = child_death_year_figures(s, ctx.who(), year);
    const auto& c = f.counts;
    const auto n = [](int v) { return std::to_string(v); };
    DeathTables t = death_tables(f);
    // A partnership on a panel shared with its neighbours sees the panel's counts beside its own.
    const auto panel = panel_death_figures(s, ctx.who(), year);
    std::vector<std::string> columns{"Number"};
    if (panel) {
        const DeathTables all = death_tables(panel->figures);
        beside(t.summary, all.summary);
        beside(t.ages, all.ages);
        beside(t.categories, all.categories);
        columns = {"This partnership", panel->panel.panel.name};
    }
    const auto headings = [&](const std::string& first) {
        std::vector<std::string> h{first};
        h.insert(h.end(), columns.begin(), columns.end());
        return h;
    };
    Data tables{Data::type::list};
    tables.push_back(table("Deaths in " + year.label(), headings("Figure"), t.summary));
    tables.push_back(table("By age at death", headings("Age"), t.ages));
    tables.push_back(table("By category of death (reviews complete)", headings("Category"), t.categories));
    FiguresPage page;
    page.title = "Child deaths: yearly figures";
    page.intro = "Deaths are counted in the financial year the child died. A death's category is the panel's finding, so "
                 "deaths still under enquiry have none yet.";
    page.base = kList;
    page.year_html = select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year");
    page.tables = std::move(tables);
    if (f.commonest_age) {
        page.notes.push_back("The most deaths (" + n(c.by_age.at(*f.commonest_age)) + ") were of children aged " +
                             std::string(age_band_label(*f.commonest_age)) + ".");
    }
    if (panel) {
        std::string members;
        for (std::size_t i = 0; i < panel->panel.members.size(); ++i) {
            members += (i == 0 ? "" : i + 1 == panel->panel.members.size() ? " and " : ", ") + panel->panel.members[i].second;
        }
        page.notes.push_back(panel->panel.panel.name + " reviews the deaths of children of " + members +
                             ". Its column counts the deaths each of them has recorded; no other partnership's record is shown.");
    }
    show_figures(ctx, page, errors);
}

void record_page(Services& s, Ctx& ctx) {
    const ChildDeath d = read_child_death(s, ctx.who(), ChildDeathId{ctx.path_id()});
    Data rows{Data::type::list};
    rows.push_back(summary_row("Reference", d.reference));
    rows.push_back(summary_row("Died", date_in_words(d.died_on)));
    rows.push_back(summary_row("Sex", std::string(sex_label(d.sex))));
    rows.push_back(summary_row("Age at death", std::string(age_band_label(d.age_band))));
    rows.push_back(summary_row("Expected", d.expected ? "Expected" : "Unexpected"));
    rows.push_back(summary_row("Review", std::string(review_status_label(d.status))));
    rows.push_back(summary_row("Category", d.category ? std::string(death_category_label(*d.category)) : ""));
    rows.push_back(summary_row("Modifiable factors", d.modifiable ? (*d.modifiable ? "Yes" : "No") : ""));
    rows.push_back(summary_row("Review completed", d.reviewed_on ? date_in_words(*d.reviewed_on) : ""));
    show_record(ctx, "Death " + d.reference, rows, kList, d.id.str());
}

ChildDeathInput input_from(const Ctx& ctx) {
    return ChildDeathInput{ctx.form("reference"), ctx.form("died_on"), ctx.form("sex"),    ctx.form("age_band"),   ctx.form("expected"),
                           ctx.form("status"),    ctx.form("category"), ctx.form("modifiable"), ctx.form("reviewed_on")};
}

ChildDeathInput input_of(const ChildDeath& d) {
    if (!d.id.valid()) return {};
    return ChildDeathInput{d.reference,
                           d.died_on.iso(),
                           std::string(sex_key(d.sex)),
                           std::string(age_band_key(d.age_band)),
                           d.expected ? "yes" : "no",
                           std::string(review_status_key(d.status)),
                           d.category ? std::string(death_category_key(*d.category)) : "",
                           d.modifiable ? (*d.modifiable ? "yes" : "no") : "",
                           d.reviewed_on ? d.reviewed_on->iso() : ""};
}

void form_page(Ctx& ctx, const ChildDeathInput& in, const std::string& action, int version, const FieldErrors& errors, int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    std::vector<std::string> fields;
    const auto add = [&](std::string html) { fields.push_back(std::move(html)); };
    add(text_input(Field{"reference", "Panel's reference", in.reference, e("reference"), "Never the child's name", "off", "text",
                         "govuk-input--width-20", false}));
    add(date_input(Field{"died_on", "Date of death", in.died_on, e("died_on"), "For example, 14 11 2016"}));
    add(radios(Field{"sex", "Sex", in.sex, e("sex")}, options_of(all_sexs(), sex_key, sex_label), true));
    add(select(Field{"age_band", "Age at death", in.age_band, e("age_band")}, options_of(all_age_bands(), age_band_key, age_band_label),
               "Select the age"));
    add(radios(Field{"expected", "Was the death expected?", in.expected, e("expected")}, {{"yes", "Expected"}, {"no", "Unexpected"}}, true));
    add(radios(Field{"status", "Review", in.status, e("status")}, options_of(all_review_statuss(), review_status_key, review_status_label)));
    add(select(Field{"category", "Category of death", in.category, e("category"), "The panel's finding, once the review is complete"},
               options_of(all_death_categorys(), death_category_key, death_category_label), "Not yet decided"));
    add(radios(Field{"modifiable", "Did the panel find modifiable factors?", in.modifiable, e("modifiable"), "Once the review is complete"},
               {{"yes", "Yes"}, {"no", "No"}}, true));
    add(date_input(Field{"reviewed_on", "Date the review was completed", in.reviewed_on, e("reviewed_on")}));
    show_form(ctx, version == 0 ? "Record a death" : "Change death " + in.reference, action, version, fields, kList, errors, status);
}

}  // namespace

void add_death_pages(std::vector<Route>& routes, Services& s) {
    RegisterRoutes r;
    r.base = kList;
    r.file_name = "child-deaths";
    r.view = Permission::view_registers;
    r.list = [&s](Ctx& ctx) { list_page(s, ctx); };
    r.table = [&s](const Ctx& ctx) { return csv_table(s, ctx); };
    r.figures = [&s](Ctx& ctx) { figures_page(s, ctx); };
    r.record = [&s](Ctx& ctx) { record_page(s, ctx); };
    r.new_form = [](Ctx& ctx) { form_page(ctx, ChildDeathInput{}, kList, 0, {}, 200); };
    r.create = [&s](Ctx& ctx) {
        const ChildDeathInput in = input_from(ctx);
        save_or_show(ctx, kList, [&] { return record_child_death(s, ctx.who(), in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(ctx, in, kList, 0, errors, 422); });
    };
    r.edit_form = [&s](Ctx& ctx) {
        const auto d = read_child_death(s, ctx.who(), ChildDeathId{ctx.path_id()});
        form_page(ctx, input_of(d), std::string(kList) + "/" + d.id.str(), d.version, {}, 200);
    };
    r.change = [&s](Ctx& ctx) {
        const ChildDeathId id{ctx.path_id()};
        const ChildDeathInput in = input_from(ctx);
        const int version = form_int(ctx, "version");
        save_or_show(ctx, kList, [&] { return update_child_death(s, ctx.who(), id, version, in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(ctx, in, std::string(kList) + "/" + id.str(), version, errors, 422); });
    };
    add_register_routes(routes, r);
}

}  // namespace assure::web::registers_web
