// Governance records: a column for every field, the lists answered in SQL on indexes led by
// the partnership, paged by keyset in each list's order. The row mapping is governance_rows.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/failure.hpp"
#include "store/sql/governance_rows.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/select_builder.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

using namespace governance_rows;

// A keyset cursor of a date and an id, as the lists below give out.
struct DateAndId {
    std::string date;
    std::int64_t id = 0;
};

DateAndId date_and_id(const std::string& cursor) {
    const auto parts = cursor_parts(cursor, 2);
    const bool digits = !parts[1].empty() && parts[1].size() <= 18 && parts[1].find_first_not_of("0123456789") == std::string::npos;
    if (!Date::parse(parts[0]) || !digits) {
        throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
    }
    return {parts[0], std::stoll(parts[1])};
}

// Rows after the cursor in (column, id) order, ascending or descending.
void after_cursor(SelectBuilder& s, const PageRequest& page, const std::string& date_column, const std::string& id_column,
                  bool descending) {
    if (page.after.empty()) return;
    const auto key = date_and_id(page.after);
    const char* beyond = descending ? " < ?" : " > ?";
    s.where("(" + date_column + beyond + " OR (" + date_column + " = ? AND " + id_column + beyond + "))");
    s.arg(key.date).arg(key.date).arg(key.id);
}

template <class T, class Read, class Key>
Page<T> fetch_page(Connection& db, SelectBuilder& s, int limit, Read read, Key key) {
    s.then("LIMIT ?").arg(static_cast<std::int64_t>(limit) + 1);
    auto& q = s.run(db);
    std::vector<T> rows;
    while (q.step()) rows.push_back(read(q));
    return page_of(std::move(rows), limit, key);
}

std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

// The filters of an action query, without its page.
SelectBuilder& action_filters(SelectBuilder& s, const ActionQuery& q) {
    s.where("a.partnership_id = ?").arg(q.partnership.value);
    if (!q.states.empty()) {
        s.where_in("a.status", q.states, [](ActionStatus st) { return std::string(action_status_key(st)); });
    }
    if (q.owner) s.where("a.owner_person_id = ?").arg(q.owner->value);
    if (q.group) s.where("m.group_id = ?").arg(q.group->value);
    if (q.meeting) s.where("a.meeting_id = ?").arg(q.meeting->value);
    if (q.overdue_on) s.where("a.status = 'open' AND a.due_on < ?").arg(q.overdue_on->iso());
    if (!q.text.empty()) s.where("lower(a.text) LIKE lower(?) ESCAPE '\\'").arg(like_pattern(q.text));
    return s;
}

constexpr const char* kActionsFrom = " FROM governance_actions a JOIN governance_meetings m ON m.id = a.meeting_id";

// A figure needs the meeting only to filter by its group: without one, the count runs on the
// actions' own index and does not visit a meeting per action (ten years: 9,000 of them).
const char* counted_from(const ActionQuery& q) { return q.group ? kActionsFrom : " FROM governance_actions a"; }

}  // namespace

std::vector<Group> SqlGovernance::groups(PartnershipId partnership) {
    auto& q = db_.cached(std::string("SELECT ") + kGroupColumns + " FROM governance_groups g WHERE g.partnership_id = ? ORDER BY g.id");
    q.bind(1, partnership.value);
    std::vector<Group> out;
    while (q.step()) out.push_back(read_group(q));
    return out;
}

std::optional<Group> SqlGovernance::find_group(PartnershipId partnership, GroupId id) {
    auto& q = db_.cached(std::string("SELECT ") + kGroupColumns + " FROM governance_groups g WHERE g.partnership_id = ? AND g.id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_group(q);
}

namespace {

// Binds a group's fields from `first` on, in the order of the INSERT and UPDATE below.
void bind_group(Statement& q, int first, const Group& g) {
    q.bind(first, g.name).bind(first + 1, group_type_key(g.type)).bind(first + 2, g.purpose);
    bind_optional_id(q, first + 3, g.parent.value);
    q.bind(first + 4, chair_kind_key(g.chair_kind));
    bind_optional_id(q, first + 5, g.chair.value);
    bind_optional_id(q, first + 6, g.deputy.value);
    q.bind(first + 7, g.rotation_months);
    bind_optional_date(q, first + 8, g.chair_kind == ChairKind::rotating ? std::optional<Date>(g.rotation_start) : std::nullopt);
    q.bind(first + 9, g.cadence_months).bind(first + 10, quorum_kind_key(g.quorum.kind)).bind(first + 11, g.quorum.value)
        .bind(first + 12, g.active_from.iso());
    bind_optional_date(q, first + 13, g.active_to);
}

}  // namespace

GroupId SqlGovernance::insert_group(const Group& g) {
    auto& q = db_.cached(
        "INSERT INTO governance_groups(partnership_id, name, type, purpose, parent_id, chair_kind, chair_person_id, deputy_person_id, "
        "rotation_months, rotation_start, cadence_months, quorum_kind, quorum_value, active_from, active_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, g.partnership.value);
    bind_group(q, 2, g);
    q.run();
    return GroupId{db_.last_insert_id()};
}

bool SqlGovernance::update_group(const Group& g) {
    auto& q = db_.cached(
        "UPDATE governance_groups SET name = ?, type = ?, purpose = ?, parent_id = ?, chair_kind = ?, chair_person_id = ?, "
        "deputy_person_id = ?, rotation_months = ?, rotation_start = ?, cadence_months = ?, quorum_kind = ?, quorum_value = ?, "
        "active_from = ?, active_to = ?, version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    bind_group(q, 1, g);
    q.bind(15, g.id.value).bind(16, g.partnership.value).bind(17, g.version).run();
    return db_.changes() == 1;
}

std::vector<TermsVersion> SqlGovernance::terms(GroupId group) {
    auto& q = db_.cached(
        "SELECT number, markdown, approved_on, recorded_at, recorded_by FROM governance_terms WHERE group_id = ? ORDER BY number");
    q.bind(1, group.value);
    std::vector<TermsVersion> out;
    while (q.step()) {
        out.push_back({group, q.integer(0), q.text(1), strict_date(q, 2, "governance_terms", "approved_on"), q.int64(3), q.text(4)});
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
    SelectBuilder s(std::string("SELECT ") + kMembershipColumns +
                    " FROM governance_members m JOIN governance_groups g ON g.id = m.group_id");
    s.where("g.partnership_id = ?").arg(partnership.value);
    if (group) s.where("m.group_id = ?").arg(group->value);
    auto& q = s.then("ORDER BY m.id").run(db_);
    std::vector<Membership> out;
    while (q.step()) out.push_back(read_membership(q));
    return out;
}

std::vector<Membership> SqlGovernance::memberships_of(PartnershipId partnership, PersonId person) {
    auto& q = db_.cached(std::string("SELECT ") + kMembershipColumns +
                         " FROM governance_members m JOIN governance_groups g ON g.id = m.group_id "
                         "WHERE g.partnership_id = ? AND m.person_id = ? ORDER BY m.id");
    q.bind(1, partnership.value).bind(2, person.value);
    std::vector<Membership> out;
    while (q.step()) out.push_back(read_membership(q));
    return out;
}

std::map<GroupId, int> SqlGovernance::count_members_on(PartnershipId partnership, Date on) {
    auto& q = db_.cached(
        "SELECT m.group_id, count(*) FROM governance_members m JOIN governance_groups g ON g.id = m.group_id "
        "WHERE g.partnership_id = ? AND m.start_on <= ? AND (m.end_on IS NULL OR m.end_on >= ?) GROUP BY m.group_id");
    q.bind(1, partnership.value).bind(2, on.iso()).bind(3, on.iso());
    std::map<GroupId, int> out;
    while (q.step()) out[GroupId{q.int64(0)}] = q.integer(1);
    return out;
}

MembershipId SqlGovernance::insert_membership(const Membership& m) {
    auto& q = db_.cached(
        "INSERT INTO governance_members(group_id, person_id, code, role, priority, start_on, end_on, nominated_deputy) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, m.group.value).bind(2, m.person.value).bind(3, membership_code_key(m.code)).bind(4, member_role_key(m.role))
        .bind(5, m.priority).bind(6, m.start.iso());
    bind_optional_date(q, 7, m.end);
    q.bind(8, m.nominated_deputy).run();
    return MembershipId{db_.last_insert_id()};
}

bool SqlGovernance::update_membership(const Membership& m) {
    auto& q = db_.cached(
        "UPDATE governance_members SET code = ?, role = ?, priority = ?, start_on = ?, end_on = ?, nominated_deputy = ?, "
        "version = version + 1 WHERE id = ? AND group_id = ? AND version = ?");
    q.bind(1, membership_code_key(m.code)).bind(2, member_role_key(m.role)).bind(3, m.priority).bind(4, m.start.iso());
    bind_optional_date(q, 5, m.end);
    q.bind(6, m.nominated_deputy).bind(7, m.id.value).bind(8, m.group.value).bind(9, m.version).run();
    return db_.changes() == 1;
}

namespace {

// Each meeting's attendance, in the order it was recorded: one statement for the lot. The list of
// ids is padded to a power of two so the statement cache holds few shapes (no meeting has id 0).
void load_attendance(Connection& db, std::vector<Meeting>& meetings) {
    if (meetings.empty()) return;
    std::size_t slots = 1;
    while (slots < meetings.size()) slots *= 2;
    std::string sql = "SELECT meeting_id, person_id, presence, deputy_name FROM governance_attendance WHERE meeting_id IN (";
    for (std::size_t i = 0; i < slots; ++i) sql += i ? ",?" : "?";
    sql += ") ORDER BY meeting_id, position";
    auto& q = db.cached(sql);
    std::unordered_map<std::int64_t, Meeting*> by_id;
    for (std::size_t i = 0; i < slots; ++i) {
        q.bind(static_cast<int>(i + 1), i < meetings.size() ? meetings[i].id.value : std::int64_t{0});
        if (i < meetings.size()) by_id[meetings[i].id.value] = &meetings[i];
    }
    while (q.step()) by_id.at(q.int64(0))->attendance.push_back(read_attendance(q));
}

// The attendance is rewritten whole: a meeting's register is a few dozen rows, changed together.
void save_attendance(Connection& db, const Meeting& m) {
    db.cached("DELETE FROM governance_attendance WHERE meeting_id = ?").bind(1, m.id.value).run();
    int position = 0;
    for (const auto& r : m.attendance) {
        // cached() hands the statement back reset, ready for the next row.
        db.cached("INSERT INTO governance_attendance(meeting_id, person_id, presence, deputy_name, position) VALUES (?, ?, ?, ?, ?)")
            .bind(1, m.id.value)
            .bind(2, r.person.value)
            .bind(3, presence_key(r.presence))
            .bind(4, r.deputy_name)
            .bind(5, position++)
            .run();
    }
}

}  // namespace

Page<Meeting> SqlGovernance::meetings(const MeetingQuery& query) {
    const bool whole = !query.attendance_only;
    SelectBuilder s(std::string("SELECT ") + (whole ? kMeetingColumns : kMeetingHeadingColumns) + " FROM governance_meetings m");
    s.where("m.partnership_id = ?").arg(query.partnership.value);
    if (query.group) s.where("m.group_id = ?").arg(query.group->value);
    if (query.from) s.where("m.held_on >= ?").arg(query.from->iso());
    if (query.to) s.where("m.held_on <= ?").arg(query.to->iso());
    if (!query.statuses.empty()) {
        s.where_in("m.status", query.statuses, [](MeetingStatus st) { return std::string(meeting_status_key(st)); });
    }
    after_cursor(s, query.page, "m.held_on", "m.id", query.newest_first);
    s.then(query.newest_first ? "ORDER BY m.held_on DESC, m.id DESC" : "ORDER BY m.held_on, m.id");
    auto page = fetch_page<Meeting>(db_, s, query.page.limit, whole ? read_meeting : read_meeting_heading,
                                    [](const Meeting& m) { return std::vector<std::string>{m.on.iso(), m.id.str()}; });
    load_attendance(db_, page.items);
    return page;
}

std::map<GroupId, LastAndNext> SqlGovernance::last_and_next_meetings(PartnershipId partnership, Date today) {
    // Per group, the meeting just before and just after today, each found by walking the group's
    // date index from today: the cost does not grow with the years of meetings behind it.
    auto& q = db_.cached(
        "SELECT g.id, "
        "(SELECT m.held_on FROM governance_meetings m WHERE m.partnership_id = g.partnership_id AND m.group_id = g.id "
        "AND m.held_on <= ?1 AND m.status = 'held' ORDER BY m.held_on DESC, m.id DESC LIMIT 1), "
        "(SELECT m.held_on FROM governance_meetings m WHERE m.partnership_id = g.partnership_id AND m.group_id = g.id "
        "AND m.held_on >= ?1 AND m.status = 'planned' ORDER BY m.held_on, m.id LIMIT 1) "
        "FROM governance_groups g WHERE g.partnership_id = ?2 AND EXISTS (SELECT 1 FROM governance_meetings m "
        "WHERE m.partnership_id = g.partnership_id AND m.group_id = g.id) ORDER BY g.id");
    q.bind(1, today.iso()).bind(2, partnership.value);
    std::map<GroupId, LastAndNext> out;
    while (q.step()) {
        out[GroupId{q.int64(0)}] = {strict_optional_date(q, 1, "governance_meetings", "held_on"),
                                    strict_optional_date(q, 2, "governance_meetings", "held_on")};
    }
    return out;
}

std::map<MeetingId, Date> SqlGovernance::meeting_dates(PartnershipId partnership, const std::vector<MeetingId>& ids) {
    std::set<MeetingId> wanted(ids.begin(), ids.end());
    std::vector<std::int64_t> batch;
    std::map<MeetingId, Date> out;
    auto ask = [&] {
        SelectBuilder s("SELECT id, held_on FROM governance_meetings");
        s.where("partnership_id = ?").arg(partnership.value);
        s.where_in("id", batch, [](std::int64_t id) { return id; });
        auto& q = s.run(db_);
        while (q.step()) out[MeetingId{q.int64(0)}] = strict_date(q, 1, "governance_meetings", "held_on");
        batch.clear();
    };
    // In batches of a page at most, so the statement cache holds few shapes.
    for (const auto id : wanted) {
        batch.push_back(id.value);
        if (batch.size() == static_cast<std::size_t>(PageRequest::default_limit)) ask();
    }
    if (!batch.empty()) ask();
    return out;
}

std::optional<Meeting> SqlGovernance::find_meeting(PartnershipId partnership, MeetingId id) {
    auto& q = db_.cached(std::string("SELECT ") + kMeetingColumns + " FROM governance_meetings m WHERE m.partnership_id = ? AND m.id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<Meeting> one{read_meeting(q)};
    load_attendance(db_, one);
    return std::move(one.front());
}

namespace {

// Binds a meeting's changeable fields from `first` on, in the order of the INSERT and UPDATE below.
void bind_meeting(Statement& q, int first, const Meeting& m) {
    q.bind(first, m.on.iso()).bind(first + 1, meeting_status_key(m.status)).bind(first + 2, m.cancel_reason)
        .bind(first + 3, m.starts_at).bind(first + 4, m.minutes_long).bind(first + 5, m.place).bind(first + 6, m.online)
        .bind(first + 7, m.theme).bind(first + 8, m.minutes).bind(first + 9, meeting_detail_json(m));
}

}  // namespace

MeetingId SqlGovernance::insert_meeting(const Meeting& m) {
    auto& q = db_.cached(
        "INSERT INTO governance_meetings(partnership_id, group_id, held_on, status, cancel_reason, starts_at, minutes_long, place, "
        "online, theme, minutes, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, m.partnership.value).bind(2, m.group.value);
    bind_meeting(q, 3, m);
    q.run();
    Meeting saved = m;
    saved.id = MeetingId{db_.last_insert_id()};
    save_attendance(db_, saved);
    return saved.id;
}

bool SqlGovernance::update_meeting(const Meeting& m) {
    auto& q = db_.cached(
        "UPDATE governance_meetings SET held_on = ?, status = ?, cancel_reason = ?, starts_at = ?, minutes_long = ?, place = ?, "
        "online = ?, theme = ?, minutes = ?, detail_json = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    bind_meeting(q, 1, m);
    q.bind(11, m.id.value).bind(12, m.partnership.value).bind(13, m.version).run();
    if (db_.changes() != 1) return false;
    save_attendance(db_, m);
    return true;
}

Page<ActionItem> SqlGovernance::actions(const ActionQuery& query) {
    SelectBuilder s(std::string("SELECT ") + kActionColumns + kActionsFrom);
    action_filters(s, query);
    after_cursor(s, query.page, "a.due_on", "a.id", false);
    s.then("ORDER BY a.due_on, a.id");
    return fetch_page<ActionItem>(db_, s, query.page.limit, read_action,
                                  [](const ActionItem& a) { return std::vector<std::string>{a.due.iso(), a.id.str()}; });
}

ActionCounts SqlGovernance::count_actions(const ActionQuery& query, Date today) {
    SelectBuilder s(std::string("SELECT a.status, CASE WHEN a.due_on < ? THEN 1 ELSE 0 END, count(*)") + counted_from(query));
    s.arg(today.iso());
    // By position: the two CASE expressions would differ in their placeholders.
    action_filters(s, query).then("GROUP BY 1, 2");
    auto& q = s.run(db_);
    ActionCounts out;
    while (q.step()) {
        const int n = q.integer(2);
        switch (strict_enum(parse_action_status, q.text(0), "governance_actions", "status")) {
            case ActionStatus::open:
                out.open += n;
                if (q.integer(1) == 1) out.overdue += n;
                break;
            case ActionStatus::done: out.done += n; break;
            case ActionStatus::dropped: out.dropped += n; break;
        }
    }
    return out;
}

std::vector<std::pair<PersonId, int>> SqlGovernance::count_overdue_by_owner(const ActionQuery& query, Date today) {
    SelectBuilder s(std::string("SELECT +a.owner_person_id, count(*)") + counted_from(query));
    action_filters(s, query).where("a.status = 'open' AND a.due_on < ?").arg(today.iso());
    // Grouped by +owner (PostgreSQL reads it as the column) so that SQLite reads only the overdue range of the status index
    // (governance_actions_by_status carries the owner) and sorts those few, instead of walking the
    // owner index through every action the partnership ever agreed to save that sort.
    auto& q = s.then("GROUP BY 1 ORDER BY 1").run(db_);
    std::vector<std::pair<PersonId, int>> out;
    while (q.step()) out.emplace_back(PersonId{q.int64(0)}, q.integer(1));
    return out;
}

std::optional<ActionItem> SqlGovernance::find_action(PartnershipId partnership, ActionId id) {
    auto& q = db_.cached(std::string("SELECT ") + kActionColumns + kActionsFrom + " WHERE a.partnership_id = ? AND a.id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_action(q);
}

ActionId SqlGovernance::insert_action(const ActionItem& a) {
    auto& q = db_.cached(
        "INSERT INTO governance_actions(partnership_id, meeting_id, owner_person_id, text, due_on, status, closed_on, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, a.partnership.value).bind(2, a.meeting.value).bind(3, a.owner.value).bind(4, a.text).bind(5, a.due.iso())
        .bind(6, action_status_key(a.status));
    bind_optional_date(q, 7, a.closed_on);
    q.bind(8, a.note).run();
    return ActionId{db_.last_insert_id()};
}

bool SqlGovernance::update_action(const ActionItem& a) {
    auto& q = db_.cached(
        "UPDATE governance_actions SET owner_person_id = ?, text = ?, due_on = ?, status = ?, closed_on = ?, note = ?, "
        "version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, a.owner.value).bind(2, a.text).bind(3, a.due.iso()).bind(4, action_status_key(a.status));
    bind_optional_date(q, 5, a.closed_on);
    q.bind(6, a.note).bind(7, a.id.value).bind(8, a.partnership.value).bind(9, a.version).run();
    return db_.changes() == 1;
}

Page<Interest> SqlGovernance::interests(const InterestQuery& query) {
    SelectBuilder s(std::string("SELECT ") + kInterestColumns + " FROM governance_interests i");
    s.where("i.partnership_id = ?").arg(query.partnership.value);
    if (query.person) s.where("i.person_id = ?").arg(query.person->value);
    if (query.meeting) s.where("i.meeting_id = ?").arg(query.meeting->value);
    after_cursor(s, query.page, "i.declared_on", "i.id", true);
    s.then("ORDER BY i.declared_on DESC, i.id DESC");
    return fetch_page<Interest>(db_, s, query.page.limit, read_interest,
                                [](const Interest& i) { return std::vector<std::string>{i.declared_on.iso(), i.id.str()}; });
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
