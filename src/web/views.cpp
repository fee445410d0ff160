#include "core/labels.hpp"
#include "web/views.hpp"

#include <charconv>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "app/partnership.hpp"
#include "web/html.hpp"

namespace assure::web::embedded_templates {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure::web {
namespace {

using Template = kainjow::mustache::mustache;

// Parsed once per thread: kainjow's renderer keeps per-render state in the template object,
// so threads must not share one.
Template& compiled(const std::string& name) {
    thread_local std::map<std::string, std::unique_ptr<Template>, std::less<>> cache;
    if (auto it = cache.find(name); it != cache.end()) return *it->second;
    const std::string path = "templates/" + name + ".mustache";
    for (const auto& [file, text] : embedded_templates::files()) {
        if (file == path) {
            auto t = std::make_unique<Template>(std::string(text));
            if (!t->is_valid()) throw std::logic_error("template " + name + ": " + t->error_message());
            return *cache.emplace(name, std::move(t)).first->second;
        }
    }
    throw std::logic_error("no template " + name);
}

struct NavItem {
    const char* key;
    const char* label;
    const char* href;
    Permission permission;
};

constexpr NavItem kNav[] = {
    {"home", "Home", "/", Permission::signed_in},
    {"agencies", "Agencies", "/agencies", Permission::view_directory},
    {"people", "People", "/people", Permission::view_directory},
    {"groups", "Groups", "/groups", Permission::view_governance},
    {"actions", "Meeting actions", "/actions", Permission::view_governance},
    {"reviews", "Reviews", "/reviews", Permission::view_reviews},
    {"learning", "Learning", "/learning", Permission::view_learning},
    {"improvement", "Action plan", "/improvement", Permission::view_learning},
    {"audits", "Audits", "/audits", Permission::view_learning},
    {"users", "User accounts", "/users", Permission::manage_users},
    {"approvals", "Role approvals", "/users/approvals", Permission::approve_roles},
    {"audit", "Audit trail", "/audit", Permission::view_audit},
    {"settings", "Settings", "/settings", Permission::edit_partnership},
    {"registers", "Registers", "/registers", Permission::view_finance},
    {"dataset", "Scorecard", "/dataset", Permission::view_dataset},
    {"training", "Training", "/training", Permission::view_training},
    {"outbox", "Outbox", "/outbox", Permission::view_outbox},
    {"reports", "Yearly report", "/reports", Permission::view_report},
    {"publications", "Public site", "/publications", Permission::view_report},
};

}  // namespace

std::string render(const std::string& name, const Data& data) { return compiled(name).render(data); }

std::string site_of(const Ctx& ctx) {
    const std::string host = ctx.req.get_header_value("Host");
    return std::string(ctx.secure ? "https://" : "http://") + (host.empty() ? "localhost" : host);
}

void redirect(Ctx& ctx, const std::string& to) {
    ctx.res.status = 303;
    ctx.res.set_header("Location", to);
}

int form_int(const Ctx& ctx, const std::string& name) {
    const std::string raw = ctx.form(name);
    int v = 0;
    const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (raw.empty() || r.ec != std::errc{} || r.ptr != raw.data() + raw.size()) return -1;
    return v;
}

PartnershipRules partnership_rules(Services& s, const Ctx& ctx) { return read_settings(s, ctx.who()).rules; }

Data list_of(std::initializer_list<Data> items) {
    Data list{Data::type::list};
    for (const auto& item : items) list.push_back(item);
    return list;
}

void page(Ctx& ctx, const std::string& template_name, Data data, const PageOptions& options) {
    data.set("csrf_token", ctx.csrf_token);
    data.set("error_summary_html", error_summary(options.errors));
    const std::string body = render(template_name, data);

    Data layout;
    layout.set("title", (options.errors.empty() ? "" : "Error: ") + options.title);
    layout.set("content", body);
    layout.set("nonce", ctx.nonce);
    layout.set("csrf_token", ctx.csrf_token);
    if (!options.back_href.empty()) {
        layout.set("back_href", options.back_href);
        layout.set("back_text", options.back_text);
    }
    if (ctx.actor) {
        Data nav{Data::type::list};
        for (const auto& item : kNav) {
            if (!ctx.actor->can(item.permission)) continue;
            Data entry;
            entry.set("label", item.label);
            entry.set("href", item.href);
            entry.set("current", flag(options.nav == item.key));
            nav.push_back(entry);
        }
        layout.set("nav", nav);
        layout.set("signed_in", flag(true));
        if (!ctx.service_name.empty()) layout.set("service_name", ctx.service_name);
        layout.set("user_label", name_in_label(ctx.actor->label));  // people by name, as in histories
        layout.set("role_label", std::string(role_label(ctx.actor->role)));
    }
    ctx.res.status = options.status;
    ctx.res.set_content(render("layout/page", layout), "text/html; charset=utf-8");
}

void error_page(Ctx& ctx, int status) {
    struct Text {
        int status;
        const char* title;
        const char* body;
    };
    static constexpr Text texts[] = {
        {403, "You do not have permission to see this page",
         "Your account does not allow this. If you think it should, contact your partnership's business unit."},
        {404, "Page not found",
         "If you typed the web address, check it is correct. If you pasted the web address, check you copied the "
         "entire address."},
        {409, "Someone else changed this record",
         "It was changed after you opened it, so your change was not saved. Go back, reload the page to see the "
         "latest version, and make your change again."},
        {413, "The information you sent is too large", "Shorten what you entered and try again."},
        {500, "Sorry, there is a problem with the service",
         "Try again later. Nothing you entered was saved. If it keeps happening, contact your business unit."},
    };
    const Text* text = &texts[4];
    for (const auto& t : texts) {
        if (t.status == status) text = &t;
    }
    Data data;
    data.set("heading", text->title);
    data.set("body", text->body);
    page(ctx, "errors/error", data, PageOptions{text->title, "", {}, status});
}

}  // namespace assure::web
