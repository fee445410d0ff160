// The child deaths register's pages (the panel's summary): list, CSV, the year's figures as
// seed 001 §8 reports them, a death's record, and the forms.
#include "web/documents.hpp"
#include "web/paging.hpp"
#include "web/registers_views.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kList = "/registers/child-deaths";

std::string review_words(const ChildDeath& d) {
    if (d.status == ReviewStatus::under_enquiry) return "Under enquiry";
    return std::string(death_category_label(*d.category));
}

void list_page(Services& s, Ctx& ctx) {
    const RegisterFilter filter = filter_from(ctx);
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    Page<ChildDeath> found;
    try {
        found = list_child_deaths(s, ctx.who(), filter, request);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
    }
    Data rows{Data::type::list};
    for (const auto& d : found.items) {
        Data row;
        row.set("first", d.reference);
        row.set("href", std::string(kList) + "/" + d.id.str());
        row.set("cells", list_of({Data(date_in_words(d.died_on)), Data(std::string(sex_label(d.sex)) + ", " + std::string(age_band_label(d.age_band))),
                                  Data(d.expected ? std::string("Expected") : std::string("Unexpected")), Data(review_words(d))}));
        rows.push_back(row);
    }
    Data filters{Data::type::list};
    const auto add = [&](std::string html) {
        Data d;
        d.set("html", std::move(html));
        filters.push_back(d);
    };
    add(select(Field{"year", "Died in", ctx.query("year"), error_for(errors, "year")}, year_options(s), "Any year"));
    add(select(Field{"status", "Review", ctx.query("status"), error_for(errors, "status")},
               options_of(all_review_statuss(), review_status_key, review_status_label), "Any"));
    add(select(Field{"category", "Category", ctx.query("category"), error_for(errors, "category")},
               options_of(all_death_categorys(), death_category_key, death_category_label), "Any category"));
    add(select(Field{"sex", "Sex", ctx.query("sex"), error_for(errors, "sex")}, options_of(all_sexs(), sex_key, sex_label), "Any"));
    add(text_input(Field{"q", "Reference contains", ctx.query("q"), ""}));
    const std::string query = filter_query(ctx);
    Data data;
    data.set("title", "Child deaths");
    data.set("intro", "Deaths of children normally resident in the area, as the child death overview panel reviews them. "
                      "Children are named by the panel's reference only.");
    data.set("may_add", flag(ctx.who().can(Permission::manage_registers)));
    data.set("add_href", std::string(kList) + "/new");
    data.set("add_label", "Record a death");
    data.set("figures_href", std::string(kList) + "/figures");
    data.set("list_href", kList);
    data.set("filters", filters);
    data.set("csv_href", std::string(kList) + ".csv" + (query.empty() ? "" : "?" + query));
    data.set("caption", "Deaths");
    data.set("headings", list_of({Data("Reference"), Data("Died"), Data("Sex and age"), Data("Expected"), Data("Review")}));
    data.set("rows", rows);
    data.set("has_rows", flag(!found.items.empty()));
    data.set("pagination_html", pagination(std::string(kList) + (query.empty() ? "" : "?" + query), request, found.next));
    page(ctx, "registers/list", data, PageOptions{"Child deaths", "registers", errors, errors.empty() ? 200 : 422});
}

Table csv_table(Services& s, const Ctx& ctx) {
    Table t{"Child deaths", {"Id", "Reference", "Died on", "Sex", "Age band", "Expected", "Review", "Category", "Modifiable factors", "Reviewed on"}, {}};
    PageRequest page{PageRequest::max_limit, ""};
    const RegisterFilter filter = filter_from(ctx);
    for (;;) {
        const auto found = list_child_deaths(s, ctx.who(), filter, page);
        for (const auto& d : found.items) {
            t.rows.push_back({d.id.str(), d.reference, d.died_on.iso(), std::string(sex_label(d.sex)), std::string(age_band_label(d.age_band)),
                              d.expected ? "Yes" : "No", std::string(review_status_label(d.status)),
                              d.category ? std::string(death_category_label(*d.category)) : "",
                              d.modifiable ? (*d.modifiable ? "Yes" : "No") : "", d.reviewed_on ? d.reviewed_on->iso() : ""});
        }
        if (!found.next) return t;
        page.after = *found.next;
    }
}

void figures_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    FinancialYear year = FinancialYear::of(london_today(s));
    try {
        year = asked_year(s, ctx);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
    }
    const auto f = child_death_year_figures(s, ctx.who(), year);
    const auto& c = f.counts;
    const auto n = [](int v) { return std::to_string(v); };
    std::vector<std::vector<std::string>> summary{
        {"Deaths", n(c.deaths)},         {"Male", n(c.male)},
        {"Female", n(c.female)},         {"Sex not known", n(c.sex_not_known)},
        {"Expected", n(c.expected)},     {"Unexpected", n(c.unexpected)},
        {"Reviews complete", n(c.reviewed)}, {"Still under enquiry", n(c.under_enquiry)},
        {"Modifiable factors identified", n(c.modifiable) + (f.modifiable_percent ? " (" + std::to_string(*f.modifiable_percent) + "% of reviews complete)" : "")}};
    std::vector<std::vector<std::string>> ages, categories;
    for (const auto& [a, k] : f.by_age) ages.push_back({std::string(age_band_label(a)), n(k)});
    for (const auto& [cat, k] : f.by_category) categories.push_back({std::string(death_category_label(cat)), n(k)});
    categories.push_back({"Not yet categorised: under enquiry", n(c.under_enquiry)});
    Data tables{Data::type::list};
    tables.push_back(table("Deaths in " + year.label(), {"Figure", "Number"}, summary));
    tables.push_back(table("By age at death", {"Age", "Deaths"}, ages));
    tables.push_back(table("By category of death (reviews complete)", {"Category", "Deaths"}, categories));
    Data data;
    data.set("title", "Child deaths: yearly figures");
    data.set("intro", "Deaths are counted in the financial year the child died. A death's category is the panel's finding, so "
                      "deaths still under enquiry have none yet.");
    data.set("figures_href", std::string(kList) + "/figures");
    data.set("list_href", kList);
    data.set("year_html", select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year"));
    data.set("tables", tables);
    if (f.commonest_age) data.set("notes", list_of({Data("The most deaths (" + n(c.by_age.at(*f.commonest_age)) + ") were of children aged " +
                                                         std::string(age_band_label(*f.commonest_age)) + ".")}));
    page(ctx, "registers/figures", data, PageOptions{"Child deaths: yearly figures", "registers", errors, errors.empty() ? 200 : 422});
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
    Data data;
    data.set("title", "Death " + d.reference);
    data.set("rows", rows);
    data.set("saved", flag(ctx.has_query("saved")));
    data.set("may_edit", flag(ctx.who().can(Permission::manage_registers)));
    data.set("edit_href", std::string(kList) + "/" + d.id.str() + "/edit");
    data.set("back_href", kList);
    page(ctx, "registers/record", data, PageOptions{"Death " + d.reference, "registers"});
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
    Data fields{Data::type::list};
    const auto add = [&](std::string html) { fields.push_back(Data(std::move(html))); };
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
    const std::string title = version == 0 ? "Record a death" : "Change death " + in.reference;
    Data data;
    data.set("title", title);
    data.set("action_url", action);
    data.set("version", std::to_string(version));
    data.set("fields", fields);
    data.set("back_href", kList);
    page(ctx, "registers/form", data, PageOptions{title, "registers", errors, status});
}

void create(Services& s, Ctx& ctx) {
    const ChildDeathInput in = input_from(ctx);
    try {
        const auto d = record_child_death(s, ctx.who(), in);
        redirect(ctx, std::string(kList) + "/" + d.id.str() + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        form_page(ctx, in, kList, 0, f.fields(), 422);
    }
}

void change(Services& s, Ctx& ctx) {
    const ChildDeathId id{ctx.path_id()};
    const ChildDeathInput in = input_from(ctx);
    try {
        update_child_death(s, ctx.who(), id, form_int(ctx, "version"), in);
        redirect(ctx, std::string(kList) + "/" + id.str() + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        form_page(ctx, in, std::string(kList) + "/" + id.str(), form_int(ctx, "version"), f.fields(), 422);
    }
}

}  // namespace

void add_death_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kList, Permission::view_registers, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, kList});
    routes.push_back({"GET", "/registers/child-deaths.csv", Permission::view_registers, Surface::page,
                      [&s](Ctx& ctx) { send_table(ctx, csv_table(s, ctx), "child-deaths", false); }, "/registers/child-deaths.csv"});
    routes.push_back({"GET", "/registers/child-deaths/figures", Permission::view_registers, Surface::page,
                      [&s](Ctx& ctx) { figures_page(s, ctx); }, "/registers/child-deaths/figures"});
    routes.push_back({"GET", "/registers/child-deaths/new", Permission::manage_registers, Surface::page,
                      [](Ctx& ctx) { form_page(ctx, ChildDeathInput{}, kList, 0, {}, 200); }, "/registers/child-deaths/new"});
    routes.push_back({"POST", kList, Permission::manage_registers, Surface::page, [&s](Ctx& ctx) { create(s, ctx); }, kList});
    routes.push_back({"GET", R"(/registers/child-deaths/(\d+))", Permission::view_registers, Surface::page,
                      [&s](Ctx& ctx) { record_page(s, ctx); }, "/registers/child-deaths/1"});
    routes.push_back({"GET", R"(/registers/child-deaths/(\d+)/edit)", Permission::manage_registers, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto d = read_child_death(s, ctx.who(), ChildDeathId{ctx.path_id()});
                          form_page(ctx, input_of(d), std::string(kList) + "/" + d.id.str(), d.version, {}, 200);
                      },
                      "/registers/child-deaths/1/edit"});
    routes.push_back({"POST", R"(/registers/child-deaths/(\d+))", Permission::manage_registers, Surface::page,
                      [&s](Ctx& ctx) { change(s, ctx); }, "/registers/child-deaths/1"});
}

}  // namespace assure::web::registers_web
