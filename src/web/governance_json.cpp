// The API's JSON shape of each governance record (docs/api.md, docs/openapi.json).
#include "web/governance_json.hpp"
#include "core/governance_quorum.hpp"

namespace assure::web {
namespace {

using nlohmann::json;

json id_or_null(std::int64_t v) { return v > 0 ? json(v) : json(nullptr); }
json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

json to_json(const Group& g) {
    json quorum{{"kind", quorum_rule_key(g.quorum)}, {"value", g.quorum.value}, {"label", quorum_label(g.quorum)}};
    json out{{"id", g.id.value},
             {"name", g.name},
             {"type", group_type_key(g.type)},
             {"purpose", g.purpose},
             {"parent_id", id_or_null(g.parent.value)},
             {"chair_kind", chair_kind_key(g.chair_kind)},
             {"chair_id", id_or_null(g.chair.value)},
             {"deputy_id", id_or_null(g.deputy.value)},
             {"cadence_months", g.cadence_months},
             {"cadence", cadence_label(g.cadence_months)},
             {"quorum", quorum},
             {"active_from", g.active_from.iso()},
             {"active_to", date_or_null(g.active_to)},
             {"version", g.version}};
    if (g.chair_kind == ChairKind::rotating) {
        out["rotation"] = {{"months", g.rotation_months}, {"start", g.rotation_start.iso()}};
    }
    return out;
}

json to_json(const Membership& m) {
    return {{"id", m.id.value},
            {"group_id", m.group.value},
            {"person_id", m.person.value},
            {"code", membership_code_key(m.code)},
            {"role", member_role_key(m.role)},
            {"priority", m.priority},
            {"start", m.start.iso()},
            {"end", date_or_null(m.end)},
            {"nominated_deputy", m.nominated_deputy},
            {"version", m.version}};
}

json to_json(const Meeting& m) {
    json agenda = json::array();
    for (const auto& a : m.agenda) {
        agenda.push_back({{"number", a.number}, {"title", a.title}, {"owner_id", id_or_null(a.owner.value)}, {"paper_link", a.paper_link}});
    }
    json attendance = json::array();
    for (const auto& r : m.attendance) {
        attendance.push_back({{"person_id", r.person.value}, {"presence", presence_key(r.presence)}, {"deputy_name", r.deputy_name}});
    }
    json decisions = json::array();
    for (const auto& d : m.decisions) decisions.push_back({{"number", d.number}, {"text", d.text}});
    return {{"id", m.id.value},         {"group_id", m.group.value},     {"status", meeting_status_key(m.status)},
            {"cancel_reason", m.cancel_reason}, {"on", m.on.iso()},       {"starts_at", m.starts_at},
            {"minutes_long", m.minutes_long},   {"place", m.place},       {"online", m.online},
            {"theme", m.theme},         {"agenda", agenda},              {"attendance", attendance},
            {"decisions", decisions},   {"minutes", m.minutes},          {"version", m.version}};
}

json to_json(const ActionItem& a) {
    return {{"id", a.id.value},
            {"group_id", a.group.value},
            {"meeting_id", a.meeting.value},
            {"text", a.text},
            {"owner_id", a.owner.value},
            {"due", a.due.iso()},
            {"status", action_status_key(a.status)},
            {"closed_on", date_or_null(a.closed_on)},
            {"note", a.note},
            {"version", a.version}};
}

json to_json(const Interest& i) {
    return {{"id", i.id.value},
            {"person_id", i.person.value},
            {"interest", i.interest},
            {"declared_on", i.declared_on.iso()},
            {"meeting_id", id_or_null(i.meeting.value)},
            {"agenda_item", i.agenda_item > 0 ? json(i.agenda_item) : json(nullptr)}};
}

}  // namespace assure::web
