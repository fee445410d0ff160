#include "store/sql/governance_rows.hpp"

#include <nlohmann/json.hpp>

#include "store/sql/strict.hpp"

namespace assure::sql::governance_rows {
namespace {

using nlohmann::json;

std::int64_t optional_id(const Statement& q, int column) { return q.is_null(column) ? 0 : q.int64(column); }

// detail_json is the store's own document; a missing or mistyped field is an error, as a column's would be.
[[noreturn]] void bad_detail(const std::string& what) {
    throw Error(Error::Kind::other, "governance_meetings.detail_json: " + what);
}

const json& field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) bad_detail(std::string("missing '") + key + "'");
    return *it;
}

template <class T>
T as(const json& j, const char* key) {
    try {
        return field(j, key).get<T>();
    } catch (const json::exception&) {
        bad_detail(std::string("'") + key + "' has the wrong type");
    }
}

std::int64_t id_or_zero(const json& j, const char* key) {
    const json& v = field(j, key);
    return v.is_null() ? 0 : as<std::int64_t>(j, key);
}

}  // namespace

void bind_optional_id(Statement& q, int index, std::int64_t id) {
    if (id > 0) q.bind(index, id);
    else q.bind_null(index);
}

void bind_optional_date(Statement& q, int index, const std::optional<Date>& d) {
    if (d) q.bind(index, d->iso());
    else q.bind_null(index);
}

Group read_group(const Statement& q) {
    static constexpr const char* t = "governance_groups";
    Group g;
    g.id = GroupId{q.int64(0)};
    g.partnership = PartnershipId{q.int64(1)};
    g.name = q.text(2);
    g.type = strict_enum(parse_group_type, q.text(3), t, "type");
    g.purpose = q.text(4);
    g.parent = GroupId{optional_id(q, 5)};
    g.chair_kind = strict_enum(parse_chair_kind, q.text(6), t, "chair_kind");
    g.chair = PersonId{optional_id(q, 7)};
    g.deputy = PersonId{optional_id(q, 8)};
    g.rotation_months = q.integer(9);
    g.rotation_start = strict_optional_date(q, 10, t, "rotation_start").value_or(Date{});
    g.cadence_months = q.integer(11);
    g.quorum.kind = strict_enum(parse_quorum_kind, q.text(12), t, "quorum_kind");
    g.quorum.value = q.integer(13);
    g.active_from = strict_date(q, 14, t, "active_from");
    g.active_to = strict_optional_date(q, 15, t, "active_to");
    g.version = q.integer(16);
    return g;
}

Membership read_membership(const Statement& q) {
    static constexpr const char* t = "governance_members";
    Membership m;
    m.id = MembershipId{q.int64(0)};
    m.group = GroupId{q.int64(1)};
    m.person = PersonId{q.int64(2)};
    m.code = strict_enum(parse_membership_code, q.text(3), t, "code");
    m.role = strict_enum(parse_member_role, q.text(4), t, "role");
    m.priority = q.text(5);
    m.start = strict_date(q, 6, t, "start_on");
    m.end = strict_optional_date(q, 7, t, "end_on");
    m.nominated_deputy = q.text(8);
    m.version = q.integer(9);
    return m;
}

std::string meeting_detail_json(const Meeting& m) {
    json agenda = json::array(), decisions = json::array();
    for (const auto& a : m.agenda) {
        agenda.push_back({{"number", a.number},
                          {"title", a.title},
                          {"owner_id", a.owner.valid() ? json(a.owner.value) : json(nullptr)},
                          {"paper_link", a.paper_link}});
    }
    for (const auto& d : m.decisions) decisions.push_back({{"number", d.number}, {"text", d.text}});
    return json{{"agenda", agenda}, {"decisions", decisions}}.dump();
}

namespace {

void read_detail(const std::string& text, Meeting& m) {
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object()) bad_detail("not a JSON object");
    for (const auto& a : field(j, "agenda")) {
        m.agenda.push_back({as<int>(a, "number"), as<std::string>(a, "title"), PersonId{id_or_zero(a, "owner_id")},
                            as<std::string>(a, "paper_link")});
    }
    for (const auto& d : field(j, "decisions")) m.decisions.push_back({as<int>(d, "number"), as<std::string>(d, "text")});
}

}  // namespace

Meeting read_meeting_heading(const Statement& q) {
    static constexpr const char* t = "governance_meetings";
    Meeting m;
    m.id = MeetingId{q.int64(0)};
    m.partnership = PartnershipId{q.int64(1)};
    m.group = GroupId{q.int64(2)};
    m.status = strict_enum(parse_meeting_status, q.text(3), t, "status");
    m.cancel_reason = q.text(4);
    m.on = strict_date(q, 5, t, "held_on");
    m.starts_at = q.text(6);
    m.minutes_long = q.integer(7);
    m.place = q.text(8);
    m.online = q.integer(9) != 0;
    m.theme = q.text(10);
    m.version = q.integer(11);
    return m;
}

Meeting read_meeting(const Statement& q) {
    Meeting m = read_meeting_heading(q);
    m.minutes = q.text(12);
    read_detail(q.text(13), m);
    return m;
}

AttendanceRecord read_attendance(const Statement& q) {
    return {PersonId{q.int64(1)}, strict_enum(parse_presence, q.text(2), "governance_attendance", "presence"), q.text(3)};
}

ActionItem read_action(const Statement& q) {
    static constexpr const char* t = "governance_actions";
    ActionItem a;
    a.id = ActionId{q.int64(0)};
    a.partnership = PartnershipId{q.int64(1)};
    a.group = GroupId{q.int64(2)};
    a.meeting = MeetingId{q.int64(3)};
    a.text = q.text(4);
    a.owner = PersonId{q.int64(5)};
    a.due = strict_date(q, 6, t, "due_on");
    a.status = strict_enum(parse_action_status, q.text(7), t, "status");
    a.closed_on = strict_optional_date(q, 8, t, "closed_on");
    a.note = q.text(9);
    a.version = q.integer(10);
    return a;
}

Interest read_interest(const Statement& q) {
    Interest i;
    i.id = InterestId{q.int64(0)};
    i.partnership = PartnershipId{q.int64(1)};
    i.person = PersonId{q.int64(2)};
    i.interest = q.text(3);
    i.declared_on = strict_date(q, 4, "governance_interests", "declared_on");
    i.meeting = MeetingId{optional_id(q, 5)};
    i.agenda_item = q.integer(6);
    i.recorded_by = q.text(7);
    return i;
}

}  // namespace assure::sql::governance_rows
