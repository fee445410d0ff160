// Pages of a partnership's own settings: a summary with one form per section, and, for the
// administrators of a shared service, the list of partnerships and the form that adds one.
#include "app/partnership.hpp"
#include "app/review_panels.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/settings_text.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

constexpr SettingsSection kSections[] = {SettingsSection::profile, SettingsSection::reviews, SettingsSection::governance,
                                         SettingsSection::learning, SettingsSection::registers, SettingsSection::sign_in};

Data row(const std::string& label, const std::vector<std::string>& lines) {
    Data r;
    r.set("label", label);
    Data list{Data::type::list};
    for (const auto& l : lines) list.push_back(Data(l.empty() ? std::string("Not set") : l));
    r.set("lines", list);
    return r;
}

// What the summary shows for one section: every setting, as words.
Data section_rows(SettingsSection section, const PartnershipSettings& settings) {
    const auto& p = settings.partnership;
    const auto& r = settings.rules;
    Data rows{Data::type::list};
    switch (section) {
        case SettingsSection::profile:
            rows.push_back(row("Name", {p.name}));
            rows.push_back(row("Area", {p.area}));
            rows.push_back(row("Text beside the logo", {p.logo_text.empty() ? "The name" : p.logo_text}));
            break;
        case SettingsSection::reviews:
            rows.push_back(row("Name of these rules", {r.reviews.name}));
            rows.push_back(row("A rapid review's working days start on the", {std::string(anchor_label(r.reviews.rapid_review_anchor))}));
            break;
        case SettingsSection::governance:
            rows.push_back(row("Annual cycle", cycle_lines(r.governance.annual_cycle)));
            break;
        case SettingsSection::learning:
            rows.push_back(row("Priorities", r.learning.priorities));
            rows.push_back(row("Section 11 standards", standard_lines(r.learning.section_11)));
            rows.push_back(row("Section 175 standards", standard_lines(r.learning.section_175)));
            break;
        case SettingsSection::registers:
        case SettingsSection::sign_in:
            break;  // numbers and yes-or-no questions only
    }
    for (const auto& n : number_settings()) {
        if (n.section == section) rows.push_back(row(std::string(n.label), {std::to_string(n.get(r))}));
    }
    for (const auto& f : flag_settings()) {
        if (f.section == section) rows.push_back(row(std::string(f.label), {f.get(r) ? "Yes" : "No"}));
    }
    return rows;
}

void summary_page(Services& s, Ctx& ctx) {
    const PartnershipSettings settings = read_settings(s, ctx.who());
    Data sections{Data::type::list};
    for (const auto section : kSections) {
        Data d;
        d.set("key", std::string(section_key(section)));
        d.set("label", std::string(section_label(section)));
        d.set("rows", section_rows(section, settings));
        sections.push_back(d);
    }
    Data partners{Data::type::list};
    bool any_partner = false;
    for (const auto& a : list_agencies(s, ctx.who(), false)) {
        if (a.kind != AgencyKind::statutory_partner) continue;
        Data d;
        d.set("id", a.id.str());
        d.set("name", a.name);
        d.set("role", std::string(statutory_role_label(a.statutory_role)));
        partners.push_back(d);
        any_partner = true;
    }
    Data data;
    data.set("name", settings.partnership.name);
    data.set("sections", sections);
    data.set("partners_count", flag(any_partner));
    data.set("partners", partners);
    data.set("saved", flag(ctx.query("saved") == "1"));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_partnerships)));
    const auto review_group = read_review_group(s, ctx.who()).group;
    data.set("review_group", review_group ? review_group->name : "None named: any account may sit on a case's panel");
    page(ctx, "settings/settings", data, PageOptions{"Partnership settings", "settings"});
}

// A section's form: what was posted when redisplaying errors, else the stored settings.
void section_form(Ctx& ctx, SettingsSection section, const PartnershipSettings& settings, int version, const FieldErrors& errors,
                  int status) {
    const bool posted = ctx.req.method == "POST";
    const auto& r = settings.rules;
    auto value = [&](const std::string& name, const std::string& stored) { return posted ? ctx.form(name) : stored; };
    Data fields{Data::type::list};
    auto add = [&](std::string html) {
        Data d;
        d.set("html", std::move(html));
        fields.push_back(d);
    };
    const auto& p = settings.partnership;
    switch (section) {
        case SettingsSection::profile:
            add(text_input(Field{"name", "Name", value("name", p.name), error_for(errors, "name"), "", "organization"}));
            add(text_input(Field{"area", "Area it covers", value("area", p.area), error_for(errors, "area"),
                                 "The local authority area, for example Knowsley", "", "text", "govuk-input--width-20"}));
            add(text_input(Field{"logo_text", "Text beside the logo (optional)", value("logo_text", p.logo_text),
                                 error_for(errors, "logo_text"), "Shown at the top of every page. Leave blank to show the name."}));
            break;
        case SettingsSection::reviews:
            add(text_input(Field{"rules_name", "Name of these rules", value("rules_name", r.reviews.name), error_for(errors, "rules_name"),
                                 "Each case keeps the name of the rules it was notified under, for example wt2023-local",
                                 "off", "text", "govuk-input--width-20", false}));
            add(radios(Field{"rapid_review_anchor", "A rapid review's working days start on the",
                             value("rapid_review_anchor", std::string(anchor_key(r.reviews.rapid_review_anchor))),
                             error_for(errors, "rapid_review_anchor")},
                       {{"became_aware", std::string(anchor_label(RapidReviewAnchor::became_aware))},
                        {"notification", std::string(anchor_label(RapidReviewAnchor::notification))}}));
            break;
        case SettingsSection::governance:
            add(textarea(Field{"annual_cycle", "Annual cycle", value("annual_cycle", cycle_text(r.governance.annual_cycle)),
                               error_for(errors, "annual_cycle"),
                               "One milestone a line: the month, a colon, then what happens, for example "
                               "\"September: Annual report published\". The forward plan shows them."},
                         7));
            break;
        case SettingsSection::learning:
            add(textarea(Field{"priorities", "Priorities", value("priorities", lines_text(r.learning.priorities)),
                               error_for(errors, "priorities"),
                               "One a line. Learning, recommendations and actions are tagged with them. Records tagged with a "
                               "priority you remove keep it."},
                         5));
            add(textarea(Field{"section_11", "Section 11 standards", value("section_11", standards_text(r.learning.section_11)),
                               error_for(errors, "section_11"),
                               "One a line: code | title | what the agency is asked to show. A cycle keeps the standards it "
                               "opened with."},
                         10));
            add(textarea(Field{"section_175", "Section 175 standards", value("section_175", standards_text(r.learning.section_175)),
                               error_for(errors, "section_175"), "One a line: code | title | what the school is asked to show."},
                         8));
            break;
        case SettingsSection::registers:
        case SettingsSection::sign_in:
            break;  // numbers and yes-or-no questions only
    }
    for (const auto& n : number_settings()) {
        if (n.section != section) continue;
        const std::string key(n.key);
        add(text_input(Field{key, std::string(n.label), value(key, std::to_string(n.get(r))), error_for(errors, key),
                             std::string(n.hint), "off", "text", "govuk-input--width-4", false}));
    }
    for (const auto& f : flag_settings()) {
        if (f.section != section) continue;
        const std::string key(f.key);
        add(radios(Field{key, std::string(f.label), value(key, f.get(r) ? "yes" : "no"), error_for(errors, key), std::string(f.hint)},
                   {{"yes", "Yes"}, {"no", "No"}}, true));
    }
    Data data;
    data.set("key", std::string(section_key(section)));
    data.set("heading", std::string(section_label(section)));
    data.set("version", std::to_string(version));
    data.set("fields", fields);
    page(ctx, "settings/settings_form", data,
         PageOptions{std::string(section_label(section)) + " settings", "settings", errors, status});
}

void save_section(Services& s, Ctx& ctx, SettingsSection section) {
    const int version = form_int(ctx, "version");
    try {
        change_settings(s, ctx.who(), version, change_from_form(ctx, section));
        redirect(ctx, "/settings?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        section_form(ctx, section, read_settings(s, ctx.who()), version, f.fields(), 422);
    }
}

// ---- partnerships on the service ------------------------------------------------------

void partnership_form(Ctx& ctx, const FieldErrors& errors, int status) {
    auto field = [&](const std::string& name, const std::string& label, const std::string& hint, const std::string& autocomplete = "",
                     const std::string& type = "text") {
        return text_input(Field{name, label, type == "password" ? "" : ctx.form(name), error_for(errors, name), hint, autocomplete, type,
                                {}, type != "password" && type != "email"});
    };
    Data data;
    data.set("name_html", field("name", "Name", "For example Knowsley Safeguarding Children Partnership"));
    data.set("area_html", field("area", "Area it covers", "The local authority area, for example Knowsley"));
    data.set("slug_html", field("slug", "Short name", "Lower-case letters, digits and hyphens, for example knowsley"));
    data.set("logo_text_html", field("logo_text", "Text beside the logo (optional)", "Leave blank to show the name"));
    data.set("admin_name_html", field("admin_name", "Full name", "", "name"));
    data.set("admin_job_title_html", field("admin_job_title", "Job title", "", "organization-title"));
    data.set("admin_email_html", field("admin_email", "Email address", "They sign in with it", "email", "email"));
    data.set("admin_password_html", field("admin_password", "Temporary password",
                                          "At least 12 characters. Give it to them securely.", "new-password", "password"));
    page(ctx, "settings/partnership_form", data, PageOptions{"Add a partnership", "settings", errors, status});
}

void partnerships_page(Services& s, Ctx& ctx) {
    Data rows{Data::type::list};
    for (const auto& p : list_partnerships(s, ctx.who())) {
        Data d;
        d.set("name", p.name);
        d.set("area", p.area);
        d.set("slug", p.slug);
        rows.push_back(d);
    }
    Data data;
    data.set("partnerships", rows);
    data.set("saved", flag(ctx.query("saved") == "1"));
    page(ctx, "settings/partnerships", data, PageOptions{"Partnerships on this service", "settings"});
}

void add_partnership(Services& s, Ctx& ctx) {
    NewPartnershipInput in;
    in.partnership.slug = ctx.form("slug");
    in.partnership.name = ctx.form("name");
    in.partnership.area = ctx.form("area");
    in.partnership.logo_text = ctx.form("logo_text");
    in.admin_name = ctx.form("admin_name");
    in.admin_job_title = ctx.form("admin_job_title");
    in.admin_email = ctx.form("admin_email");
    in.admin_password = ctx.form("admin_password");
    try {
        create_partnership(s, ctx.who(), in);
        redirect(ctx, "/partnerships?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        partnership_form(ctx, f.fields(), 422);
    }
}

}  // namespace

void add_settings_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/settings", Permission::edit_partnership, Surface::page, [&s](Ctx& ctx) { summary_page(s, ctx); },
                      "/settings"});
    for (const auto section : kSections) {
        const std::string path = "/settings/" + std::string(section_key(section));
        routes.push_back({"GET", path, Permission::edit_partnership, Surface::page,
                          [&s, section](Ctx& ctx) {
                              const PartnershipSettings settings = read_settings(s, ctx.who());
                              section_form(ctx, section, settings, settings.partnership.version, {}, 200);
                          },
                          path});
        routes.push_back({"POST", path, Permission::edit_partnership, Surface::page,
                          [&s, section](Ctx& ctx) { save_section(s, ctx, section); }, path});
    }
    routes.push_back({"GET", "/partnerships", Permission::manage_partnerships, Surface::page,
                      [&s](Ctx& ctx) { partnerships_page(s, ctx); }, "/partnerships"});
    routes.push_back({"GET", "/partnerships/new", Permission::manage_partnerships, Surface::page,
                      [](Ctx& ctx) { partnership_form(ctx, {}, 200); }, "/partnerships/new"});
    routes.push_back({"POST", "/partnerships", Permission::manage_partnerships, Surface::page,
                      [&s](Ctx& ctx) { add_partnership(s, ctx); }, "/partnerships"});
}

}  // namespace assure::web
