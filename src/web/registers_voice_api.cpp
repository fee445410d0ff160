// The voice and scrutiny registers' JSON API: /api/v1/voice and /api/v1/scrutiny, one file for
// both (decision 0028). Each: a list paged by limit and cursor ({"items", "next"}) with the
// filters kind, year, awaiting and q; its year's figures by kind at /figures?year=2016-17; one
// activity by id; POST; and PUT with the version read (409 when stale). Every point sent is kept
// as a point, so an empty one is a field error rather than dropped.
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/registers_views.hpp"

namespace assure::web::registers_web {
namespace {

J point_json(const ActivityPoint& p, const std::map<ImprovementId, std::string>& actions) {
    J action = nullptr;
    if (p.action) {
        const auto it = actions.find(*p.action);
        action = J{{"id", p.action->value}, {"text", it == actions.end() ? J(nullptr) : J(it->second)}, {"href", "/improvement/" + p.action->str()}};
    }
    return J{{"point", p.point},
             {"response", p.response.empty() ? J(nullptr) : J(p.response)},
             {"responded_on", p.responded_on ? J(p.responded_on->iso()) : J(nullptr)},
             {"action", action}};
}

J activity_json(const Activity& a, const std::map<ImprovementId, std::string>& actions = {}) {
    J points = J::array();
    for (const auto& p : a.points) points.push_back(point_json(p, actions));
    return J{{"id", a.id.value},
             {"register", std::string(strand_key(a.strand))},
             {"kind", std::string(activity_kind_key(a.kind))},
             {"title", a.title},
             {"led_by", a.led_by},
             {"held_on", a.held_on.iso()},
             {"children_heard", a.children_heard},
             {"how_heard", a.how_heard},
             {"summary", a.summary},
             {"points", points},
             {"answered", points_answered(a)},
             {"awaiting", static_cast<int>(a.points.size()) - points_answered(a)},
             {"linked", points_linked(a)},
             {"version", a.version}};
}

// The points as sent: a list of objects, each with its point and optionally its response, the
// date of the response and an action's number. A wrong shape names the list.
std::vector<ActivityPointInput> points_input(Body& b) {
    std::vector<ActivityPointInput> out;
    if (!b.j.contains("points") || b.j["points"].is_null()) return out;
    const char* message = "points must be a list of objects with point, response, responded_on and action_id";
    if (!b.j["points"].is_array()) {
        b.errors.push_back({"points", message});
        return out;
    }
    for (const auto& p : b.j["points"]) {
        if (!p.is_object()) {
            b.errors.push_back({"points", message});
            return {};
        }
        Body one{p, {}};
        ActivityPointInput in;
        in.point = one.text("point");
        in.response = one.text("response");
        in.responded_on = one.text("responded_on");
        in.action = one.value_text("action_id");
        in.sent = true;
        if (!one.errors.empty()) {
            b.errors.push_back({"points", message});
            return {};
        }
        out.push_back(std::move(in));
    }
    return out;
}

ActivityInput activity_input(Body& b) {
    ActivityInput in;
    in.kind = b.text("kind");
    in.title = b.text("title");
    in.led_by = b.text("led_by");
    in.held_on = b.text("held_on");
    in.children_heard = b.value_text("children_heard");
    in.how_heard = b.text("how_heard");
    in.summary = b.text("summary");
    in.points = points_input(b);
    return in;
}

J shown(Services& s, const Actor& actor, Strand strand, ActivityId id) {
    const auto one = read_activity(s, actor, strand, id);
    return activity_json(one.activity, one.actions);
}

void add_api(std::vector<Route>& routes, Services& s, Strand strand) {
    const std::string base = "/api/v1/" + std::string(strand_key(strand));
    const std::string one = base + R"(/(\d+))";
    routes.push_back({"GET", base, Permission::view_voice, Surface::api,
                      [&s, strand](Ctx& ctx) {
                          const auto page = list_activities(s, ctx.who(), strand, filter_from(ctx), page_request(ctx));
                          J items = J::array();
                          for (const auto& a : page.items) items.push_back(activity_json(a));
                          json(ctx, 200, list_body(items, page.next));
                      },
                      base});
    routes.push_back({"GET", base + "/figures", Permission::view_voice, Surface::api,
                      [&s, strand](Ctx& ctx) { json(ctx, 200, activity_figures_json(activity_year_figures(s, ctx.who(), strand, asked_year(s, ctx)))); },
                      base + "/figures"});
    routes.push_back({"POST", base, Permission::manage_registers, Surface::api,
                      [&s, strand](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ActivityInput in = activity_input(b);
                              b.check();
                              json(ctx, 201, shown(s, ctx.who(), strand, record_activity(s, ctx.who(), strand, in).id));
                          });
                      },
                      base});
    routes.push_back({"GET", one, Permission::view_voice, Surface::api,
                      [&s, strand](Ctx& ctx) { json(ctx, 200, shown(s, ctx.who(), strand, ActivityId{ctx.path_id()})); }, base + "/1"});
    routes.push_back({"PUT", one, Permission::manage_registers, Surface::api,
                      [&s, strand](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ActivityInput in = activity_input(b);
                              const int version = b.integer("version", "Send the version you read, a whole number");
                              b.check();
                              const auto changed = update_activity(s, ctx.who(), strand, ActivityId{ctx.path_id()}, version, in);
                              json(ctx, 200, shown(s, ctx.who(), strand, changed.id));
                          });
                      },
                      base + "/1"});
}

}  // namespace

J activity_figures_json(const ActivityFigures& f) {
    const auto count = [](const KindCount& c) {
        return J{{"activities", c.activities}, {"children_heard", c.children}, {"points", c.points}, {"answered", c.answered},
                 {"awaiting", c.points - c.answered}, {"linked", c.linked}};
    };
    J by_kind = J::object();
    for (const auto& line : f.by_kind) by_kind[std::string(activity_kind_key(line.kind))] = count(line.count);
    J out = count(f.total);
    out["year"] = f.year.key();
    out["register"] = std::string(strand_key(f.strand));
    out["answered_percent"] = f.answered_percent ? J(*f.answered_percent) : J(nullptr);
    out["linked_percent"] = f.linked_percent ? J(*f.linked_percent) : J(nullptr);
    out["by_kind"] = by_kind;
    return out;
}

void add_voice_api(std::vector<Route>& routes, Services& s) {
    add_api(routes, s, Strand::voice);
    add_api(routes, s, Strand::scrutiny);
}

}  // namespace assure::web::registers_web
