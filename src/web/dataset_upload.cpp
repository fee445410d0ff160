// Importing the dataset's files from a page: the business unit chooses the kind of file and,
// for a record extract, its financial year, uploads the CSV and reads the import report on the
// page (a CSV file or an XLSX workbook's first sheet): rows read, saved and refused (each refused row with its line and reason), and what
// changed since the last import of the same kind and period. The API and `assure import` take
// the same files through the same use case.
#include "app/dataset.hpp"
#include "web/dataset_views.hpp"
#include "web/documents_routes.hpp"
#include "web/html.hpp"
#include "web/views.hpp"
#include "web/xlsx_read.hpp"

namespace assure::web {
namespace {

// With the days return interviews were offered and accepted, the share offered within 72 hours
// is worked out from the file instead of the local authority's return.
constexpr const char* kMissingColumns =
    "Columns CHILD, DOB, MISSING, MIS_START, MIS_END; add RHI_OFFERED and RHI_ACCEPTED, the days a return interview was offered "
    "and accepted, where you have them";

std::vector<Option> kind_options() {
    return {{"ssda903-header", "SSDA903 header (one row per child)"},
            {"ssda903-episodes", "SSDA903 episodes"},
            {"ssda903-missing", "SSDA903 missing (looked-after children)", kMissingColumns},
            {"missing", "Missing episodes of all children", kMissingColumns},
            {"cin-census", "Children in need census (the XML file sent to the DfE)",
             "Its referrals, assessments, section 47 enquiries and child protection plans: the plans, conferences, referrals and "
             "assessments figures are then worked out from it instead of the local authority's return"},
            {"population", "Population of children (ONS mid-year estimate)"},
            {"indicator-values", "Agencies' figures (code, period, value or numerator and denominator)"}};
}

std::vector<Option> year_options(Date today) {
    std::vector<Option> out;
    DatasetPeriod y = DatasetPeriod::year_of(today);
    for (int i = 0; i < 12; ++i, y = y.previous()) out.push_back({y.key(), y.label()});
    return out;
}

void form_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, const ImportReport* report = nullptr, int status = 200) {
    Data data;
    data.set("kind_html", radios(Field{"kind", "What kind of file is it?", ctx.form("kind"), error_for(errors, "kind")}, kind_options()));
    data.set("period_html", select(Field{"period", "Financial year (for a record extract)", ctx.form("period"), error_for(errors, "period"),
                                         "Not needed for the population or the agencies' figures, which carry their own years"},
                                   year_options(london_today(s)), "Not needed"));
    data.set("accept_html", checkboxes(Field{"accept", "If some rows are refused", "", ""},
                                       {{"valid", "Save the valid rows anyway", "Otherwise nothing is saved until every row is right"}},
                                       ctx.form("accept") == "valid" ? std::vector<std::string>{"valid"} : std::vector<std::string>{}));
    data.set("file_error", optional_text(error_for(errors, "file")));
    if (report) {
        Data r;
        r.set("kind", report->kind);
        // The census is read a child at a time, every other file a row at a time.
        const bool census = report->kind == "cin-census";
        r.set("units", census ? "children" : "rows");
        r.set("Units", census ? "Children" : "Rows");
        r.set("file_name", report->file_name);
        r.set("period", optional_text(report->period));
        r.set("rows_read", grouped(report->rows_read));
        r.set("rows_valid", grouped(report->rows_valid));
        r.set("rows_saved", grouped(report->rows_saved));
        r.set("rows_refused", grouped(static_cast<long long>(report->refused.size())));
        r.set("saved", flag(report->saved));
        r.set("changes", !report->saved ? std::string("Nothing was saved")
                         : report->changes.first ? std::string("The first import of its kind and period")
                                                 : grouped(report->changes.added) + (census ? " children added, " : " rows added, ") + grouped(report->changes.removed) + " removed, " +
                                                       grouped(report->changes.unchanged) + " unchanged since the last import");
        Data refused{Data::type::list};
        for (const auto& x : report->refused) {
            Data row;
            row.set("line", x.line > 0 ? std::to_string(x.line) : std::string("The file"));
            row.set("column", x.column.empty() ? std::string("—") : x.column);
            row.set("reason", x.reason);
            refused.push_back(row);
        }
        r.set("refused", refused);
        r.set("has_refused", flag(!report->refused.empty()));
        data.set("report", r);
    }
    data.set("has_report", flag(report != nullptr));
    page(ctx, "dataset/upload", data, PageOptions{report ? "Import report" : "Import a file", "dataset", errors, status});
}

void upload(Services& s, Ctx& ctx) {
    // Mapped from the file the server wrote the form to as it arrived (web/dataset_import_body.hpp).
    const documents_web::UploadedFile file(ctx, "file");
    FieldErrors errors;
    if (ctx.form("kind").empty()) errors.push_back({"kind", "Choose what kind of file it is"});
    if (file.bytes.empty()) errors.push_back({"file", "Choose the CSV, XLSX or XML file to import"});
    if (!errors.empty()) {
        form_page(s, ctx, errors, nullptr, 422);
        return;
    }
    try {
        // The census is XML, read as it is; any other kind may come as an XLSX workbook.
        const bool census = ctx.form("kind") == "cin-census";
        const std::string text = census ? std::string() : spreadsheet_or_csv(file.bytes);
        const ImportRequest request{ctx.form("kind"), ctx.form("period"), file.filename.empty() ? ctx.form("kind") + ".csv" : file.filename,
                                    census ? file.bytes : std::string_view(text), ctx.form("accept") == "valid"};
        const ImportReport report = import_dataset_file(s, ctx.who(), request);
        const bool census_kind = report.kind == "cin-census";
        FieldErrors shown;
        if (!report.saved) {
            shown.push_back({"file", report.file_refused ? "The file is not a " + report.kind + " file: " + report.refused.front().reason
                                                         : (report.refused.size() == 1 ? std::string(census_kind ? "1 child was" : "1 row was")
                                                                                        : std::to_string(report.refused.size()) + (census_kind ? " children were" : " rows were")) +
                                                               " refused, so nothing was saved"});
        }
        form_page(s, ctx, shown, &report, report.saved ? 200 : 422);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        form_page(s, ctx, f.fields(), nullptr, 422);
    }
}

}  // namespace

void add_dataset_upload_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/dataset/imports/new", Permission::manage_dataset, Surface::page, [&s](Ctx& ctx) { form_page(s, ctx); },
                      "/dataset/imports/new"});
    routes.push_back({"POST", "/dataset/imports/new", Permission::manage_dataset, Surface::page, [&s](Ctx& ctx) { upload(s, ctx); },
                      "/dataset/imports/new"});
}

}  // namespace assure::web
