// The child death overview panel shared by partnerships (decision 0028): the administrator's
// page, /partnerships/child-death-panel, that names the panel and ticks the partnerships on this
// server it covers, and the API, /api/v1/child-death-panel (GET for those who may see it, PUT
// for the administrator). The panel's combined figures are shown on the child deaths figures.
#include "app/partnership.hpp"
#include "web/problem.hpp"
#include "web/registers_views.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kPage = "/partnerships/child-death-panel";

std::string members_words(const DeathPanelShown& p) {
    std::string out;
    for (std::size_t i = 0; i < p.members.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == p.members.size() ? " and " : ", ") + p.members[i].second;
    }
    return out;
}

void panel_page(Services& s, Ctx& ctx, const std::string& name, const std::vector<std::string>& ticked, const FieldErrors& errors,
                int status) {
    const auto current = read_death_panel(s, ctx.who());
    std::vector<Option> options;
    for (const auto& p : list_partnerships(s, ctx.who())) options.push_back({p.id.str(), p.name, p.area});
    Data data;
    if (current) {
        data.set("current", current->panel.name);
        data.set("members", members_words(*current));
    }
    data.set("name_html", text_input(Field{"name", "Name of the panel", name, error_for(errors, "name"),
                                           "For example, Pan-Merseyside Child Death Overview Panel"}));
    data.set("partnerships_html", checkboxes(Field{"partnerships", "Partnerships whose children's deaths it reviews", "", error_for(errors, "partnerships"),
                                                   "Tick every partnership the panel covers. A partnership sits on one panel at most: "
                                                   "ticking it here moves it off any other."},
                                             options, ticked));
    data.set("saved", flag(ctx.query("saved") == "1"));
    page(ctx, "registers/death_panel", data, PageOptions{"Child death overview panel", "settings", errors, status});
}

void show(Services& s, Ctx& ctx) {
    const auto current = read_death_panel(s, ctx.who());
    std::vector<std::string> ticked;
    if (current) {
        for (const auto& [id, name] : current->members) ticked.push_back(id.str());
    } else {
        ticked.push_back(ctx.who().partnership.str());
    }
    panel_page(s, ctx, current ? current->panel.name : "", ticked, {}, 200);
}

void save(Services& s, Ctx& ctx) {
    const std::string name = ctx.form("name");
    const std::vector<std::string> ticked = ctx.form_all("partnerships");
    try {
        set_death_panel(s, ctx.who(), name, ticked);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        panel_page(s, ctx, name, ticked, f.fields(), 422);
        return;
    }
    redirect(ctx, std::string(kPage) + "?saved=1");
}

}  // namespace

J death_panel_json(const std::optional<DeathPanelShown>& panel) {
    if (!panel) return J{{"panel", nullptr}};
    J members = J::array();
    for (const auto& [id, name] : panel->members) members.push_back({{"id", id.value}, {"name", name}});
    return J{{"panel", {{"id", panel->panel.id.value}, {"name", panel->panel.name}, {"partnerships", members}}}};
}

J death_figures_with_panel_json(const ChildDeathFigures& own, const std::optional<PanelFigures>& panel) {
    J out = death_figures_json(own);
    if (!panel) {
        out["panel"] = nullptr;
        return out;
    }
    J p = death_panel_json(panel->panel)["panel"];
    p["figures"] = death_figures_json(panel->figures);
    out["panel"] = p;
    return out;
}

void add_death_panel_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kPage, Permission::manage_partnerships, Surface::page, [&s](Ctx& ctx) { show(s, ctx); }, kPage});
    routes.push_back({"POST", kPage, Permission::manage_partnerships, Surface::page, [&s](Ctx& ctx) { save(s, ctx); }, kPage});
    // Those who see the registers read which panel their partnership sits on; the use case says who.
    routes.push_back({"GET", "/api/v1/child-death-panel", Permission::signed_in, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, death_panel_json(read_death_panel(s, ctx.who()))); }, "/api/v1/child-death-panel"});
    routes.push_back({"PUT", "/api/v1/child-death-panel", Permission::manage_partnerships, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string name = b.text("name");
                              std::vector<std::string> members;
                              if (!b.j.contains("partnerships") || !b.j["partnerships"].is_array()) {
                                  b.errors.push_back({"partnerships", "partnerships must be a list of partnership ids"});
                              } else {
                                  for (const auto& v : b.j["partnerships"]) {
                                      if (!v.is_number_integer()) {
                                          b.errors.push_back({"partnerships", "partnerships must be a list of partnership ids"});
                                          break;
                                      }
                                      members.push_back(std::to_string(v.get<std::int64_t>()));
                                  }
                              }
                              b.check();
                              json(ctx, 200, death_panel_json(set_death_panel(s, ctx.who(), name, members)));
                          });
                      },
                      "/api/v1/child-death-panel"});
}

}  // namespace assure::web::registers_web
