#pragma once
// What every register's pages share, so a register's page file says only what is its own: the
// generic list page (filters, rows, pagination, download links), the figures page's year, the
// form and record pages, post/redirect/get, exporting every page of what the filters select,
// and the routes a register's pages take.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "web/documents.hpp"
#include "web/registers_views.hpp"
#include "web/routes.hpp"

namespace assure::web::registers_web {

// A register's list (templates/registers/list.mustache).
struct ListPage {
    std::string title, intro;
    std::string base;                      // "/registers/risks": its figures, new, CSV and records are under it
    std::string add_label;                 // the button that records one (shown to those who manage registers)
    bool has_figures = true;
    std::vector<std::pair<std::string, std::string>> links;  // more pages of the register: href, words
    std::vector<std::string> filters;      // each filter's HTML
    std::string caption;
    std::vector<std::string> headings;
    Data rows{Data::type::list};           // list_row()s
    std::optional<std::string> next;       // the page's cursor onwards
};
void show_list(Ctx& ctx, const ListPage& list, const PageRequest& request, const FieldErrors& errors);
// A row whose first cell links to `href` (none when empty).
Data list_row(const std::string& first, const std::string& href, const std::vector<std::string>& cells);

// Runs a list use case and keeps its refusal of the filters as the page's errors (422).
template <class T, class List>
T listed(FieldErrors& errors, List list) {
    try {
        return list();
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
        return T{};
    }
}

// The year a figures page shows: ?year=, or this financial year with the page's error.
FinancialYear figures_year(Services& s, const Ctx& ctx, FieldErrors& errors);
struct FiguresPage {
    std::string title, intro, base;
    std::string year_html;
    Data tables{Data::type::list};         // table()s
    std::vector<std::string> notes;
};
void show_figures(Ctx& ctx, const FiguresPage& figures, const FieldErrors& errors);

void show_form(Ctx& ctx, const std::string& title, const std::string& action, int version, const std::vector<std::string>& fields,
               const std::string& back, const FieldErrors& errors, int status);
void show_record(Ctx& ctx, const std::string& title, const Data& rows, const std::string& base, const std::string& id,
                 const std::vector<std::string>& notes = {});

// Post/redirect/get: `save` returns the id written and the record is shown; a refusal shows
// the form again with its errors (422).
template <class Save, class Form>
void save_or_show(Ctx& ctx, const std::string& base, Save save, Form form) {
    std::string id;
    try {
        id = save();
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        form(f.fields());
        return;
    }
    redirect(ctx, base + "/" + id + "?saved=1");
}

// Calls `page` for every page of a list, from the first, until it gives no cursor onwards.
void each_page(const std::function<std::optional<std::string>(const PageRequest&)>& page);

// The pages of a register: list, CSV and XLSX of what the filters select, figures, the record,
// and the forms that record and change one.
struct RegisterRoutes {
    std::string base;        // "/registers/risks"
    std::string file_name;   // "risks": the download's name
    Permission view;
    std::function<void(Ctx&)> list, figures, record, new_form, create, edit_form, change;
    std::function<Table(const Ctx&)> table;
};
void add_register_routes(std::vector<Route>& routes, const RegisterRoutes& r);

}  // namespace assure::web::registers_web
