#include "web/html.hpp"

#include <algorithm>
#include <cctype>

namespace assure::web {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string grouped(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return n < 0 ? "-" + digits : digits;
}

std::string url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string error_for(const FieldErrors& errors, std::string_view field) {
    for (const auto& e : errors) {
        if (e.field == field) return e.message;
    }
    return {};
}

namespace {

std::string id_for(const std::string& name) { return name; }

std::string group_open(const Field& f) {
    return f.error.empty() ? "<div class=\"govuk-form-group\">\n"
                           : "<div class=\"govuk-form-group govuk-form-group--error\">\n";
}

std::string hint_html(const Field& f) {
    if (f.hint.empty()) return {};
    return "<div id=\"" + id_for(f.name) + "-hint\" class=\"govuk-hint\">" + escape(f.hint) + "</div>\n";
}

std::string error_html(const Field& f) {
    if (f.error.empty()) return {};
    return "<p id=\"" + id_for(f.name) + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
           "Error:</span> " + escape(f.error) + "</p>\n";
}

std::string described_by(const Field& f) {
    std::string ids;
    if (!f.hint.empty()) ids += id_for(f.name) + "-hint";
    if (!f.error.empty()) ids += (ids.empty() ? "" : " ") + id_for(f.name) + "-error";
    return ids.empty() ? std::string() : " aria-describedby=\"" + ids + "\"";
}

}  // namespace

std::string text_input(const Field& f) {
    std::string classes = "govuk-input";
    if (!f.width_class.empty()) classes += " " + f.width_class;
    if (!f.error.empty()) classes += " govuk-input--error";
    std::string html = group_open(f);
    html += "<label class=\"govuk-label\" for=\"" + id_for(f.name) + "\">" + escape(f.label) + "</label>\n";
    html += hint_html(f) + error_html(f);
    html += "<input class=\"" + classes + "\" id=\"" + id_for(f.name) + "\" name=\"" + escape(f.name) + "\" type=\"" +
            f.type + "\" value=\"" + escape(f.value) + "\"" + described_by(f);
    if (!f.autocomplete.empty()) html += " autocomplete=\"" + f.autocomplete + "\"";
    if (!f.spellcheck) html += " spellcheck=\"false\"";
    html += ">\n</div>\n";
    return html;
}

std::string date_input(const Field& f) {
    // "2026-11-23" (or what was typed, "2026-2-30") back into its three parts.
    std::string parts[3];
    if (const auto first = f.value.find('-'), second = f.value.find('-', first == std::string::npos ? 0 : first + 1);
        first != std::string::npos && second != std::string::npos) {
        parts[2] = f.value.substr(0, first);
        parts[1] = f.value.substr(first + 1, second - first - 1);
        parts[0] = f.value.substr(second + 1);
    } else {
        parts[2] = f.value;
    }
    const char* names[3] = {"day", "month", "year"};
    const char* labels[3] = {"Day", "Month", "Year"};
    std::string html = group_open(f);
    html += "<fieldset class=\"govuk-fieldset\" role=\"group\"" + described_by(f) + ">\n";
    html += "<legend class=\"govuk-fieldset__legend\">" + escape(f.label) + "</legend>\n";
    html += hint_html(f) + error_html(f);
    html += "<div class=\"govuk-date-input\">\n";
    for (int i = 0; i < 3; ++i) {
        // The day box carries the field's own id, so the error summary's link lands in it.
        const std::string id = i == 0 ? id_for(f.name) : id_for(f.name) + "-" + names[i];
        html += "<div class=\"govuk-date-input__item\">\n<div class=\"govuk-form-group\">\n<label class=\"govuk-label govuk-date-input__label\" for=\"" +
                id + "\">" + labels[i] + "</label>\n<input class=\"govuk-input govuk-date-input__input " +
                (i == 2 ? "govuk-input--width-4" : "govuk-input--width-2") + (f.error.empty() ? "" : " govuk-input--error") + "\" id=\"" + id +
                "\" name=\"" + escape(f.name) + "-" + names[i] + "\" type=\"text\" inputmode=\"numeric\" value=\"" + escape(parts[i]) + "\">\n</div>\n</div>\n";
    }
    html += "</div>\n</fieldset>\n</div>\n";
    return html;
}

std::string select(const Field& f, const std::vector<Option>& options, std::string_view placeholder) {
    std::string html = group_open(f);
    html += "<label class=\"govuk-label\" for=\"" + id_for(f.name) + "\">" + escape(f.label) + "</label>\n";
    html += hint_html(f) + error_html(f);
    html += "<select class=\"govuk-select" + std::string(f.error.empty() ? "" : " govuk-select--error") + "\" id=\"" +
            id_for(f.name) + "\" name=\"" + escape(f.name) + "\"" + described_by(f) + ">\n";
    if (!placeholder.empty()) html += "<option value=\"\">" + escape(placeholder) + "</option>\n";
    for (const auto& o : options) {
        html += "<option value=\"" + escape(o.value) + "\"" + (o.value == f.value ? " selected" : "") + ">" +
                escape(o.label) + "</option>\n";
    }
    html += "</select>\n</div>\n";
    return html;
}

std::string radios(const Field& f, const std::vector<Option>& options, bool inline_items) {
    std::string html = group_open(f);
    html += "<fieldset class=\"govuk-fieldset\"" + described_by(f) + ">\n";
    html += "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(f.label) + "</legend>\n";
    html += hint_html(f) + error_html(f);
    html += std::string("<div class=\"govuk-radios") + (inline_items ? " govuk-radios--inline" : "") +
            "\" data-module=\"govuk-radios\">\n";
    for (std::size_t i = 0; i < options.size(); ++i) {
        const auto& o = options[i];
        // The first radio carries the field's own id, so the error summary link lands on it.
        const std::string id = i == 0 ? id_for(f.name) : id_for(f.name) + "-" + std::to_string(i + 1);
        html += "<div class=\"govuk-radios__item\">\n<input class=\"govuk-radios__input\" id=\"" + id + "\" name=\"" +
                escape(f.name) + "\" type=\"radio\" value=\"" + escape(o.value) + "\"" +
                (o.value == f.value ? " checked" : "") + (o.hint.empty() ? "" : " aria-describedby=\"" + id + "-item-hint\"") +
                ">\n<label class=\"govuk-label govuk-radios__label\" for=\"" + id + "\">" + escape(o.label) +
                "</label>\n";
        if (!o.hint.empty()) {
            html += "<div id=\"" + id + "-item-hint\" class=\"govuk-hint govuk-radios__hint\">" + escape(o.hint) +
                    "</div>\n";
        }
        html += "</div>\n";
    }
    html += "</div>\n</fieldset>\n</div>\n";
    return html;
}

std::string textarea(const Field& f, int rows) {
    std::string html = group_open(f);
    html += "<label class=\"govuk-label\" for=\"" + id_for(f.name) + "\">" + escape(f.label) + "</label>\n";
    html += hint_html(f) + error_html(f);
    html += "<textarea class=\"govuk-textarea" + std::string(f.error.empty() ? "" : " govuk-textarea--error") +
            "\" id=\"" + id_for(f.name) + "\" name=\"" + escape(f.name) + "\" rows=\"" + std::to_string(rows) + "\"" +
            described_by(f) + ">" + escape(f.value) + "</textarea>\n</div>\n";
    return html;
}

std::string checkboxes(const Field& f, const std::vector<Option>& options, const std::vector<std::string>& checked) {
    std::string html = group_open(f);
    html += "<fieldset class=\"govuk-fieldset\"" + described_by(f) + ">\n";
    html += "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(f.label) + "</legend>\n";
    html += hint_html(f) + error_html(f);
    html += "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">\n";
    for (std::size_t i = 0; i < options.size(); ++i) {
        const auto& o = options[i];
        const std::string id = i == 0 ? id_for(f.name) : id_for(f.name) + "-" + std::to_string(i + 1);
        const bool on = std::find(checked.begin(), checked.end(), o.value) != checked.end();
        html += "<div class=\"govuk-checkboxes__item\">\n<input class=\"govuk-checkboxes__input\" id=\"" + id +
                "\" name=\"" + escape(f.name) + "\" type=\"checkbox\" value=\"" + escape(o.value) + "\"" +
                (on ? " checked" : "") + ">\n<label class=\"govuk-label govuk-checkboxes__label\" for=\"" + id + "\">" +
                escape(o.label) + "</label>\n</div>\n";
    }
    html += "</div>\n</fieldset>\n</div>\n";
    return html;
}

std::string error_summary(const FieldErrors& errors) {
    if (errors.empty()) return {};
    std::string html =
        "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n"
        "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>\n<div class=\"govuk-error-summary__body\">\n"
        "<ul class=\"govuk-list govuk-error-summary__list\">\n";
    for (const auto& e : errors) {
        if (e.field.empty()) {
            html += "<li>" + escape(e.message) + "</li>\n";
        } else {
            html += "<li><a href=\"#" + escape(e.field) + "\">" + escape(e.message) + "</a></li>\n";
        }
    }
    html += "</ul>\n</div>\n</div>\n</div>\n";
    return html;
}

}  // namespace assure::web
