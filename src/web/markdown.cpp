// Markdown through libcmark (CommonMark). CMARK_OPT_DEFAULT is "safe" since cmark 0.29: raw
// HTML becomes a comment and javascript:/vbscript:/file: links are emptied. We never pass
// CMARK_OPT_UNSAFE. The GOV.UK classes are added to the few elements cmark writes.
#include <cmark.h>

#include <cstdlib>
#include <memory>

#include "web/documents.hpp"

namespace assure::web {
namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

std::string markdown_html(std::string_view markdown) {
    const std::unique_ptr<char, decltype(&std::free)> html(cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT),
                                                           &std::free);
    std::string out = html ? html.get() : "";
    // Headings in a document sit below the page's own h1 and h2: h3 and lower go down one
    // level first, then h1 and h2 become h3.
    replace_all(out, "<h4>", "<h5 class=\"govuk-heading-s\">");
    replace_all(out, "</h4>", "</h5>");
    replace_all(out, "<h3>", "<h4 class=\"govuk-heading-s\">");
    replace_all(out, "</h3>", "</h4>");
    for (const char* h : {"1", "2"}) {
        replace_all(out, std::string("<h") + h + ">", "<h3 class=\"govuk-heading-m\">");
        replace_all(out, std::string("</h") + h + ">", "</h3>");
    }
    replace_all(out, "<p>", "<p class=\"govuk-body\">");
    replace_all(out, "<ul>", "<ul class=\"govuk-list govuk-list--bullet\">");
    replace_all(out, "<ol>", "<ol class=\"govuk-list govuk-list--number\">");
    replace_all(out, "<a href=", "<a class=\"govuk-link\" href=");
    return out;
}

}  // namespace assure::web
