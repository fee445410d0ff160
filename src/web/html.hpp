#pragma once
// HTML escaping and the GOV.UK Frontend components that forms are built from. Every function
// escapes what it is given; its output is safe to place with {{{ }}} in a template.
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"

namespace assure::web {

std::string escape(std::string_view text);
std::string url_encode(std::string_view text);  // percent-encodes all but unreserved characters
std::string grouped(long long n);                // 24492 -> "24,492", as GOV.UK writes numbers

struct Option {
    std::string value;
    std::string label;
    std::string hint = {};
};

// The message for `field` in `errors`, or "" if it has none.
std::string error_for(const FieldErrors& errors, std::string_view field);

struct Field {
    std::string name;
    std::string label;
    std::string value;
    std::string error;
    std::string hint = {};
    std::string autocomplete = {};
    std::string type = "text";
    std::string width_class = {};  // e.g. "govuk-input--width-20"
    bool spellcheck = true;
};

std::string text_input(const Field& f);
std::string select(const Field& f, const std::vector<Option>& options, std::string_view placeholder);
std::string radios(const Field& f, const std::vector<Option>& options, bool inline_items = false);
std::string textarea(const Field& f, int rows = 5);
// The GOV.UK date input: day, month and year boxes named NAME-day, NAME-month, NAME-year, which
// Ctx::form(NAME) reads back as one "YYYY-MM-DD". `f.value` is ISO (or as typed).
std::string date_input(const Field& f);
// Several values under one name; `checked` holds the values ticked.
std::string checkboxes(const Field& f, const std::vector<Option>& options, const std::vector<std::string>& checked);
// Links each message to the field it belongs to, as the GOV.UK pattern asks.
std::string error_summary(const FieldErrors& errors);

}  // namespace assure::web
