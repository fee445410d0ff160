#pragma once
// Mustache templates compiled into the binary, rendered inside the GOV.UK layout.
#include <kainjow/mustache.hpp>

#include <string>

#include "app/context.hpp"
#include "core/failure.hpp"
#include "web/routes.hpp"

namespace assure::web {

using Data = kainjow::mustache::data;

// "partnership/agencies" -> the rendered template; throws if there is no such template.
std::string render(const std::string& name, const Data& data);

struct PageOptions {
    std::string title;          // the h1 and the <title>
    std::string nav = {};       // key of the service navigation item to mark current
    FieldErrors errors = {};    // puts "Error: " before the title when not empty
    int status = 200;
    // A GOV.UK back link above the page's content, to where the page sits ("/agencies",
    // "Back to agencies"); none when empty.
    std::string back_href = {};
    std::string back_text = {};
};

// Renders `template_name` with `data`, wraps it in the layout and writes the response.
void page(Ctx& ctx, const std::string& template_name, Data data, const PageOptions& options);

// The body of error pages (404, 403, 409, 500) in the same layout.
void error_page(Ctx& ctx, int status);

// 303 See Other to `to`: the answer to a form that saved.
void redirect(Ctx& ctx, const std::string& to);
// The address this site was reached at, "https://assure.example.org": where links in mail start.
std::string site_of(const Ctx& ctx);
// A whole-number form field, or -1 if it is missing or not a number.
int form_int(const Ctx& ctx, const std::string& name);

// The rules of the signed-in person's partnership: its priorities, limits and standards.
PartnershipRules partnership_rules(Services& s, const Ctx& ctx);

Data list_of(std::initializer_list<Data> items);
inline Data flag(bool b) { return b ? Data(Data::type::bool_true) : Data(Data::type::bool_false); }
// Text that a template tests with {{#name}}: mustache opens a section for "" too, so empty
// text becomes false.
inline Data optional_text(const std::string& text) { return text.empty() ? flag(false) : Data(text); }

}  // namespace assure::web
