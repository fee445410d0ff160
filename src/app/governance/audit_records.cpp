// What the audit trail keeps of each governance record before and after a change. Today the
// same fields as the API shows, but written out here so that the trail's shape is the trail's.
#include <nlohmann/json.hpp>

#include "app/governance/internal.hpp"
#include "core/governance_quorum.hpp"

namespace assure::governance_detail {
namespace {

using nlohmann::json;

json id_or_null(std::int64_t v) { return v > 0 ? json(v) : json(nullptr); }
json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

std::string audit_record(const Group& g) {
    json out{{"id", g.id.value},
             {"name", g.name},
             {"type", group_type_key(g.type)},
             {"purpose", g.purpose},
             {"parent_id", id_or_null(g.parent.value)},
             {"chair_kind", chair_kind_key(g.chair_kind)},
             {"chair_id", id_or_null(g.chair.value)},
             {"deputy_id", id_or_null(g.deputy.value)},
             {"cadence_months", g.cadence_months},
             {"quorum", {{"kind", quorum_rule_key(g.quorum)}, {"value", g.quorum.value}}},
             {"active_from", g.active_from.iso()},
             {"active_to", date_or_null(g.active_to)},
             {"version", g.version}};
    if (g.chair_kind == ChairKind::rotating) out["rotation"] = {{"months", g.rotation_months}, {"start", g.rotation_start.iso()}};
    return out.dump();
}

std::string audit_record(const Membership& m) {
    return json{{"id", m.id.value},
                {"group_id", m.group.value},
                {"person_id", m.person.value},
                {"code", membership_code_key(m.code)},
                {"role", member_role_key(m.role)},
                {"priority", m.priority},
                {"start", m.start.iso()},
                {"end", date_or_null(m.end)},
                {"nominated_deputy", m.nominated_deputy},
                {"version", m.version}}
        .dump();
}

std::string audit_record(const Meeting& m) {
    json agenda = json::array(), attendance = json::array(), decisions = json::array();
    for (const auto& a : m.agenda) {
        agenda.push_back({{"number", a.number}, {"title", a.title}, {"owner_id", id_or_null(a.owner.value)}, {"paper_link", a.paper_link}});
    }
    for (const auto& r : m.attendance) {
        attendance.push_back({{"person_id", r.person.value}, {"presence", presence_key(r.presence)}, {"deputy_name", r.deputy_name}});
    }
    for (const auto& d : m.decisions) decisions.push_back({{"number", d.number}, {"text", d.text}});
    return json{{"id", m.id.value},         {"group_id", m.group.value}, {"status", meeting_status_key(m.status)},
                {"cancel_reason", m.cancel_reason}, {"on", m.on.iso()},   {"starts_at", m.starts_at},
                {"minutes_long", m.minutes_long},   {"place", m.place},   {"online", m.online},
                {"theme", m.theme},         {"agenda", agenda},          {"attendance", attendance},
                {"decisions", decisions},   {"minutes", m.minutes},      {"version", m.version}}
        .dump();
}

std::string audit_record(const ActionItem& a) {
    return json{{"id", a.id.value},
                {"group_id", a.group.value},
                {"meeting_id", a.meeting.value},
                {"text", a.text},
                {"owner_id", a.owner.value},
                {"due", a.due.iso()},
                {"status", action_status_key(a.status)},
                {"closed_on", date_or_null(a.closed_on)},
                {"note", a.note},
                {"version", a.version}}
        .dump();
}

std::string audit_record(const Interest& i) {
    return json{{"id", i.id.value},
                {"person_id", i.person.value},
                {"interest", i.interest},
                {"declared_on", i.declared_on.iso()},
                {"meeting_id", id_or_null(i.meeting.value)},
                {"agenda_item", i.agenda_item > 0 ? json(i.agenda_item) : json(nullptr)}}
        .dump();
}

}  // namespace assure::governance_detail
