// JSON API of serious incidents: /api/v1/incidents. Every read is logged (app/reviews); lists
// are paged with `limit` and `cursor` (web/paging.hpp).
#include "core/review_regimes.hpp"
#include "app/review_panels.hpp"
#include "app/reviews.hpp"
#include "web/views.hpp"
#include "web/areas.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

J date_or_null(const std::optional<Date>& d) { return d ? J(d->iso()) : J(nullptr); }

// No rapid review was due before Working Together 2018: a case of then has no such date.
J deadlines_json(const Deadlines& d, bool rapid_review) {
    J j{{"notify_panel_by", d.notify_panel_by.iso()}, {"inform_partners_by", d.inform_partners_by.iso()}};
    if (rapid_review) j["rapid_review_by"] = d.rapid_review_by.iso();
    if (d.review_complete_by) j["review_complete_by"] = d.review_complete_by->iso();
    if (d.send_final_report_by) j["send_final_report_by"] = d.send_final_report_by->iso();
    if (d.keep_published_until) j["keep_published_until"] = d.keep_published_until->iso();
    return j;
}

// A lifecycle step as the API shows it (the audit trail's record of it is app's own shape).
J event_item(const CaseEvent& e) {
    J j{{"event", event_key(e.kind)}, {"on", e.on.iso()}};
    if (!e.agencies.empty()) {
        J agencies = J::array();
        for (const auto& a : e.agencies) agencies.push_back(a.value);
        j["agencies"] = std::move(agencies);
    }
    if (e.decision) j["decision"] = decision_key(*e.decision);
    if (e.planned_on) j["planned_on"] = e.planned_on->iso();
    if (!e.reviewer_name.empty()) j["reviewer_name"] = e.reviewer_name;
    if (e.reviewer_user.valid()) j["reviewer_user_id"] = e.reviewer_user.value;
    if (!e.note.empty()) j["note"] = e.note;
    j["recorded_at"] = iso_instant(e.recorded_at);
    j["recorded_by"] = e.recorded_by;
    return j;
}

// Whether a case comes with its history of events: one case does; a list of cases gives each
// case's state and clocks, and its history is read from the case itself.
enum class History { with_events, without_events };

J case_json(const CaseView& v, History history = History::with_events) {
    const Case& c = v.record;
    J children = J::array();
    for (const auto& child : c.children) {
        J one{{"pseudonym", child.pseudonym}};
        if (v.identities_shown) {
            one["name"] = child.name;
            one["date_of_birth"] = child.date_of_birth;
            one["notes"] = child.notes;
        }
        children.push_back(one);
    }
    J agencies = J::array();
    for (const auto& a : c.agencies) agencies.push_back(a.value);
    J milestones = J::array();
    for (const auto& m : v.milestones) {
        milestones.push_back({{"key", m.key}, {"label", m.label}, {"due", date_or_null(m.due)}, {"done", date_or_null(m.done)}});
    }
    J next = nullptr;
    if (v.next) {
        next = {{"key", v.next->key}, {"label", v.next->label}, {"due", v.next->due->iso()},
                {"working_days", v.next_countdown->working_days}, {"overdue", v.next_countdown->overdue}};
    }
    J out{{"id", c.id.value},
            {"reference", c.reference},
            {"became_aware_on", c.became_aware_on.iso()},
            {"incident_on", c.incident_on.iso()},
            {"kind", harm_key(c.kind)},
            {"looked_after", c.looked_after},
            {"area_of_incident", c.area_of_incident},
            {"area_of_residence", c.area_of_residence},
            {"summary", c.summary},
            {"stage", stage_key(v.state.stage)},
            {"decision", v.state.decision ? J(decision_key(*v.state.decision)) : J(nullptr)},
            {"reviewer_name", v.state.reviewer_name.empty() ? J(nullptr) : J(v.state.reviewer_name)},
            {"overdue", v.overdue},
            {"rules", c.rules.name},
            {"guidance", regime_title(regime_of(c))},
            {"identities_unreadable", v.identities_unreadable},
            {"version", c.version}};
    // Moved in rather than listed above: an initializer list copies every nested value.
    out["children"] = std::move(children);
    out["agency_ids"] = std::move(agencies);
    out["deadlines"] = deadlines_json(v.deadlines, has_rapid_review(regime_of(c)));
    out["milestones"] = std::move(milestones);
    out["next_milestone"] = std::move(next);
    if (history == History::with_events) {
        J panel = J::array();
        for (const auto& m : c.panel) panel.push_back({{"user_id", m.user.value}, {"name", m.label}});
        out["panel"] = std::move(panel);
        out["reviewer_user_id"] = v.state.reviewer_user.valid() ? J(v.state.reviewer_user.value) : J(nullptr);
        J events = J::array();
        for (const auto& e : c.events) events.push_back(event_item(e));
        out["events"] = std::move(events);
    }
    return out;
}

IncidentInput incident_input(Body& b) {
    IncidentInput in;
    in.became_aware_on = b.text("became_aware_on");
    in.incident_on = b.text("incident_on");
    in.kind = b.text("kind");
    in.looked_after = b.flag("looked_after");
    in.area_of_incident = b.text("area_of_incident");
    in.area_of_residence = b.text("area_of_residence");
    in.summary = b.text("summary");
    in.agency_ids = b.ids("agency_ids");
    if (b.j.contains("children")) {
        if (!b.j["children"].is_array()) {
            b.errors.push_back({"children", "children must be a list of objects with a pseudonym"});
        } else {
            for (const auto& c : b.j["children"]) {
                if (!c.is_object() || !c.contains("pseudonym") || !c["pseudonym"].is_string()) {
                    b.errors.push_back({"children", "children must be a list of objects with a pseudonym"});
                    break;
                }
                Body child{c, {}};
                in.children.push_back({child.text("pseudonym"), child.text("name"), child.text("date_of_birth"), child.text("notes")});
                for (auto& e : child.errors) b.errors.push_back({"children", e.message});
            }
        }
    }
    return in;
}

CaseEvent event_input(Body& b) {
    CaseEvent e;
    const std::string key = b.text("event");
    if (key.empty()) {
        b.errors.push_back({"event", "Send the event, one of the lifecycle's event names"});
    } else if (auto k = parse_event(key)) {
        e.kind = *k;
    } else {
        b.errors.push_back({"event", "Unknown event '" + key + "'; see the OpenAPI document for the event names"});
    }
    if (auto on = b.date("on", true)) e.on = *on;
    for (const auto& id : b.ids("agencies")) e.agencies.emplace_back(std::stoll(id));
    if (const std::string d = b.text("decision"); !d.empty()) {
        e.decision = parse_decision(d);
        if (!e.decision) {
            b.errors.push_back({"decision", "decision must be local_review, national_review, other_learning or no_further_review"});
        }
    }
    e.planned_on = b.date("planned_on", false);
    e.reviewer_name = b.text("reviewer_name");
    if (b.j.contains("reviewer_user_id") && !b.j["reviewer_user_id"].is_null()) {
        e.reviewer_user = UserId{b.integer("reviewer_user_id", "reviewer_user_id must be an integer")};
    }
    e.note = b.text("note");
    return e;
}

CaseFilter filter_of(const Ctx& ctx) {
    CaseFilter f;
    f.open_only = ctx.query("open") == "true";
    f.overdue_only = ctx.query("overdue") == "true";
    if (const std::string stage = ctx.query("stage"); !stage.empty()) {
        f.stage = parse_stage(stage);
        if (!f.stage) throw Failure::invalid({{"stage", "Unknown stage '" + stage + "'"}});
    }
    f.reference_text = ctx.query("reference");
    return f;
}

}  // namespace

void add_reviews_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/incidents", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          const CaseFilter filter = filter_of(ctx);
                          const Page<CaseView> page = list_cases(s, ctx.who(), filter, page_request(ctx));
                          J items = J::array();
                          for (const auto& v : page.items) items.push_back(case_json(v, History::without_events));
                          json(ctx, 200, list_body(std::move(items), page.next));
                      },
                      "/api/v1/incidents"});
    routes.push_back({"POST", "/api/v1/incidents", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const IncidentInput in = incident_input(b);
                          b.check();
                          const CaseView v = notify_incident(s, ctx.who(), in);
                          ctx.res.set_header("Location", "/api/v1/incidents/" + v.record.id.str());
                          json(ctx, 201, case_json(v));
                      },
                      "/api/v1/incidents"});
    routes.push_back({"GET", R"(/api/v1/incidents/(\d+))", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, case_json(read_case(s, ctx.who(), CaseId{ctx.path_id()}))); },
                      "/api/v1/incidents/1"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/events)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const CaseEvent e = event_input(b);
                          const int version = b.integer("version", "Send the version you last read, as an integer");
                          b.check();
                          json(ctx, 200, case_json(record_event(s, ctx.who(), CaseId{ctx.path_id()}, version, e)));
                      },
                      "/api/v1/incidents/1/events"});
    routes.push_back({"GET", R"(/api/v1/incidents/(\d+)/recommendations)", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& r : list_recommendations(s, ctx.who(), CaseId{ctx.path_id()})) {
                              J agencies = J::array();
                              for (const auto& a : r.agencies) agencies.push_back(a.value);
                              items.push_back({{"id", r.id.value}, {"number", r.number}, {"text", r.text},
                                               {"theme", r.theme}, {"agency_ids", agencies}});
                          }
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/incidents/1/recommendations"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/recommendations)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          RecommendationInput in{b.text("text"), b.text("theme"), b.ids("agency_ids")};
                          b.check();
                          const auto r = add_recommendation(s, ctx.who(), CaseId{ctx.path_id()}, in);
                          json(ctx, 201, {{"id", r.id.value}, {"number", r.number}, {"text", r.text}, {"theme", r.theme}});
                      },
                      "/api/v1/incidents/1/recommendations"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/panel)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const int user_id = b.integer("user_id", "Send the user id of the member to add, as an integer");
                          const int version = b.integer("version", "Send the version you last read, as an integer");
                          b.check();
                          const CaseId id{ctx.path_id()};
                          add_panel_member(s, ctx.who(), id, version, std::to_string(user_id));
                          json(ctx, 200, case_json(read_case(s, ctx.who(), id)));
                      },
                      "/api/v1/incidents/1/panel"});
    // Commissions an outside reviewer: their account, the step and the emailed link (decision 0041).
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/reviewer-invitations)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const ReviewerInvitationInput in{b.text("reviewer_name"), b.text("email"), b.text("organisation"), b.text("on")};
                          const int version = b.integer("version", "Send the version you last read, as an integer");
                          b.check();
                          json(ctx, 201, case_json(invite_reviewer(s, ctx.who(), CaseId{ctx.path_id()}, version, in, site_of(ctx))));
                      },
                      "/api/v1/incidents/1/reviewer-invitations"});
    // Declaring an interest answers 204: the declarer may no longer see the case.
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/interests)", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const std::string interest = b.text("interest");
                          b.check();
                          declare_conflict(s, ctx.who(), CaseId{ctx.path_id()}, interest);
                          ctx.res.status = 204;
                      },
                      "/api/v1/incidents/1/interests"});
    // The panel's recommendation on a declared interest, and an appeal's outcome (the page's form).
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/interests/decide)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const int user_id = b.integer("user_id", "Send the user id of the member who declared, as an integer");
                          const std::string panel = b.text("panel"), appeal = b.text("appeal").empty() ? "none" : b.text("appeal");
                          const int version = b.integer("version", "Send the version you last read, as an integer");
                          b.check();
                          const CaseId id{ctx.path_id()};
                          decide_conflict(s, ctx.who(), id, version, std::to_string(user_id), panel, appeal);
                          json(ctx, 200, case_json(read_case(s, ctx.who(), id)));
                      },
                      "/api/v1/incidents/1/interests/decide"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/interests/override)", Permission::override_interest, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          const int user_id = b.integer("user_id", "Send the user id of the business-unit member who declared, as an integer");
                          const std::string reason = b.text("reason");
                          const int version = b.integer("version", "Send the version you last read, as an integer");
                          b.check();
                          const CaseId id{ctx.path_id()};
                          override_interest(s, ctx.who(), id, version, std::to_string(user_id), reason);
                          json(ctx, 200, case_json(read_case(s, ctx.who(), id)));
                      },
                      "/api/v1/incidents/1/interests/override"});
}

}  // namespace assure::web
