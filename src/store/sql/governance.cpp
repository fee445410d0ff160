// Governance records in SQLite. Each record is its JSON document (app/governance_json.hpp)
// plus the columns the queries need: the partnership, the group, the date, the status.
#include "app/governance_json.hpp"
#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

using nlohmann::json;

json parse(const std::string& text) { return json::parse(text, nullptr, false); }

template <class T, class From>
T record(const Statement& q, int json_column, std::int64_t id, int version, From from) {
    T out = from(parse(q.text(json_column)));
    out.id = decltype(out.id){id};
    out.version = version;
    return out;
}

Group read_group(const Statement& q) {  // id, partnership_id, record_json, version
    Group g = record<Group>(q, 2, q.int64(0), q.integer(3), group_from_json);
    g.partnership = PartnershipId{q.int64(1)};
    return g;
}

Meeting read_meeting(const Statement& q) {  // id, partnership_id, record_json, version
    Meeting m = record<Meeting>(q, 2, q.int64(0), q.integer(3), meeting_from_json);
    m.partnership = PartnershipId{q.int64(1)};
    return m;
}

ActionItem read_action(const Statement& q) {  // id, partnership_id, record_json, version
    ActionItem a = record<ActionItem>(q, 2, q.int64(0), q.integer(3), action_from_json);
    a.partnership = PartnershipId{q.int64(1)};
    return a;
}

void bind_optional_id(Statement& q, int index, std::int64_t id) {
    if (id > 0) q.bind(index, id);
    else q.bind_null(index);
}

}  // namespace

std::vector<Group> SqlGovernance::groups(PartnershipId partnership) {
    auto& q = db_.cached("SELECT id, partnership_id, record_json, version FROM governance_groups WHERE partnership_id = ? ORDER BY id");
    q.bind(1, partnership.value);
    std::vector<Group> out;
    while (q.step()) out.push_back(read_group(q));
    return out;
}

std::optional<Group> SqlGovernance::find_group(PartnershipId partnership, GroupId id) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, record_json, version FROM governance_groups WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_group(q);
}

GroupId SqlGovernance::insert_group(const Group& g) {
    auto& q = db_.cached("INSERT INTO governance_groups(partnership_id, name, parent_id, record_json) VALUES (?, ?, ?, ?)");
    q.bind(1, g.partnership.value).bind(2, g.name);
    bind_optional_id(q, 3, g.parent.value);
    q.bind(4, to_json(g).dump()).run();
    return GroupId{db_.last_insert_id()};
}

bool SqlGovernance::update_group(const Group& g) {
    auto& q = db_.cached(
        "UPDATE governance_groups SET name = ?, parent_id = ?, record_json = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, g.name);
    bind_optional_id(q, 2, g.parent.value);
    q.bind(3, to_json(g).dump()).bind(4, g.id.value).bind(5, g.partnership.value).bind(6, g.version).run();
    return db_.changes() == 1;
}

std::vector<TermsVersion> SqlGovernance::terms(GroupId group) {
    auto& q = db_.cached(
        "SELECT number, markdown, approved_on, recorded_at, recorded_by FROM governance_terms WHERE group_id = ? ORDER BY number");
    q.bind(1, group.value);
    std::vector<TermsVersion> out;
    while (q.step()) {
        out.push_back({group, q.integer(0), q.text(1), Date::parse(q.text(2)).value_or(Date{}), q.int64(3), q.text(4)});
    }
    return out;
}

void SqlGovernance::add_terms(const TermsVersion& t) {
    auto& q = db_.cached(
        "INSERT INTO governance_terms(group_id, number, markdown, approved_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, t.group.value).bind(2, t.number).bind(3, t.markdown).bind(4, t.approved_on.iso()).bind(5, t.recorded_at)
        .bind(6, t.recorded_by).run();
}

std::vector<Membership> SqlGovernance::memberships(PartnershipId partnership, std::optional<GroupId> group) {
    auto& q = db_.cached(
        "SELECT m.id, m.record_json, m.version FROM governance_members m JOIN governance_groups g ON g.id = m.group_id "
        "WHERE g.partnership_id = ? AND (CAST(? AS BIGINT) = 0 OR m.group_id = ?) ORDER BY m.id");
    const std::int64_t gid = group ? group->value : 0;
    q.bind(1, partnership.value).bind(2, gid).bind(3, gid);
    std::vector<Membership> out;
    while (q.step()) out.push_back(record<Membership>(q, 1, q.int64(0), q.integer(2), membership_from_json));
    return out;
}

MembershipId SqlGovernance::insert_membership(const Membership& m) {
    auto& q = db_.cached("INSERT INTO governance_members(group_id, person_id, record_json) VALUES (?, ?, ?)");
    q.bind(1, m.group.value).bind(2, m.person.value).bind(3, to_json(m).dump()).run();
    return MembershipId{db_.last_insert_id()};
}

bool SqlGovernance::update_membership(const Membership& m) {
    auto& q = db_.cached(
        "UPDATE governance_members SET record_json = ?, version = version + 1 WHERE id = ? AND group_id = ? AND version = ?");
    q.bind(1, to_json(m).dump()).bind(2, m.id.value).bind(3, m.group.value).bind(4, m.version).run();
    return db_.changes() == 1;
}

std::vector<Meeting> SqlGovernance::meetings(PartnershipId partnership, std::optional<GroupId> group) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, record_json, version FROM governance_meetings "
        "WHERE partnership_id = ? AND (CAST(? AS BIGINT) = 0 OR group_id = ?) ORDER BY held_on, id");
    const std::int64_t gid = group ? group->value : 0;
    q.bind(1, partnership.value).bind(2, gid).bind(3, gid);
    std::vector<Meeting> out;
    while (q.step()) out.push_back(read_meeting(q));
    return out;
}

std::optional<Meeting> SqlGovernance::find_meeting(PartnershipId partnership, MeetingId id) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, record_json, version FROM governance_meetings WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_meeting(q);
}

MeetingId SqlGovernance::insert_meeting(const Meeting& m) {
    auto& q = db_.cached(
        "INSERT INTO governance_meetings(partnership_id, group_id, held_on, status, record_json) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, m.partnership.value).bind(2, m.group.value).bind(3, m.on.iso()).bind(4, meeting_status_key(m.status))
        .bind(5, to_json(m).dump()).run();
    return MeetingId{db_.last_insert_id()};
}

bool SqlGovernance::update_meeting(const Meeting& m) {
    auto& q = db_.cached(
        "UPDATE governance_meetings SET held_on = ?, status = ?, record_json = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, m.on.iso()).bind(2, meeting_status_key(m.status)).bind(3, to_json(m).dump()).bind(4, m.id.value)
        .bind(5, m.partnership.value).bind(6, m.version).run();
    return db_.changes() == 1;
}

std::vector<ActionItem> SqlGovernance::actions(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, record_json, version FROM governance_actions WHERE partnership_id = ? ORDER BY due_on, id");
    q.bind(1, partnership.value);
    std::vector<ActionItem> out;
    while (q.step()) out.push_back(read_action(q));
    return out;
}

std::optional<ActionItem> SqlGovernance::find_action(PartnershipId partnership, ActionId id) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, record_json, version FROM governance_actions WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_action(q);
}

ActionId SqlGovernance::insert_action(const ActionItem& a) {
    auto& q = db_.cached(
        "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, due_on, status, record_json) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, a.partnership.value).bind(2, a.meeting.value).bind(3, a.owner.value).bind(4, a.due.iso())
        .bind(5, action_status_key(a.status)).bind(6, to_json(a).dump()).run();
    return ActionId{db_.last_insert_id()};
}

bool SqlGovernance::update_action(const ActionItem& a) {
    auto& q = db_.cached(
        "UPDATE governance_actions SET owner_person_id = ?, due_on = ?, status = ?, record_json = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, a.owner.value).bind(2, a.due.iso()).bind(3, action_status_key(a.status)).bind(4, to_json(a).dump())
        .bind(5, a.id.value).bind(6, a.partnership.value).bind(7, a.version).run();
    return db_.changes() == 1;
}

std::vector<Interest> SqlGovernance::interests(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT id, person_id, interest, declared_on, meeting_id, agenda_item, recorded_by FROM governance_interests "
        "WHERE partnership_id = ? ORDER BY declared_on DESC, id DESC");
    q.bind(1, partnership.value);
    std::vector<Interest> out;
    while (q.step()) {
        Interest i;
        i.id = InterestId{q.int64(0)};
        i.partnership = partnership;
        i.person = PersonId{q.int64(1)};
        i.interest = q.text(2);
        i.declared_on = Date::parse(q.text(3)).value_or(Date{});
        i.meeting = MeetingId{q.is_null(4) ? 0 : q.int64(4)};
        i.agenda_item = q.integer(5);
        i.recorded_by = q.text(6);
        out.push_back(i);
    }
    return out;
}

InterestId SqlGovernance::insert_interest(const Interest& i) {
    auto& q = db_.cached(
        "INSERT INTO governance_interests(partnership_id, person_id, interest, declared_on, meeting_id, agenda_item, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, i.partnership.value).bind(2, i.person.value).bind(3, i.interest).bind(4, i.declared_on.iso());
    bind_optional_id(q, 5, i.meeting.value);
    q.bind(6, i.agenda_item).bind(7, i.recorded_by).run();
    return InterestId{db_.last_insert_id()};
}

void SqlGovernance::set_feed_token(UserId user, const std::string& token_hash, Instant at) {
    auto& q = db_.cached(
        "INSERT INTO feed_tokens(user_id, token_hash, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT(user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at");
    q.bind(1, user.value).bind(2, token_hash).bind(3, at).run();
}

std::optional<UserId> SqlGovernance::feed_user(const std::string& token_hash) {
    auto& q = db_.cached("SELECT user_id FROM feed_tokens WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return UserId{q.int64(0)};
}

}  // namespace assure::sql
