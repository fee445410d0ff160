#pragma once
// A document rendered to PDF by WeasyPrint (Debian's `weasyprint`), as a child process on a
// file, tagged for screen readers (PDF/UA-1): the yearly report, training certificates, agenda
// packs, minutes, letters and the action plan; and PDFs joined by qpdf (an agenda and its
// papers). A run that fails or takes longer than a minute throws Failure (unavailable) and
// leaves nothing behind.
#include <string>
#include <vector>

namespace assure::web {

// The PDF's bytes for a whole HTML document. The program is `weasyprint` on the PATH unless
// ASSURE_WEASYPRINT names another.
std::string render_pdf(const std::string& html);

// Whether qpdf (Debian's `qpdf`, or ASSURE_QPDF) can copy pages from the PDF file at `path`:
// not damaged beyond repair, not without pages and not locked by a password.
bool readable_pdf(const std::string& path);
// `first` (a PDF's bytes) followed by every page of each file in `then`, as one PDF whose
// catalogue (tags, language, title) is the first's. Throws Failure (unavailable) if qpdf fails.
std::string join_pdfs(const std::string& first, const std::vector<std::string>& then);

}  // namespace assure::web
