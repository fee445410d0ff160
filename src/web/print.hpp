#pragma once
// Documents made for paper: a page's content in an A4 document of its own with the
// partnership's letterhead and page numbers, sent as a PDF (web/pdf.hpp). The agenda pack,
// minutes, the letter to an agency and the action plan use it (docs/decisions/0033-print.md).
#include <string>
#include <vector>

#include "web/views.hpp"

namespace assure::web {

struct PrintDocument {
    std::string title;        // the PDF's title and its h1's words, e.g. "Agenda: Strategic Forum, 8 December 2026"
    std::string description;  // one sentence on what it is, for the PDF's metadata
    std::string filename;     // the download's name, without ".pdf": letters, digits and hyphens
    std::string body_template;  // e.g. "print/agenda", rendered with `data`
    bool landscape = false;
};

// The whole HTML document (letterhead, title, body) for `doc` rendered with `data`.
std::string print_html(Services& s, const Ctx& ctx, const PrintDocument& doc, const Data& data);
// Renders the document to PDF and answers with it; `papers` (PDF files on disk) follow its pages.
void send_print_pdf(Services& s, Ctx& ctx, const PrintDocument& doc, const Data& data, const std::vector<std::string>& papers = {});

// Meetings' agenda packs and minutes, the letter to an agency after moderation and the action
// plan, as PDFs. `documents` none: agenda packs list the papers without joining them.
void add_print_routes(std::vector<Route>& routes, Services& services, struct DocumentServices* documents);

}  // namespace assure::web
