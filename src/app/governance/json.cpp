// One JSON shape for each governance record: the API answers with it, the audit trail keeps
// it as before and after, and the SQLite store keeps it as the record's document.
#include "app/governance_json.hpp"

namespace assure {
namespace {

using nlohmann::json;

json id_or_null(std::int64_t v) { return v > 0 ? json(v) : json(nullptr); }
std::int64_t id_of(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() || !it->is_number_integer() ? 0 : it->get<std::int64_t>();
}
Date date_of_field(const json& j, const char* key) { return Date::parse(j.value(key, "")).value_or(Date{}); }
std::optional<Date> optional_date(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return Date::parse(it->get<std::string>());
}
json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

json to_json(const Group& g) {
    json quorum{{"kind", quorum_kind_key(g.quorum.kind)}, {"value", g.quorum.value}, {"label", quorum_label(g.quorum)}};
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

Group group_from_json(const json& j) {
    Group g;
    g.id = GroupId{id_of(j, "id")};
    g.name = j.value("name", "");
    g.type = parse_group_type(j.value("type", "")).value_or(GroupType::sub_group);
    g.purpose = j.value("purpose", "");
    g.parent = GroupId{id_of(j, "parent_id")};
    g.chair_kind = parse_chair_kind(j.value("chair_kind", "")).value_or(ChairKind::fixed);
    g.chair = PersonId{id_of(j, "chair_id")};
    g.deputy = PersonId{id_of(j, "deputy_id")};
    g.cadence_months = j.value("cadence_months", 0);
    if (const auto q = j.find("quorum"); q != j.end() && q->is_object()) {
        g.quorum.kind = parse_quorum_kind(q->value("kind", "")).value_or(QuorumKind::min_share);
        g.quorum.value = q->value("value", 0);
    }
    if (const auto r = j.find("rotation"); r != j.end() && r->is_object()) {
        g.rotation_months = r->value("months", 12);
        g.rotation_start = date_of_field(*r, "start");
    }
    g.active_from = date_of_field(j, "active_from");
    g.active_to = optional_date(j, "active_to");
    g.version = j.value("version", 1);
    return g;
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

Membership membership_from_json(const json& j) {
    Membership m;
    m.id = MembershipId{id_of(j, "id")};
    m.group = GroupId{id_of(j, "group_id")};
    m.person = PersonId{id_of(j, "person_id")};
    m.code = parse_membership_code(j.value("code", "")).value_or(MembershipCode::RA);
    m.role = parse_member_role(j.value("role", "")).value_or(MemberRole::member);
    m.priority = j.value("priority", "");
    m.start = date_of_field(j, "start");
    m.end = optional_date(j, "end");
    m.nominated_deputy = j.value("nominated_deputy", "");
    m.version = j.value("version", 1);
    return m;
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

Meeting meeting_from_json(const json& j) {
    Meeting m;
    m.id = MeetingId{id_of(j, "id")};
    m.group = GroupId{id_of(j, "group_id")};
    m.status = parse_meeting_status(j.value("status", "")).value_or(MeetingStatus::planned);
    m.cancel_reason = j.value("cancel_reason", "");
    m.on = date_of_field(j, "on");
    m.starts_at = j.value("starts_at", "10:00");
    m.minutes_long = j.value("minutes_long", 120);
    m.place = j.value("place", "");
    m.online = j.value("online", false);
    m.theme = j.value("theme", "");
    for (const auto& a : j.value("agenda", json::array())) {
        m.agenda.push_back({a.value("number", 1), a.value("title", ""), PersonId{id_of(a, "owner_id")}, a.value("paper_link", "")});
    }
    for (const auto& r : j.value("attendance", json::array())) {
        m.attendance.push_back({PersonId{id_of(r, "person_id")}, parse_presence(r.value("presence", "")).value_or(Presence::absent),
                                r.value("deputy_name", "")});
    }
    for (const auto& d : j.value("decisions", json::array())) m.decisions.push_back({d.value("number", 1), d.value("text", "")});
    m.minutes = j.value("minutes", "");
    m.version = j.value("version", 1);
    return m;
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

ActionItem action_from_json(const json& j) {
    ActionItem a;
    a.id = ActionId{id_of(j, "id")};
    a.group = GroupId{id_of(j, "group_id")};
    a.meeting = MeetingId{id_of(j, "meeting_id")};
    a.text = j.value("text", "");
    a.owner = PersonId{id_of(j, "owner_id")};
    a.due = date_of_field(j, "due");
    a.status = parse_action_status(j.value("status", "")).value_or(ActionStatus::open);
    a.closed_on = optional_date(j, "closed_on");
    a.note = j.value("note", "");
    a.version = j.value("version", 1);
    return a;
}

json to_json(const Interest& i) {
    return {{"id", i.id.value},
            {"person_id", i.person.value},
            {"interest", i.interest},
            {"declared_on", i.declared_on.iso()},
            {"meeting_id", id_or_null(i.meeting.value)},
            {"agenda_item", i.agenda_item > 0 ? json(i.agenda_item) : json(nullptr)}};
}

}  // namespace assure
