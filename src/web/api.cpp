// JSON API /api/v1/: bearer tokens, JSON bodies, problem+json errors.
#include <string_view>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "web/areas.hpp"
#include "web/directory_query.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"

namespace assure::web::embedded_templates {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure::web {
namespace {

// Reads string fields, collecting a field error for any value of the wrong type.
class JsonFields {
public:
    explicit JsonFields(const nlohmann::json& body) : body_(body) {}
    std::string text(const std::string& name, const std::string& fallback = {}) {
        if (!body_.contains(name) || body_[name].is_null()) return fallback;
        if (!body_[name].is_string()) {
            errors_.push_back({name, name + " must be a string"});
            return fallback;
        }
        return body_[name].get<std::string>();
    }
    std::string id_text(const std::string& name, const std::string& fallback = {}) {
        if (!body_.contains(name)) return fallback;
        if (body_[name].is_null()) return "none";
        if (!body_[name].is_number_integer()) {
            errors_.push_back({name, name + " must be an integer or null"});
            return fallback;
        }
        return std::to_string(body_[name].get<std::int64_t>());
    }
    int version() {
        if (!body_.contains("version") || !body_["version"].is_number_integer()) {
            errors_.push_back({"version", "Send the version you last read, as an integer"});
            return -1;
        }
        return body_["version"].get<int>();
    }
    void check() const {
        if (!errors_.empty()) throw Failure::invalid(errors_);
    }

private:
    const nlohmann::json& body_;
    FieldErrors errors_;
};

template <class T>
nlohmann::json page_json(const Page<T>& page) {
    auto items = nlohmann::json::array();
    for (const auto& item : page.items) items.push_back(to_json(item));
    return list_body(std::move(items), page.next);
}

AgencyInput agency_input(JsonFields& f, const Agency* current) {
    return {f.text("name", current ? current->name : ""),
            f.text("kind", current ? std::string(agency_kind_key(current->kind)) : ""),
            f.text("statutory_role", current ? std::string(statutory_role_key(current->statutory_role)) : "none"),
            f.text("sector", current ? current->sector : ""),
            f.text("chief_officer", current ? current->chief_officer : ""),
            f.text("organisation_code", current ? current->organisation_code : "")};
}

PersonInput person_input(JsonFields& f, const Person* current) {
    std::string agency = current ? (current->agency.valid() ? current->agency.str() : "none") : "";
    return {f.text("name", current ? current->name : ""), f.text("job_title", current ? current->job_title : ""),
            f.id_text("agency_id", agency), f.text("email", current ? current->email : "")};
}

void add_agency_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/agencies", Permission::view_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          json(ctx, 200, page_json(find_agencies(s, ctx.who(), agency_query(ctx))));
                      },
                      "/api/v1/agencies"});
    routes.push_back({"POST", "/api/v1/agencies", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          JsonFields f(*body);
                          const auto in = agency_input(f, nullptr);
                          f.check();
                          const auto a = create_agency(s, ctx.who(), in);
                          ctx.res.set_header("Location", "/api/v1/agencies/" + a.id.str());
                          json(ctx, 201, to_json(a));
                      },
                      "/api/v1/agencies"});
    routes.push_back({"GET", R"(/api/v1/agencies/(\d+))", Permission::view_directory, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, to_json(get_agency(s, ctx.who(), AgencyId{ctx.path_id()}))); },
                      "/api/v1/agencies/1"});
    routes.push_back({"PATCH", R"(/api/v1/agencies/(\d+))", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          const Agency current = get_agency(s, ctx.who(), AgencyId{ctx.path_id()});
                          JsonFields f(*body);
                          const auto in = agency_input(f, &current);
                          const int version = f.version();
                          f.check();
                          Agency a = update_agency(s, ctx.who(), current.id, version, in);
                          if (body->contains("active") && body->at("active").is_boolean() &&
                              body->at("active").get<bool>() != a.active) {
                              a = set_agency_active(s, ctx.who(), a.id, a.version, body->at("active").get<bool>());
                          }
                          json(ctx, 200, to_json(a));
                      },
                      "/api/v1/agencies/1"});
}

void add_people_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/people", Permission::view_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          json(ctx, 200, page_json(find_people(s, ctx.who(), person_query(ctx, "agency_id"))));
                      },
                      "/api/v1/people"});
    routes.push_back({"POST", "/api/v1/people", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          JsonFields f(*body);
                          const auto in = person_input(f, nullptr);
                          f.check();
                          const auto p = create_person(s, ctx.who(), in);
                          ctx.res.set_header("Location", "/api/v1/people/" + p.id.str());
                          json(ctx, 201, to_json(p));
                      },
                      "/api/v1/people"});
    routes.push_back({"GET", R"(/api/v1/people/(\d+))", Permission::view_directory, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, to_json(get_person(s, ctx.who(), PersonId{ctx.path_id()}))); },
                      "/api/v1/people/1"});
    routes.push_back({"PATCH", R"(/api/v1/people/(\d+))", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          const Person current = get_person(s, ctx.who(), PersonId{ctx.path_id()});
                          JsonFields f(*body);
                          const auto in = person_input(f, &current);
                          const int version = f.version();
                          f.check();
                          Person p = update_person(s, ctx.who(), current.id, version, in);
                          if (body->contains("active") && body->at("active").is_boolean() &&
                              body->at("active").get<bool>() != p.active) {
                              p = set_person_active(s, ctx.who(), p.id, p.version, body->at("active").get<bool>());
                          }
                          json(ctx, 200, to_json(p));
                      },
                      "/api/v1/people/1"});
}

}  // namespace

std::string_view openapi_document() {
    for (const auto& [path, text] : embedded_templates::files()) {
        if (path == "docs/openapi.json") return text;
    }
    return "{}";
}

void add_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/openapi.json", Permission::public_access, Surface::api,
                      [](Ctx& ctx) {
                          ctx.res.status = 200;
                          ctx.res.set_content(std::string(openapi_document()), "application/json");
                      },
                      "/api/v1/openapi.json"});
    routes.push_back({"GET", "/api/v1/me", Permission::signed_in, Surface::api,
                      [](Ctx& ctx) {
                          json(ctx, 200,
                               {{"user_id", ctx.who().user.value},
                                {"label", ctx.who().label},
                                {"role", role_key(ctx.who().role)},
                                {"partnership_id", ctx.who().partnership.value}});
                      },
                      "/api/v1/me"});
    add_agency_api(routes, s);
    add_people_api(routes, s);
}

}  // namespace assure::web
