#pragma once
// A document rendered to PDF by WeasyPrint (Debian's `weasyprint`), as a child process on a
// file, tagged for screen readers (PDF/UA-1): the yearly report and training certificates. A
// render that fails or takes longer than a minute throws Failure (unavailable) and leaves
// nothing behind.
#include <string>

namespace assure::web {

// The PDF's bytes for a whole HTML document. The program is `weasyprint` on the PATH unless
// ASSURE_WEASYPRINT names another.
std::string render_pdf(const std::string& html);

}  // namespace assure::web
