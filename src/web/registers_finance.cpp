// The money register's pages: a year's figures (seed 001 §12's tables: contributions by
// agency with shares, spending by heading with shares, brought and carried forward, the
// projection) above the year's entries; CSV; the form that records an entry.
#include "web/paging.hpp"
#include "web/registers_pages.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kList = "/registers/finance";

std::string share_text(const std::optional<std::int64_t>& bp) { return bp ? basis_points_text(*bp) + "%" : ""; }

std::vector<std::vector<std::string>> amount_rows(const std::vector<AmountLine>& lines, std::int64_t total, const std::string& total_label) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : lines) rows.push_back({l.name, pounds(l.pence), millions(l.pence), share_text(l.basis_points)});
    rows.push_back({total_label, pounds(total), millions(total), total > 0 ? "100.00%" : ""});
    return rows;
}

std::string entry_what(const FinanceEntry& e) {
    if (e.heading) return std::string(heading_label(*e.heading));
    if (!e.contributor.empty()) return e.contributor;
    return std::string(finance_kind_label(e.kind));
}

void finance_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = figures_year(s, ctx, errors);
    const FinanceFigures f = finance_year_figures(s, ctx.who(), year);
    RegisterFilter filter = filter_from(ctx);
    filter.year = year.key();
    const PageRequest request = page_request(ctx);
    Page<FinanceEntry> found;
    try {
        found = list_finance_entries(s, ctx.who(), filter, request);
    } catch (const Failure& fail) {
        if (fail.code() != FailureCode::invalid) throw;
        for (const auto& e : fail.fields()) errors.push_back(e);
    }
    const std::vector<std::string> amount_headings{"", "Amount", "£m", "Share"};
    Data tables{Data::type::list};
    tables.push_back(table("Resources in " + year.label(), {"", "Amount", "£m"},
                           {{"Contributions", pounds(f.contributions), millions(f.contributions)},
                            {"Brought forward", pounds(f.brought_forward), millions(f.brought_forward)},
                            {"Total resources available", pounds(f.resources), millions(f.resources)},
                            {"Expenditure", pounds(f.expenditure), millions(f.expenditure)},
                            {"Carried forward", pounds(f.carried_forward), millions(f.carried_forward)},
                            {"Contributions in kind (not in the balance)", pounds(f.in_kind), millions(f.in_kind)}}));
    tables.push_back(table("Contributions by agency", {"Agency", "Amount", "£m", "Share"}, amount_rows(f.contributors, f.contributions, "Total")));
    if (!f.in_kind_contributors.empty()) {
        tables.push_back(table("Contributions in kind", {"Agency", "Value", "£m", "Share"}, amount_rows(f.in_kind_contributors, f.in_kind, "Total")));
    }
    tables.push_back(table("Expenditure by heading", {"Heading", "Amount", "£m", "Share"}, amount_rows(f.headings, f.expenditure, "Total")));
    tables.push_back(table("Projection", {"", "Amount", "£m"},
                           {{"Carried forward", pounds(f.carried_forward), millions(f.carried_forward)},
                            {"Projected contributions still to come", pounds(f.projected_contributions), millions(f.projected_contributions)},
                            {"Projected expenditure still to come", pounds(f.projected_expenditure), millions(f.projected_expenditure)},
                            {"Projected carried forward", pounds(f.projected_carried_forward), millions(f.projected_carried_forward)}}));
    Data rows{Data::type::list};
    for (const auto& e : found.items) {
        Data row;
        row.set("first", date_in_words(e.on));
        row.set("cells", list_of({Data(std::string(finance_kind_label(e.kind)) + (e.basis == Basis::projected ? " (projected)" : "")),
                                  Data(entry_what(e)), Data(pounds(e.amount_pence)), Data(e.description)}));
        rows.push_back(row);
    }
    Data filters{Data::type::list};
    const auto add = [&](std::string html) {
        Data d;
        d.set("html", std::move(html));
        filters.push_back(d);
    };
    add(select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year"));
    add(select(Field{"kind", "Kind", ctx.query("kind"), error_for(errors, "kind")}, options_of(all_finance_kinds(), finance_kind_key, finance_kind_label), "Any"));
    add(select(Field{"heading", "Heading", ctx.query("heading"), error_for(errors, "heading")}, options_of(all_headings(), heading_key, heading_label), "Any"));
    add(select(Field{"basis", "Actual or projected", ctx.query("basis"), error_for(errors, "basis")}, options_of(all_basiss(), basis_key, basis_label), "Both"));
    const std::string query = filter_query(ctx);
    Data data;
    data.set("title", "Money: " + year.label());
    data.set("intro", "Every figure is summed from the entries below; brought forward is what the years before left.");
    data.set("tables", tables);
    data.set("may_add", flag(ctx.who().can(Permission::manage_registers)));
    data.set("add_href", std::string(kList) + "/new?year=" + year.key());
    data.set("list_href", kList);
    data.set("filters", filters);
    data.set("csv_href", std::string(kList) + ".csv" + (query.empty() ? "" : "?" + query));
    data.set("headings", list_of({Data("Date"), Data("Kind"), Data("Agency or heading"), Data("Amount"), Data("Description")}));
    data.set("rows", rows);
    data.set("has_rows", flag(!found.items.empty()));
    data.set("pagination_html", pagination(std::string(kList) + (query.empty() ? "" : "?" + query), request, found.next));
    page(ctx, "registers/finance", data, PageOptions{"Money: " + year.label(), "registers", errors, errors.empty() ? 200 : 422});
}

Table csv_table(Services& s, const Ctx& ctx) {
    Table t{"Money", {"Id", "Financial year", "Kind", "Basis", "Contributor", "Heading", "Amount (£)", "Date", "Description", "Reason"}, {}};
    const RegisterFilter filter = filter_from(ctx);
    each_page([&](const PageRequest& page) {
        const auto found = list_finance_entries(s, ctx.who(), filter, page);
        for (const auto& e : found.items) {
            const std::string amount = std::to_string(e.amount_pence / 100) + "." + (e.amount_pence % 100 < 10 ? "0" : "") +
                                       std::to_string(e.amount_pence % 100);
            t.rows.push_back({e.id.str(), e.year.key(), std::string(finance_kind_label(e.kind)), std::string(basis_label(e.basis)), e.contributor,
                              e.heading ? std::string(heading_label(*e.heading)) : "", amount, e.on.iso(), e.description, e.reason});
        }
        return found.next;
    });
    return t;
}

FinanceInput input_from(const Ctx& ctx) {
    return FinanceInput{ctx.form("year"),   ctx.form("kind"), ctx.form("basis"),       ctx.form("contributor"), ctx.form("heading"),
                        ctx.form("amount"), ctx.form("on"),   ctx.form("description"), ctx.form("reason")};
}

void form_page(Services& s, Ctx& ctx, const FinanceInput& in, const FieldErrors& errors, int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    Data fields{Data::type::list};
    const auto add = [&](std::string html) { fields.push_back(Data(std::move(html))); };
    add(select(Field{"year", "Financial year", in.year, e("year")}, year_options(s), "Select the year"));
    add(radios(Field{"kind", "What is it?", in.kind, e("kind")}, options_of(all_finance_kinds(), finance_kind_key, finance_kind_label)));
    add(radios(Field{"basis", "Actual or projected?", in.basis.empty() ? "actual" : in.basis, e("basis"),
                     "A projection is what is expected later in the year"},
               options_of(all_basiss(), basis_key, basis_label), true));
    add(text_input(Field{"contributor", "Agency or fund that contributed", in.contributor, e("contributor"), "Contributions only"}));
    add(select(Field{"heading", "Expenditure heading", in.heading, e("heading"), "Expenditure only"},
               options_of(all_headings(), heading_key, heading_label), "Not expenditure"));
    add(text_input(Field{"amount", "Amount in pounds", in.amount, e("amount"), "For example, 148901 or 1250.50", "off", "text", "govuk-input--width-10", false}));
    add(date_input(Field{"on", "Date", in.on, e("on"), "For example, 30 9 2016"}));
    add(text_input(Field{"description", "Description (optional)", in.description, e("description")}));
    add(textarea(Field{"reason", "Reason (needed when spending takes the balance below zero)", in.reason, e("reason")}, 3));
    Data data;
    data.set("title", "Record money in or out");
    data.set("action_url", kList);
    data.set("version", "0");
    data.set("fields", fields);
    data.set("back_href", kList);
    page(ctx, "registers/form", data, PageOptions{"Record money in or out", "registers", errors, status});
}

void create(Services& s, Ctx& ctx) {
    const FinanceInput in = input_from(ctx);
    try {
        const auto x = record_finance_entry(s, ctx.who(), in);
        redirect(ctx, std::string(kList) + "?year=" + x.year.key() + "&saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        form_page(s, ctx, in, f.fields(), 422);
    }
}

}  // namespace

void add_finance_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kList, Permission::view_finance, Surface::page, [&s](Ctx& ctx) { finance_page(s, ctx); }, kList});
    routes.push_back({"GET", "/registers/finance.csv", Permission::view_finance, Surface::page,
                      [&s](Ctx& ctx) { send_table(ctx, csv_table(s, ctx), "money", false); }, "/registers/finance.csv"});
    routes.push_back({"GET", "/registers/finance/new", Permission::manage_registers, Surface::page,
                      [&s](Ctx& ctx) {
                          FinanceInput in;
                          in.year = ctx.query("year");
                          form_page(s, ctx, in, {}, 200);
                      },
                      "/registers/finance/new"});
    routes.push_back({"POST", kList, Permission::manage_registers, Surface::page, [&s](Ctx& ctx) { create(s, ctx); }, kList});
}

}  // namespace assure::web::registers_web
