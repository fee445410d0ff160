// The yearly report as a PDF (/reports/{year}.pdf, and the published one on the public site): the same parts as the page, charts the same
// SVG, in a document of its own with a print stylesheet (A4, a contents page whose entries
// carry their page numbers, page numbers at the foot), rendered by web/pdf.hpp (WeasyPrint).
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/date_words.hpp"
#include "web/pdf.hpp"
#include "web/report_views.hpp"
#include "web/views.hpp"

namespace assure::web::report_web {
void send_report_pdf(Ctx& ctx, const YearReport& r, const std::string& state_words) {
    Data data = report_data(r, false);
    data.set("state_words", state_words);
    const auto started = std::chrono::steady_clock::now();
    const std::string pdf = render_pdf(render("report/print", data));
    spdlog::info("report {} rendered to PDF in {} ms ({} bytes)", r.year.key(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count(), pdf.size());
    ctx.res.set_header("Content-Disposition", "inline; filename=\"yearly-report-" + r.year.key() + ".pdf\"");
    ctx.res.set_header("X-Content-Type-Options", "nosniff");
    ctx.res.set_content(pdf, "application/pdf");
}

namespace {

void pdf_page(Services& s, Ctx& ctx) {
    const YearReport r = compose_report(s, ctx.who(), ctx.req.matches[1].str());
    send_report_pdf(ctx, r, r.state == ReportState::approved ? "Signed off by every statutory partner."
                                                             : "A draft: not yet signed off by every statutory partner.");
}

}  // namespace

void add_report_pdf(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/reports/(\d{4}-\d{2})\.pdf)", Permission::view_report, Surface::page,
                      [&s](Ctx& ctx) { pdf_page(s, ctx); }, "/reports/2016-17.pdf"});
}

}  // namespace assure::web::report_web
