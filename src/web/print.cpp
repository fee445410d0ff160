// Documents made for paper (web/print.hpp): the shell around a body template, and the PDF answer.
#include "web/print.hpp"

#include <cstdio>

#include "core/date_words.hpp"
#include "web/pdf.hpp"

namespace assure::web {
namespace {

// Text placed in a CSS string inside <style>: HTML entities are not decoded there, so the text
// goes in raw, with quotes, backslashes, angle brackets and controls as CSS escapes.
std::string css_string(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
        if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20 || c == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\%X ", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string partnership_name(const Ctx& ctx) {
    return ctx.service_name.empty() ? std::string("Safeguarding children partnership") : ctx.service_name;
}

}  // namespace

std::string print_html(Services& s, const Ctx& ctx, const PrintDocument& doc, const Data& data) {
    Data shell;
    shell.set("title", doc.title);
    shell.set("description", doc.description);
    shell.set("partnership", partnership_name(ctx));
    shell.set("partnership_css", css_string(partnership_name(ctx)));
    shell.set("made", "Made by Assure on " + date_in_words(london_today(s)) + " from the partnership's records.");
    shell.set("landscape", flag(doc.landscape));
    shell.set("body", render(doc.body_template, data));
    return render("print/document", shell);
}

void send_print_pdf(Services& s, Ctx& ctx, const PrintDocument& doc, const Data& data, const std::vector<std::string>& papers) {
    const std::string pdf = join_pdfs(render_pdf(print_html(s, ctx, doc, data)), papers);
    ctx.res.set_header("Content-Disposition", "inline; filename=\"" + doc.filename + ".pdf\"");
    ctx.res.set_header("X-Content-Type-Options", "nosniff");
    ctx.res.set_content(pdf, "application/pdf");
}

}  // namespace assure::web
