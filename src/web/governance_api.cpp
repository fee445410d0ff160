// JSON API of governance: groups, members, meetings, attendance and actions under /api/v1/.
#include "web/governance_json.hpp"
#include "web/governance_views.hpp"
#include "web/governance_writes.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "core/governance_quorum.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

J date_or_null(const std::optional<Date>& d) { return d ? J(d->iso()) : J(nullptr); }

J summary_json(const GroupSummary& g) {
    J out = to_json(g.group);
    out["chair"] = g.chair_label;
    out["members_now"] = g.members;
    out["cadence_status"] = {{"last_held", date_or_null(g.cadence.last_held)},
                             {"next_planned", date_or_null(g.cadence.next_planned)},
                             {"due_by", date_or_null(g.cadence.due_by)},
                             {"overdue", g.cadence.overdue}};
    return out;
}

J rate_json(const MemberRate& r) {
    return {{"person_id", r.person.value},
            {"held", r.held},
            {"attended", r.attended},
            {"present", r.present},
            {"deputy", r.deputised},
            {"apologies", r.apologies},
            {"absent", r.absent},
            {"rate", r.rate ? J(*r.rate) : J(nullptr)},
            {"below_expected", r.below_expected},
            {"deputy_regular", r.deputy_regular}};
}

J meeting_json(const MeetingView& v) {
    J out = to_json(v.meeting);
    if (v.quorum) out["quorum"] = {{"quorate", v.quorum->quorate}, {"rule_set", has_quorum_rule(v.group.quorum)}, {"attending", v.quorum->attending},
                                   {"members", v.quorum->members}, {"explanation", v.quorum->explanation}};
    J actions = J::array();
    for (const auto& a : v.actions) actions.push_back(to_json(a));
    out["actions"] = actions;
    return out;
}

GroupInput group_input(Body& b) {
    return {b.text("name"),          b.text("type"),          b.text("purpose"),         b.value_text("parent_id"),
            b.text("chair_kind"),    b.value_text("chair_id"), b.value_text("deputy_id"), b.value_text("rotation_months"),
            b.text("rotation_start"), b.value_text("cadence_months"), b.text("quorum_kind"), b.value_text("quorum_value"),
            b.text("active_from"),   b.text("active_to")};
}

}  // namespace

void add_governance_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/groups", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& g : list_groups(s, ctx.who())) items.push_back(summary_json(g));
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/groups"});
    routes.push_back({"POST", "/api/v1/groups", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const GroupInput in = group_input(b);
                              b.check();
                              const Group g = create_group(s, ctx.who(), in);
                              ctx.res.set_header("Location", "/api/v1/groups/" + g.id.str());
                              json(ctx, 201, to_json(g));
                          });
                      },
                      "/api/v1/groups"});
    routes.push_back({"GET", R"(/api/v1/groups/(\d+))", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          const GroupView v = read_group(s, ctx.who(), GroupId{ctx.path_id()});
                          J out = summary_json(v.summary);
                          out["terms_of_reference"] = v.terms.empty() ? J(nullptr)
                                                                       : J{{"version", v.terms.back().number},
                                                                           {"approved_on", v.terms.back().approved_on.iso()},
                                                                           {"markdown", v.terms.back().markdown}};
                          json(ctx, 200, out);
                      },
                      "/api/v1/groups/1"});
    routes.push_back({"GET", R"(/api/v1/groups/(\d+)/members)", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& m : read_group(s, ctx.who(), GroupId{ctx.path_id()}).members) {
                              J one = to_json(m.membership);
                              one["name"] = m.person.name;
                              one["agency"] = m.agency_name;
                              one["current"] = m.current;
                              items.push_back(one);
                          }
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/groups/1/members"});
    routes.push_back({"POST", R"(/api/v1/groups/(\d+)/members)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              MemberInput in{b.value_text("person_id"), b.text("code"), b.text("role"), b.text("priority"),
                                             b.text("start"), b.text("end"), b.text("nominated_deputy")};
                              b.check();
                              json(ctx, 201, to_json(add_member(s, ctx.who(), GroupId{ctx.path_id()}, in)));
                          });
                      },
                      "/api/v1/groups/1/members"});
    routes.push_back({"GET", R"(/api/v1/groups/(\d+)/meetings)", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto page = list_meetings(s, ctx.who(), GroupId{ctx.path_id()}, page_request(ctx), false);
                          J items = J::array();
                          for (const auto& m : page.items) items.push_back(to_json(m));
                          json(ctx, 200, list_body(std::move(items), page.next));
                      },
                      "/api/v1/groups/1/meetings"});
    routes.push_back({"POST", R"(/api/v1/groups/(\d+)/meetings)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              MeetingInput in{b.text("on"), b.text("starts_at"), b.value_text("minutes_long"), b.text("place"),
                                              b.flag("online") ? "yes" : "", b.text("theme")};
                              if (in.starts_at.empty()) in.starts_at = "10:00";
                              if (in.minutes_long.empty()) in.minutes_long = "120";
                              b.check();
                              const Meeting m = schedule_meeting(s, ctx.who(), GroupId{ctx.path_id()}, in);
                              ctx.res.set_header("Location", "/api/v1/meetings/" + m.id.str());
                              json(ctx, 201, to_json(m));
                          });
                      },
                      "/api/v1/groups/1/meetings"});
    routes.push_back({"GET", R"(/api/v1/groups/(\d+)/attendance)", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto r = attendance_report(s, ctx.who(), GroupId{ctx.path_id()}, ctx.query("from"), ctx.query("to"));
                          J items = J::array();
                          for (const auto& l : r.lines) {
                              J one = rate_json(l.rate);
                              one["name"] = l.person.name;
                              one["agency"] = l.agency_name;
                              one["chief_officer"] = l.chief_officer;
                              items.push_back(one);
                          }
                          json(ctx, 200, {{"from", r.period.from.iso()}, {"to", r.period.to.iso()},
                                          {"expected_rate", r.expected_rate}, {"items", items}});
                      },
                      "/api/v1/groups/1/attendance"});
    routes.push_back({"GET", R"(/api/v1/meetings/(\d+))", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, meeting_json(read_meeting(s, ctx.who(), MeetingId{ctx.path_id()}))); },
                      "/api/v1/meetings/1"});
    routes.push_back({"POST", R"(/api/v1/meetings/(\d+)/attendance)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "Send the version you last read, as an integer");
                              std::vector<AttendanceInput> rows;
                              if (!b.j.contains("attendance") || !b.j["attendance"].is_array()) {
                                  b.errors.push_back({"attendance", "Send attendance as a list of {person_id, presence, deputy_name}"});
                              } else {
                                  for (const auto& row : b.j["attendance"]) {
                                      if (!row.is_object()) {
                                          b.errors.push_back({"attendance", "Each attendance entry must be an object"});
                                          break;
                                      }
                                      Body r{row, {}};
                                      rows.push_back({r.value_text("person_id"), r.text("presence"), r.text("deputy_name")});
                                      for (auto& e : r.errors) b.errors.push_back({"attendance", e.message});
                                  }
                              }
                              b.check();
                              const MeetingId id{ctx.path_id()};
                              record_attendance(s, ctx.who(), id, version, rows);
                              json(ctx, 200, meeting_json(read_meeting(s, ctx.who(), id)));
                          });
                      },
                      "/api/v1/meetings/1/attendance"});
    routes.push_back({"POST", R"(/api/v1/meetings/(\d+)/actions)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              ActionInput in{b.text("text"), b.value_text("owner_id"), b.text("due")};
                              b.check();
                              json(ctx, 201, to_json(add_action(s, ctx.who(), MeetingId{ctx.path_id()}, in)));
                          });
                      },
                      "/api/v1/meetings/1/actions"});
    routes.push_back({"GET", "/api/v1/actions", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, action_list_body(s, ctx)); },
                      "/api/v1/actions"});
    routes.push_back({"PATCH", R"(/api/v1/actions/(\d+))", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "Send the version you last read, as an integer");
                              const std::string status = b.text("status");
                              const std::string note = b.text("note");
                              b.check();
                              json(ctx, 200, to_json(update_action(s, ctx.who(), ActionId{ctx.path_id()}, version, status, note)));
                          });
                      },
                      "/api/v1/actions/1"});
    add_governance_write_api_routes(routes, s);
}

}  // namespace assure::web
