// JSON API for a partnership's settings and, for the administrators of a shared service, its
// partnerships. The settings are one flat object: each key is the name the settings pages and
// field errors use, so what GET returns can be changed and sent back with PATCH.
#include "app/partnership.hpp"
#include "web/areas.hpp"
#include "web/problem.hpp"

namespace assure::web {
namespace {

using Json = nlohmann::json;

Json standards_json(const std::vector<AuditStandard>& standards) {
    Json a = Json::array();
    for (const auto& s : standards) a.push_back({{"code", s.code}, {"title", s.title}, {"prompt", s.prompt}});
    return a;
}

Json partnership_json(const Partnership& p) {
    return {{"id", p.id.value}, {"slug", p.slug}, {"name", p.name}, {"area", p.area}, {"logo_text", p.logo_text}};
}

Json settings_json(const PartnershipSettings& settings) {
    const auto& r = settings.rules;
    Json j = partnership_json(settings.partnership);
    j["version"] = settings.partnership.version;
    j["rules_name"] = r.reviews.name;
    j["rapid_review_anchor"] = anchor_key(r.reviews.rapid_review_anchor);
    for (const auto& n : number_settings()) j[std::string(n.key)] = n.get(r);
    for (const auto& f : flag_settings()) j[std::string(f.key)] = f.get(r);
    Json cycle = Json::array();
    for (const auto& m : r.governance.annual_cycle) cycle.push_back({{"month", m.month}, {"label", m.label}});
    j["annual_cycle"] = cycle;
    j["priorities"] = r.learning.priorities;
    j["section_11"] = standards_json(r.learning.section_11);
    j["section_175"] = standards_json(r.learning.section_175);
    return j;
}

// A list of objects whose members are all strings (or, for `number_key`, a whole number).
std::optional<std::vector<std::map<std::string, std::string>>> object_list(const Json& body, const std::string& key,
                                                                          const std::vector<std::string>& members,
                                                                          const std::string& number_key, FieldErrors& errors) {
    if (!body.contains(key)) return std::nullopt;
    const std::string shape = key + " must be a list of objects with " + [&] {
        std::string names;
        for (const auto& m : members) names += (names.empty() ? "" : ", ") + m;
        return names;
    }();
    if (!body[key].is_array()) {
        errors.push_back({key, shape});
        return std::nullopt;
    }
    std::vector<std::map<std::string, std::string>> out;
    for (const auto& item : body[key]) {
        std::map<std::string, std::string> values;
        for (const auto& m : members) {
            const Json* v = item.is_object() && item.contains(m) ? &item[m] : nullptr;
            if (v && m == number_key && v->is_number_integer()) {
                values[m] = std::to_string(v->get<std::int64_t>());
            } else if (v && v->is_string() && m != number_key) {
                values[m] = v->get<std::string>();
            } else if (m == "prompt" && (!v || v->is_null())) {
                values[m] = "";
            } else {
                errors.push_back({key, shape});
                return std::nullopt;
            }
        }
        out.push_back(std::move(values));
    }
    return out;
}

// What a PATCH body asks to change, as the settings pages would send it.
SettingsChange change_from_json(const Json& body, const Partnership& current, FieldErrors& errors) {
    SettingsChange change;
    for (const auto& [key, value] : body.items()) {
        if (key == "version" || key == "id" || key == "slug" || key == "annual_cycle" || key == "priorities" || key == "section_11" ||
            key == "section_175") {
            continue;
        }
        if (value.is_string()) {
            change.values[key] = value.get<std::string>();
        } else if (value.is_number_integer()) {
            change.values[key] = std::to_string(value.get<std::int64_t>());
        } else if (value.is_boolean()) {
            change.values[key] = value.get<bool>() ? "yes" : "no";
        } else {
            errors.push_back({key, key + " must be a string, a whole number or true/false"});
        }
    }
    // What GET returned may come back whole: an id or short name is fine if it is unchanged.
    if (body.contains("slug") && body["slug"] != current.slug) errors.push_back({"slug", "A partnership's short name cannot be changed"});
    if (body.contains("id") && body["id"] != current.id.value) errors.push_back({"id", "The settings are those of your own partnership"});
    if (body.contains("priorities")) {
        const auto& p = body["priorities"];
        const bool strings = p.is_array() && std::all_of(p.begin(), p.end(), [](const Json& v) { return v.is_string(); });
        if (strings) change.priorities = p.get<std::vector<std::string>>();
        else errors.push_back({"priorities", "priorities must be a list of names"});
    }
    if (auto cycle = object_list(body, "annual_cycle", {"month", "label"}, "month", errors)) {
        change.annual_cycle.emplace();
        for (auto& m : *cycle) change.annual_cycle->push_back({m["month"], m["label"]});
    }
    for (const char* key : {"section_11", "section_175"}) {
        if (auto list = object_list(body, key, {"code", "title", "prompt"}, "", errors)) {
            std::vector<AuditStandard> standards;
            for (auto& s : *list) standards.push_back({s["code"], s["title"], s["prompt"]});
            (std::string(key) == "section_11" ? change.section_11 : change.section_175) = std::move(standards);
        }
    }
    return change;
}

}  // namespace

void add_settings_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/partnership", Permission::view_directory, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, settings_json(read_settings(s, ctx.who()))); }, "/api/v1/partnership"});
    routes.push_back({"PATCH", "/api/v1/partnership", Permission::edit_partnership, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "Send the version you last read, as an integer");
                              const PartnershipSettings current = read_settings(s, ctx.who());
                              SettingsChange change = change_from_json(b.j, current.partnership, b.errors);
                              b.check();
                              json(ctx, 200, settings_json(change_settings(s, ctx.who(), version, change)));
                          });
                      },
                      "/api/v1/partnership"});
    routes.push_back({"GET", "/api/v1/partnerships", Permission::manage_partnerships, Surface::api,
                      [&s](Ctx& ctx) {
                          Json items = Json::array();
                          for (const auto& p : list_partnerships(s, ctx.who())) items.push_back(partnership_json(p));
                          // A service holds tens of partnerships, not thousands: one page, no cursor.
                          json(ctx, 200, Json{{"items", items}, {"next", nullptr}});
                      },
                      "/api/v1/partnerships"});
    routes.push_back({"POST", "/api/v1/partnerships", Permission::manage_partnerships, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              NewPartnershipInput in;
                              in.partnership.slug = b.text("slug");
                              in.partnership.name = b.text("name");
                              in.partnership.area = b.text("area");
                              in.partnership.logo_text = b.text("logo_text");
                              in.admin_name = b.text("admin_name");
                              in.admin_job_title = b.text("admin_job_title");
                              in.admin_email = b.text("admin_email");
                              in.admin_password = b.text("admin_password");
                              b.check();
                              const PartnershipSettings made = create_partnership(s, ctx.who(), in);
                              json(ctx, 201, partnership_json(made.partnership));
                          });
                      },
                      "/api/v1/partnerships"});
}

}  // namespace assure::web
