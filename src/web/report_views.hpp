#pragma once
// What the yearly report's pages and API share (web/report*.cpp): the report's parts in seed
// 001's order, each figure with its source, and the API's JSON shape (web's own).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/report.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace assure::web::report_web {

// A part of the report: a written section or a part composed from the records.
struct Part {
    std::string id;       // the anchor: "foreword", "governance"
    std::string heading;
    std::string html;     // safe HTML: escaped figures, rendered Markdown
};

// Every part in order. `may_edit` adds the links that change a written section.
std::vector<Part> report_parts(const YearReport& r, bool may_edit);

nlohmann::json report_json(const YearReport& r);

// The templates' data shared by the page, the PDF and the public site: the report's parts
// (id, heading, html) and its header (partnership, year_label, first_year, last_year, parts,
// partners: name, signed_by, signed_at).
Data report_data(const YearReport& r, bool may_edit);

// Runs `save` and answers with a redirect to `to`; a refusal (invalid) runs `again` with its
// errors instead, to show the form again with nothing saved.
template <class Save, class Again>
void save_then(Ctx& ctx, const std::string& to, Save save, Again again) {
    try {
        save();
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        again(f.fields());
        return;
    }
    redirect(ctx, to);
}

void add_report_pages(std::vector<Route>& routes, Services& s);
void add_report_api(std::vector<Route>& routes, Services& s);
// The agencies' statements (seed 001's Appendix B): their pages and API (web/report_statements.cpp).
void add_report_statements(std::vector<Route>& routes, Services& s);
// /reports/{year}.pdf: the report rendered by WeasyPrint (web/report_pdf.cpp).
void add_report_pdf(std::vector<Route>& routes, Services& s);
// Writes the report as a PDF into the response, `state_words` under its title ("Signed off by
// every statutory partner."), logging how long WeasyPrint took: the signed-in and public routes'.
void send_report_pdf(Ctx& ctx, const YearReport& r, const std::string& state_words);

}  // namespace assure::web::report_web
