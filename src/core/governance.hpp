#pragma once
// The partnership's own machinery: groups, membership, meetings, attendance, actions.
// Values and their rules; every number a rule uses comes from GovernanceRules (DOMAIN.md §1).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/partnership.hpp"

namespace assure {

// ---- rules ------------------------------------------------------------------------------

struct CycleMilestone {
    int month = 4;      // 1–12
    std::string label;  // "Priority planning"
};

struct GovernanceRules {
    double expected_rate = 0.75;            // attendance expected of each member
    double deputy_exceptional_share = 0.25; // above this share of held meetings, a deputy is "regular"
    bool deputy_counts_as_attended = true;  // the agency was represented
    int window_months = 12;                 // the attendance period looked back over
    std::vector<CycleMilestone> annual_cycle = default_annual_cycle();

    static std::vector<CycleMilestone> default_annual_cycle();  // seed 003
};

// ---- groups -----------------------------------------------------------------------------

enum class GroupType { executive, strategic_forum, partnership, sub_group, task_and_finish, panel };
enum class ChairKind { fixed, independent, rotating };
enum class QuorumKind { all_statutory_partners, min_members, min_share };

struct QuorumRule {
    QuorumKind kind = QuorumKind::min_share;
    int value = 50;  // members for min_members; a percentage for min_share; unused for all partners
};

struct Group {
    GroupId id;
    PartnershipId partnership;
    std::string name;
    GroupType type = GroupType::sub_group;
    std::string purpose;
    GroupId parent;                // the group it is accountable to; none for the top
    ChairKind chair_kind = ChairKind::fixed;
    PersonId chair;                // fixed or independent chair
    PersonId deputy;
    int rotation_months = 12;      // rotating: the chair passes among the statutory partners
    Date rotation_start;
    int cadence_months = 0;        // meets at least every N months; 0 = as needed
    QuorumRule quorum;
    Date active_from;
    std::optional<Date> active_to;
    int version = 1;
};

struct TermsVersion {
    GroupId group;
    int number = 1;
    std::string markdown;
    Date approved_on;
    Instant recorded_at = 0;
    std::string recorded_by;
};

// ---- membership -------------------------------------------------------------------------

enum class MembershipCode { SP, RA, C, A, B, SGC };
enum class MemberRole { chair, deputy, member, thematic_lead, adviser };

struct Membership {
    MembershipId id;
    GroupId group;
    PersonId person;
    MembershipCode code = MembershipCode::RA;
    MemberRole role = MemberRole::member;
    std::string priority;          // a thematic lead's priority, e.g. "Neglect"
    Date start;
    std::optional<Date> end;
    std::string nominated_deputy;  // name and role of who may attend in their place
    int version = 1;
};

bool member_on(const Membership& m, Date d);

// ---- meetings ---------------------------------------------------------------------------

enum class MeetingStatus { planned, held, cancelled };
enum class Presence { present, deputy, apologies, absent };

struct AttendanceRecord {
    PersonId person;
    Presence presence = Presence::absent;
    std::string deputy_name;  // who attended in their place
};

struct AgendaItem {
    int number = 1;
    std::string title;
    PersonId owner;
    std::string paper_link;
};

struct MeetingDecision {
    int number = 1;
    std::string text;
};

struct Meeting {
    MeetingId id;
    GroupId group;
    PartnershipId partnership;
    MeetingStatus status = MeetingStatus::planned;
    std::string cancel_reason;
    Date on;
    std::string starts_at = "10:00";  // HH:MM, local time
    int minutes_long = 120;
    std::string place;
    bool online = false;
    std::string theme;
    std::vector<AgendaItem> agenda;
    std::vector<AttendanceRecord> attendance;
    std::vector<MeetingDecision> decisions;
    std::string minutes;  // markdown
    int version = 1;
};

// ---- actions and interests --------------------------------------------------------------

enum class ActionStatus { open, done, dropped };

struct ActionItem {
    ActionId id;
    PartnershipId partnership;
    GroupId group;
    MeetingId meeting;
    std::string text;
    PersonId owner;
    Date due;
    ActionStatus status = ActionStatus::open;
    std::optional<Date> closed_on;
    std::string note;  // the latest update
    int version = 1;
};

bool action_overdue(const ActionItem& a, Date today);

struct Interest {
    InterestId id;
    PartnershipId partnership;
    PersonId person;
    std::string interest;
    Date declared_on;
    MeetingId meeting;    // with agenda_item: declared against an item; otherwise the general register
    int agenda_item = 0;
    std::string recorded_by;
};

// ---- keys and labels --------------------------------------------------------------------

std::string_view group_type_key(GroupType t);
std::string_view group_type_label(GroupType t);
std::optional<GroupType> parse_group_type(std::string_view key);
std::string_view chair_kind_key(ChairKind k);
std::string_view chair_kind_label(ChairKind k);
std::optional<ChairKind> parse_chair_kind(std::string_view key);
std::string_view quorum_kind_key(QuorumKind k);
std::optional<QuorumKind> parse_quorum_kind(std::string_view key);
std::string quorum_label(const QuorumRule& q);
std::string cadence_label(int months);
std::string_view membership_code_key(MembershipCode c);    // "SP"
std::string_view membership_code_label(MembershipCode c);  // "Statutory partner"
std::optional<MembershipCode> parse_membership_code(std::string_view key);
std::string_view member_role_key(MemberRole r);
std::string_view member_role_label(MemberRole r);
std::optional<MemberRole> parse_member_role(std::string_view key);
std::string_view meeting_status_key(MeetingStatus s);
std::string_view meeting_status_label(MeetingStatus s);
std::optional<MeetingStatus> parse_meeting_status(std::string_view key);
std::string_view presence_key(Presence p);
std::string_view presence_label(Presence p);
std::optional<Presence> parse_presence(std::string_view key);
std::string_view action_status_key(ActionStatus s);
std::string_view action_status_label(ActionStatus s);
std::optional<ActionStatus> parse_action_status(std::string_view key);
const std::vector<GroupType>& all_group_types();
const std::vector<MembershipCode>& all_membership_codes();
const std::vector<MemberRole>& all_member_roles();
const std::vector<int>& cadence_choices();

// ---- validation -------------------------------------------------------------------------

// What a person typed into the group form, before it is trusted.
struct GroupInput {
    std::string name, type, purpose, parent_id, chair_kind, chair_id, deputy_id;
    std::string rotation_months, rotation_start, cadence_months, quorum_kind, quorum_value;
    std::string active_from, active_to;
};

// What validation needs to know of the partnership and the group as it stands.
struct GroupContext {
    std::vector<Group> groups;       // of the partnership, for the parent
    std::vector<Person> people;      // for chair and deputy
    int statutory_partners = 0;      // agencies of the partnership that are statutory partners
    int active_members = 0;          // of this group today (0 for a new group)
};

FieldErrors validate_group(const GroupInput& in, const GroupContext& context, Group& out);

struct MemberInput {
    std::string person_id, code, role, priority, start, end, nominated_deputy;
};
FieldErrors validate_member(const MemberInput& in, const Group& group, const std::vector<Person>& people,
                            const std::vector<Membership>& existing, Membership& out);

struct MeetingInput {
    std::string on, starts_at, minutes_long, place, online, theme;
};
FieldErrors validate_meeting(const MeetingInput& in, const Group& group, Meeting& out);

struct ActionInput {
    std::string text, owner_id, due;
};
FieldErrors validate_action(const ActionInput& in, const Meeting& meeting, const std::vector<Person>& people, ActionItem& out);

// Attendance for each member; refuses anyone who was not a member on the meeting's date.
struct AttendanceInput {
    std::string person_id, presence, deputy_name;
};
FieldErrors validate_attendance(const std::vector<AttendanceInput>& in, const Meeting& meeting,
                                const std::vector<Membership>& members, std::vector<AttendanceRecord>& out);

// ---- attendance, quorum, cadence --------------------------------------------------------

struct Period {
    Date from;
    Date to;  // inclusive
};
// The rules' window ending today: 12 months back to the day after.
Period attendance_window(const GovernanceRules& rules, Date today);

struct MemberRate {
    PersonId person;
    int held = 0;        // held meetings while they were a member (cancelled never count)
    int attended = 0;    // present, and deputy if the rules count it
    int present = 0;
    int deputised = 0;
    int apologies = 0;
    int absent = 0;      // includes held meetings with nothing recorded for them
    std::optional<double> rate;  // none when no meeting was held in their time
    bool below_expected = false;
    bool deputy_regular = false;  // deputy attended more than the exceptional share
};

// Per person over all their memberships of `group` (a person may leave and rejoin).
std::vector<MemberRate> member_rates(const std::vector<Membership>& members, const std::vector<Meeting>& meetings,
                                     const Period& period, const GovernanceRules& rules);

struct RateTotal {
    std::string label;  // agency name
    AgencyId agency;
    int held = 0;
    int attended = 0;
    std::optional<double> rate;
    bool below_expected = false;
};
// Rates summed over the members of each agency; `person_agency` maps people to agencies.
std::vector<RateTotal> rates_by_agency(const std::vector<MemberRate>& rates, const std::map<PersonId, AgencyId>& person_agency,
                                       const std::vector<Agency>& agencies, const GovernanceRules& rules);

struct QuorumResult {
    bool quorate = false;
    int attending = 0;
    int members = 0;
    std::string explanation;  // "Quorate: 7 of 12 members attended (at least 50% needed)"
};
QuorumResult quorum_of(const Group& group, const Meeting& meeting, const std::vector<Membership>& members,
                       const std::map<PersonId, AgencyId>& person_agency, const std::vector<Agency>& agencies);

struct CadenceStatus {
    std::optional<Date> last_held;
    std::optional<Date> next_planned;
    std::optional<Date> due_by;  // when it must next meet under its cadence
    bool overdue = false;
    bool active = true;
};
CadenceStatus cadence_of(const Group& group, const std::vector<Meeting>& meetings, Date today);
// The same from the group's last held meeting (by today) and next planned one, as a store counts them.
CadenceStatus cadence_from(const Group& group, std::optional<Date> last_held, std::optional<Date> next_planned, Date today);

// Which statutory partner holds a rotating chair on `on` (local authority, police, health in turn).
StatutoryRole rotating_chair_on(const Group& group, Date on);
// When that turn ends.
Date rotation_ends(const Group& group, Date on);

struct CycleDate {
    Date on;  // the first of the month
    std::string label;
};
// The annual-cycle milestones from `from` for `months` months, in date order.
std::vector<CycleDate> annual_cycle_between(const GovernanceRules& rules, Date from, int months);

}  // namespace assure
