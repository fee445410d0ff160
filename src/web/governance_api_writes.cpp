// The governance API's changes beyond creating (issue 20 item 1): each calls the use case the
// page calls, so a change the page would refuse is refused the same way (422 naming the field),
// and one made from a stale version is a 409. Each answers with the record as it now is.
#include "web/governance_writes.hpp"

#include <algorithm>

#include "core/governance_quorum.hpp"
#include "web/governance_json.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

// The group's settings with each field the body names replaced: a PATCH changes only what it sends.
GroupInput patched(const Group& g, Body& b) {
    GroupInput in = input_of(g);
    const auto text = [&](const char* key, std::string& field) {
        if (b.j.contains(key)) field = b.text(key);
    };
    const auto id = [&](const char* key, std::string& field) {
        if (b.j.contains(key)) field = b.value_text(key);
    };
    text("name", in.name);
    text("type", in.type);
    text("purpose", in.purpose);
    id("parent_id", in.parent_id);
    text("chair_kind", in.chair_kind);
    id("chair_id", in.chair_id);
    id("deputy_id", in.deputy_id);
    id("rotation_months", in.rotation_months);
    text("rotation_start", in.rotation_start);
    id("cadence_months", in.cadence_months);
    text("quorum_kind", in.quorum_kind);
    id("quorum_value", in.quorum_value);
    text("active_from", in.active_from);
    text("active_to", in.active_to);
    return in;
}

int version_of(Body& b) { return b.integer("version", "version must be the record's version as read"); }

// Runs a meeting's change with the version sent, then answers with the meeting as it now is.
template <class Change>
void meeting_change(Services& s, Ctx& ctx, Change change) {
    with_body(ctx, [&](Body& b) {
        const MeetingId id{ctx.path_id()};
        change(b, id);
        json(ctx, 200, to_json(read_meeting(s, ctx.who(), id).meeting));
    });
}

void add_group_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"PATCH", R"(/api/v1/groups/(\d+))", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const GroupId id{ctx.path_id()};
                              const Group current = read_group(s, ctx.who(), id).summary.group;
                              const int version = version_of(b);
                              const GroupInput in = patched(current, b);
                              b.check();
                              json(ctx, 200, to_json(update_group(s, ctx.who(), id, version, in)));
                          });
                      },
                      "/api/v1/groups/1"});
    routes.push_back({"POST", R"(/api/v1/groups/(\d+)/terms)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string markdown = b.text("markdown"), approved_on = b.text("approved_on");
                              b.check();
                              const GroupId id{ctx.path_id()};
                              add_terms(s, ctx.who(), id, markdown, approved_on);
                              const auto terms = read_group(s, ctx.who(), id).terms;
                              json(ctx, 201, {{"version", terms.back().number}, {"approved_on", terms.back().approved_on.iso()},
                                              {"markdown", terms.back().markdown}});
                          });
                      },
                      "/api/v1/groups/1/terms"});
    routes.push_back({"POST", R"(/api/v1/groups/(\d+)/members/(\d+)/end)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = version_of(b);
                              const std::string end = b.text("end");
                              b.check();
                              const GroupId group{ctx.path_id()};
                              const MembershipId member{ctx.path_id(2)};
                              end_membership(s, ctx.who(), group, member, version, end);
                              for (const auto& m : read_group(s, ctx.who(), group).members) {
                                  if (m.membership.id == member) return json(ctx, 200, to_json(m.membership));
                              }
                              throw Failure::not_found("membership " + member.str());
                          });
                      },
                      "/api/v1/groups/1/members/1/end"});
}

void add_meeting_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"POST", R"(/api/v1/meetings/(\d+)/agenda)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          meeting_change(s, ctx, [&](Body& b, MeetingId id) {
                              const int version = version_of(b);
                              const std::string title = b.text("title"), owner = b.value_text("owner_id"), paper = b.text("paper_link");
                              b.check();
                              add_agenda_item(s, ctx.who(), id, version, title, owner, paper);
                          });
                      },
                      "/api/v1/meetings/1/agenda"});
    routes.push_back({"POST", R"(/api/v1/meetings/(\d+)/agenda/publish)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          meeting_change(s, ctx, [&](Body& b, MeetingId id) {
                              const int version = version_of(b);
                              b.check();
                              publish_agenda(s, ctx.who(), id, version, site_of(ctx));
                          });
                      },
                      "/api/v1/meetings/1/agenda/publish"});
    routes.push_back({"POST", R"(/api/v1/meetings/(\d+)/decisions)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          meeting_change(s, ctx, [&](Body& b, MeetingId id) {
                              const int version = version_of(b);
                              const std::string text = b.text("text");
                              b.check();
                              add_decision(s, ctx.who(), id, version, text);
                          });
                      },
                      "/api/v1/meetings/1/decisions"});
    routes.push_back({"PUT", R"(/api/v1/meetings/(\d+)/minutes)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          meeting_change(s, ctx, [&](Body& b, MeetingId id) {
                              const int version = version_of(b);
                              const std::string markdown = b.text("markdown");
                              b.check();
                              save_minutes(s, ctx.who(), id, version, markdown);
                          });
                      },
                      "/api/v1/meetings/1/minutes"});
    routes.push_back({"POST", R"(/api/v1/meetings/(\d+)/status)", Permission::manage_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          meeting_change(s, ctx, [&](Body& b, MeetingId id) {
                              const int version = version_of(b);
                              const std::string status = b.text("status"), reason = b.text("reason");
                              b.check();
                              set_meeting_status(s, ctx.who(), id, version, status, reason);
                          });
                      },
                      "/api/v1/meetings/1/status"});
}

// The forward plan: meetings and the annual cycle's milestones (the cycle itself is changed
// through PATCH /api/v1/partnership's `annual_cycle`).
void add_plan_route(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/forward-plan", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          Date from = london_today(s);
                          if (!ctx.query("from").empty()) {
                              const auto d = Date::parse(ctx.query("from"));
                              if (!d) throw Failure::invalid({{"from", "from must be a date like 2026-12-01"}});
                              from = *d;
                          }
                          int months = 12;
                          if (!ctx.query("months").empty()) {
                              const std::string raw = ctx.query("months");
                              const bool digits = raw.size() <= 2 && std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; });
                              months = digits ? std::stoi(raw) : 0;
                              if (months < 1 || months > 36) throw Failure::invalid({{"months", "months must be a whole number from 1 to 36"}});
                          }
                          J items = J::array();
                          for (const auto& i : forward_plan(s, ctx.who(), from, months)) {
                              items.push_back({{"on", i.on.iso()},
                                               {"starts_at", i.starts_at.empty() ? J() : J(i.starts_at)},
                                               {"label", i.label},
                                               {"group", i.group_name},
                                               {"meeting_id", i.meeting.valid() ? J(i.meeting.value) : J()},
                                               {"cancelled", i.cancelled}});
                          }
                          json(ctx, 200, {{"from", from.iso()}, {"months", months}, {"items", items}});
                      },
                      "/api/v1/forward-plan"});
}

void add_interest_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/interests", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto page = list_interests(s, ctx.who(), page_request(ctx));
                          J items = J::array();
                          for (const auto& i : page.items) items.push_back(to_json(i));
                          json(ctx, 200, list_body(std::move(items), page.next));
                      },
                      "/api/v1/interests"});
    routes.push_back({"POST", "/api/v1/interests", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const InterestInput in{b.value_text("person_id"), b.text("interest"), b.text("declared_on"), b.value_text("meeting_id"),
                                                     b.text("agenda_item")};
                              b.check();
                              json(ctx, 201, to_json(declare_interest(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/interests"});
}

}  // namespace

GroupInput input_of(const Group& g) {
    return {g.name,
            std::string(group_type_key(g.type)),
            g.purpose,
            g.parent.valid() ? g.parent.str() : "",
            std::string(chair_kind_key(g.chair_kind)),
            g.chair.valid() ? g.chair.str() : "",
            g.deputy.valid() ? g.deputy.str() : "",
            std::to_string(g.rotation_months),
            g.chair_kind == ChairKind::rotating ? g.rotation_start.iso() : "",
            std::to_string(g.cadence_months),
            std::string(quorum_rule_key(g.quorum)),
            g.quorum.kind == QuorumKind::all_statutory_partners || !has_quorum_rule(g.quorum) ? "" : std::to_string(g.quorum.value),
            g.active_from.iso(),
            g.active_to ? g.active_to->iso() : ""};
}

void add_governance_write_api_routes(std::vector<Route>& routes, Services& s) {
    add_group_routes(routes, s);
    add_meeting_routes(routes, s);
    add_interest_routes(routes, s);
    add_plan_route(routes, s);
}

}  // namespace assure::web
