#pragma once
// The store's mapping between governance rows and core types. Strict: a stored value this
// version does not know is an error naming its table and column (store/sql/strict.hpp).
// Each k…Columns list is the SELECT list its read_… function expects, in order.
#include <string>

#include "core/governance.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql::governance_rows {

inline constexpr const char* kGroupColumns =
    "g.id, g.partnership_id, g.name, g.type, g.purpose, g.parent_id, g.chair_kind, g.chair_person_id, g.deputy_person_id, "
    "g.rotation_months, g.rotation_start, g.cadence_months, g.quorum_kind, g.quorum_value, g.active_from, g.active_to, g.version";
Group read_group(const Statement& q);

inline constexpr const char* kMembershipColumns =
    "m.id, m.group_id, m.person_id, m.code, m.role, m.priority, m.start_on, m.end_on, m.nominated_deputy, m.version";
Membership read_membership(const Statement& q);

// A meeting without its minutes, agenda or decisions: what attendance rates and plans need.
#define ASSURE_MEETING_HEADING_COLUMNS                                                                                     \
    "m.id, m.partnership_id, m.group_id, m.status, m.cancel_reason, m.held_on, m.starts_at, m.minutes_long, m.place, m.online, " \
    "m.theme, m.version"
inline constexpr const char* kMeetingHeadingColumns = ASSURE_MEETING_HEADING_COLUMNS;
Meeting read_meeting_heading(const Statement& q);
// The whole meeting: its heading's columns, then the minutes and detail_json.
inline constexpr const char* kMeetingColumns = ASSURE_MEETING_HEADING_COLUMNS ", m.minutes, m.detail_json";
#undef ASSURE_MEETING_HEADING_COLUMNS
Meeting read_meeting(const Statement& q);
// The agenda and decisions, kept together as the meeting's detail_json (attendance has its table).
std::string meeting_detail_json(const Meeting& m);
// One row of governance_attendance as `SELECT meeting_id, person_id, presence, deputy_name`.
AttendanceRecord read_attendance(const Statement& q);

// An action's group is its meeting's: the query joins governance_meetings as m.
inline constexpr const char* kActionColumns =
    "a.id, a.partnership_id, m.group_id, a.meeting_id, a.text, a.owner_person_id, a.due_on, a.status, a.closed_on, a.note, a.version";
ActionItem read_action(const Statement& q);

inline constexpr const char* kInterestColumns =
    "i.id, i.partnership_id, i.person_id, i.interest, i.declared_on, i.meeting_id, i.agenda_item, i.recorded_by";
Interest read_interest(const Statement& q);

// Binds an id column that is NULL when the id is not set.
void bind_optional_id(Statement& q, int index, std::int64_t id);
// Binds an optional date as ISO text or NULL.
void bind_optional_date(Statement& q, int index, const std::optional<Date>& d);

}  // namespace assure::sql::governance_rows
