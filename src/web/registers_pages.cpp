// The registers' shared page pieces (registers_pages.hpp).
#include "web/registers_pages.hpp"

#include "web/paging.hpp"

namespace assure::web::registers_web {

void show_list(Ctx& ctx, const ListPage& list, const PageRequest& request, const FieldErrors& errors) {
    const std::string query = filter_query(ctx);
    const std::string with_query = query.empty() ? "" : "?" + query;
    Data filters{Data::type::list};
    for (const auto& html : list.filters) {
        Data d;
        d.set("html", html);
        filters.push_back(d);
    }
    Data links{Data::type::list};
    if (list.has_figures) links.push_back(list_row("Yearly figures", list.base + "/figures", {}));
    for (const auto& [href, words] : list.links) links.push_back(list_row(words, href, {}));
    Data headings{Data::type::list};
    for (const auto& h : list.headings) headings.push_back(Data(h));
    Data data;
    data.set("title", list.title);
    data.set("intro", list.intro);
    data.set("may_add", flag(!list.add_label.empty() && ctx.who().can(Permission::manage_registers)));
    data.set("add_href", list.base + "/new");
    data.set("add_label", list.add_label);
    data.set("links", links);
    data.set("list_href", list.base);
    data.set("filters", filters);
    data.set("csv_href", list.base + ".csv" + with_query);
    data.set("xlsx_href", list.base + ".xlsx" + with_query);
    data.set("caption", list.caption);
    data.set("headings", headings);
    data.set("rows", list.rows);
    data.set("has_rows", flag(!list.rows.is_empty_list()));
    data.set("pagination_html", pagination(list.base + with_query, request, list.next));
    page(ctx, "registers/list", data, PageOptions{list.title, "registers", errors, errors.empty() ? 200 : 422});
}

Data list_row(const std::string& first, const std::string& href, const std::vector<std::string>& cells) {
    Data row;
    row.set("first", first);
    if (!href.empty()) row.set("href", href);
    Data c{Data::type::list};
    for (const auto& cell : cells) c.push_back(Data(cell));
    row.set("cells", c);
    return row;
}

FinancialYear figures_year(Services& s, const Ctx& ctx, FieldErrors& errors) {
    try {
        return asked_year(s, ctx);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
        return FinancialYear::of(london_today(s));
    }
}

void show_figures(Ctx& ctx, const FiguresPage& f, const FieldErrors& errors) {
    Data notes{Data::type::list};
    for (const auto& n : f.notes) notes.push_back(Data(n));
    Data data;
    data.set("title", f.title);
    data.set("intro", f.intro);
    data.set("figures_href", f.base + "/figures");
    data.set("list_href", f.base);
    data.set("year_html", f.year_html);
    data.set("tables", f.tables);
    if (!f.notes.empty()) data.set("notes", notes);
    page(ctx, "registers/figures", data, PageOptions{f.title, "registers", errors, errors.empty() ? 200 : 422});
}

void show_form(Ctx& ctx, const std::string& title, const std::string& action, int version, const std::vector<std::string>& fields,
               const std::string& back, const FieldErrors& errors, int status) {
    Data list{Data::type::list};
    for (const auto& html : fields) list.push_back(Data(html));
    Data data;
    data.set("title", title);
    data.set("action_url", action);
    data.set("version", std::to_string(version));
    data.set("fields", list);
    data.set("back_href", back);
    page(ctx, "registers/form", data, PageOptions{title, "registers", errors, status});
}

void show_record(Ctx& ctx, const std::string& title, const Data& rows, const std::string& base, const std::string& id,
                 const std::vector<std::string>& notes) {
    Data n{Data::type::list};
    for (const auto& note : notes) n.push_back(Data(note));
    Data data;
    data.set("title", title);
    data.set("rows", rows);
    data.set("notes", n);
    data.set("saved", flag(ctx.has_query("saved")));
    data.set("may_edit", flag(ctx.who().can(Permission::manage_registers)));
    data.set("edit_href", base + "/" + id + "/edit");
    data.set("back_href", base);
    page(ctx, "registers/record", data, PageOptions{title, "registers"});
}

void each_page(const std::function<std::optional<std::string>(const PageRequest&)>& page) {
    PageRequest request{PageRequest::max_limit, ""};
    for (;;) {
        const auto next = page(request);
        if (!next) return;
        request.after = *next;
    }
}

void add_register_routes(std::vector<Route>& routes, const RegisterRoutes& r) {
    const std::string one = r.base + R"(/(\d+))";
    routes.push_back({"GET", r.base, r.view, Surface::page, r.list, r.base});
    for (const bool xlsx : {false, true}) {
        const std::string path = r.base + (xlsx ? ".xlsx" : ".csv");
        const auto table = r.table;
        const std::string name = r.file_name;
        routes.push_back({"GET", path, r.view, Surface::page, [table, name, xlsx](Ctx& ctx) { send_table(ctx, table(ctx), name, xlsx); }, path});
    }
    if (r.figures) routes.push_back({"GET", r.base + "/figures", r.view, Surface::page, r.figures, r.base + "/figures"});
    routes.push_back({"GET", r.base + "/new", Permission::manage_registers, Surface::page, r.new_form, r.base + "/new"});
    routes.push_back({"POST", r.base, Permission::manage_registers, Surface::page, r.create, r.base});
    routes.push_back({"GET", one, r.view, Surface::page, r.record, r.base + "/1"});
    routes.push_back({"GET", one + "/edit", Permission::manage_registers, Surface::page, r.edit_form, r.base + "/1/edit"});
    routes.push_back({"POST", one, Permission::manage_registers, Surface::page, r.change, r.base + "/1"});
}

}  // namespace assure::web::registers_web
