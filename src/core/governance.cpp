// Keys, labels and the validation of governance forms. Each refusal names the field and
// says what to do, in the words of the GOV.UK error-message pattern.
#include "core/date_words.hpp"
#include "core/governance.hpp"
#include "core/governance_quorum.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/fields.hpp"
#include "core/names.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr Names<GroupType, 6> kGroupTypes{{{
    {GroupType::executive, {"executive", "Executive"}},
    {GroupType::strategic_forum, {"strategic_forum", "Strategic forum"}},
    {GroupType::partnership, {"partnership", "Partnership"}},
    {GroupType::sub_group, {"sub_group", "Sub-group"}},
    {GroupType::task_and_finish, {"task_and_finish", "Task and finish group"}},
    {GroupType::panel, {"panel", "Panel"}},
}}};
constexpr Names<ChairKind, 3> kChairKinds{{{
    {ChairKind::fixed, {"fixed", "A named chair"}},
    {ChairKind::independent, {"independent", "An independent chair"}},
    {ChairKind::rotating, {"rotating", "Rotating among the statutory partners"}},
}}};
constexpr Names<QuorumKind, 3> kQuorumKinds{{{
    {QuorumKind::all_statutory_partners, {"all_statutory_partners", "All statutory partners present"}},
    {QuorumKind::min_members, {"min_members", "At least a number of members"}},
    {QuorumKind::min_share, {"min_share", "At least a share of members"}},
}}};
constexpr Names<MembershipCode, 6> kCodes{{{
    {MembershipCode::SP, {"SP", "Statutory partner"}},
    {MembershipCode::RA, {"RA", "Relevant agency"}},
    {MembershipCode::C, {"C", "Co-opted or community"}},
    {MembershipCode::A, {"A", "Adviser"}},
    {MembershipCode::B, {"B", "Board support"}},
    {MembershipCode::SGC, {"SGC", "Sub-group chair"}},
}}};
constexpr Names<MemberRole, 5> kRoles{{{
    {MemberRole::chair, {"chair", "Chair"}},
    {MemberRole::deputy, {"deputy", "Deputy chair"}},
    {MemberRole::member, {"member", "Member"}},
    {MemberRole::thematic_lead, {"thematic_lead", "Thematic lead"}},
    {MemberRole::adviser, {"adviser", "Adviser"}},
}}};
constexpr Names<MeetingStatus, 3> kStatuses{{{
    {MeetingStatus::planned, {"planned", "Planned"}},
    {MeetingStatus::held, {"held", "Held"}},
    {MeetingStatus::cancelled, {"cancelled", "Cancelled"}},
}}};
constexpr Names<Presence, 4> kPresence{{{
    {Presence::present, {"present", "Present"}},
    {Presence::deputy, {"deputy", "Deputy attended"}},
    {Presence::apologies, {"apologies", "Apologies"}},
    {Presence::absent, {"absent", "Absent"}},
}}};
constexpr Names<ActionStatus, 3> kActionStatuses{{{
    {ActionStatus::open, {"open", "Open"}},
    {ActionStatus::done, {"done", "Done"}},
    {ActionStatus::dropped, {"dropped", "No longer needed"}},
}}};

bool is_time(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return false;
    const auto h = to_int(t.substr(0, 2));
    const auto m = to_int(t.substr(3, 2));
    return h && m && *h >= 0 && *h <= 23 && *m >= 0 && *m <= 59;
}

}  // namespace

std::vector<CycleMilestone> GovernanceRules::default_annual_cycle() {
    return {{4, "Start of the partnership year"},
            {6, "Priority planning"},
            {9, "Annual report approved"},
            {10, "Budget review"},
            {2, "Development day"},
            {3, "Peer review and challenge led by young people with the independent scrutineer"}};
}

bool member_on(const Membership& m, Date d) { return m.start <= d && (!m.end || d <= *m.end); }

bool action_overdue(const ActionItem& a, Date today) { return a.status == ActionStatus::open && a.due < today; }

std::string_view group_type_key(GroupType t) { return kGroupTypes.key(t); }
std::string_view group_type_label(GroupType t) { return kGroupTypes.label(t); }
std::optional<GroupType> parse_group_type(std::string_view k) { return kGroupTypes.parse(k); }
std::string_view chair_kind_key(ChairKind k) { return kChairKinds.key(k); }
std::string_view chair_kind_label(ChairKind k) { return kChairKinds.label(k); }
std::optional<ChairKind> parse_chair_kind(std::string_view k) { return kChairKinds.parse(k); }
std::string_view quorum_kind_key(QuorumKind k) { return kQuorumKinds.key(k); }
bool has_quorum_rule(const QuorumRule& q) { return !(q.kind == QuorumKind::min_members && q.value == 0); }
std::string_view quorum_rule_key(const QuorumRule& q) { return has_quorum_rule(q) ? quorum_kind_key(q.kind) : kNoQuorumRuleKey; }
std::optional<QuorumKind> parse_quorum_kind(std::string_view k) { return kQuorumKinds.parse(k); }
std::string_view membership_code_key(MembershipCode c) { return kCodes.key(c); }
std::string_view membership_code_label(MembershipCode c) { return kCodes.label(c); }
std::optional<MembershipCode> parse_membership_code(std::string_view k) { return kCodes.parse(k); }
std::string_view member_role_key(MemberRole r) { return kRoles.key(r); }
std::string_view member_role_label(MemberRole r) { return kRoles.label(r); }
std::optional<MemberRole> parse_member_role(std::string_view k) { return kRoles.parse(k); }
std::string_view meeting_status_key(MeetingStatus s) { return kStatuses.key(s); }
std::string_view meeting_status_label(MeetingStatus s) { return kStatuses.label(s); }
std::optional<MeetingStatus> parse_meeting_status(std::string_view k) { return kStatuses.parse(k); }
std::string_view presence_key(Presence p) { return kPresence.key(p); }
std::string_view presence_label(Presence p) { return kPresence.label(p); }
std::optional<Presence> parse_presence(std::string_view k) { return kPresence.parse(k); }
std::string_view action_status_key(ActionStatus s) { return kActionStatuses.key(s); }
std::string_view action_status_label(ActionStatus s) { return kActionStatuses.label(s); }
std::optional<ActionStatus> parse_action_status(std::string_view k) { return kActionStatuses.parse(k); }

const std::vector<GroupType>& all_group_types() {
    static const std::vector<GroupType> v{GroupType::executive, GroupType::strategic_forum, GroupType::partnership,
                                          GroupType::sub_group, GroupType::task_and_finish, GroupType::panel};
    return v;
}
const std::vector<MembershipCode>& all_membership_codes() {
    static const std::vector<MembershipCode> v{MembershipCode::SP, MembershipCode::RA, MembershipCode::C,
                                               MembershipCode::A,  MembershipCode::B,  MembershipCode::SGC};
    return v;
}
const std::vector<MemberRole>& all_member_roles() {
    static const std::vector<MemberRole> v{MemberRole::chair, MemberRole::deputy, MemberRole::member,
                                           MemberRole::thematic_lead, MemberRole::adviser};
    return v;
}
const std::vector<int>& cadence_choices() {
    static const std::vector<int> v{1, 2, 3, 4, 6, 12, 0};
    return v;
}

std::string cadence_label(int months) {
    switch (months) {
        case 0: return "As needed";
        case 1: return "Monthly";
        case 2: return "At least every two months";
        case 3: return "Quarterly";
        case 4: return "Three times a year";
        case 6: return "Twice a year";
        case 12: return "Once a year";
        default: return "At least every " + std::to_string(months) + " months";
    }
}

std::string quorum_label(const QuorumRule& q) {
    if (!has_quorum_rule(q)) return "No quorum rule set";
    switch (q.kind) {
        case QuorumKind::all_statutory_partners: return "All statutory partners present";
        case QuorumKind::min_members: return "At least " + std::to_string(q.value) + " members present";
        case QuorumKind::min_share: return "At least " + std::to_string(q.value) + "% of members present";
    }
    return "";
}

FieldErrors validate_group(const GroupInput& in, const GroupContext& ctx, Group& out) {
    FieldErrors errors;
    out.name = trim(in.name);
    if (out.name.empty()) errors.push_back({"name", "Enter the group's name"});
    check_length(errors, "name", out.name, kMaxNameLength, "Name");
    for (const auto& g : ctx.groups) {
        if (g.id != out.id && lower(g.name) == lower(out.name) && !out.name.empty()) {
            errors.push_back({"name", "A group called " + g.name + " already exists"});
        }
    }
    if (auto t = parse_group_type(in.type)) out.type = *t;
    else errors.push_back({"type", "Select the type of group"});
    out.purpose = trim(in.purpose);
    check_length(errors, "purpose", out.purpose, 2000, "Purpose");

    out.parent = GroupId{};
    if (!in.parent_id.empty() && in.parent_id != "none") {
        const auto v = to_int(in.parent_id);
        const auto it = std::find_if(ctx.groups.begin(), ctx.groups.end(), [&](const Group& g) { return v && g.id.value == *v; });
        if (it == ctx.groups.end()) errors.push_back({"parent_id", "Select a group of this partnership"});
        else if (out.id.valid() && it->id == out.id) errors.push_back({"parent_id", "A group cannot be accountable to itself"});
        else {
            // Walking up from the chosen parent must never reach this group: no loops in the tree.
            GroupId at = it->id;
            for (std::size_t hops = 0; at.valid() && hops <= ctx.groups.size(); ++hops) {
                if (out.id.valid() && at == out.id) {
                    errors.push_back({"parent_id", "That group is accountable to this one; choose a group above it"});
                    break;
                }
                const auto up = std::find_if(ctx.groups.begin(), ctx.groups.end(), [&](const Group& g) { return g.id == at; });
                at = up == ctx.groups.end() ? GroupId{} : up->parent;
            }
            out.parent = it->id;
        }
    }

    if (auto k = parse_chair_kind(in.chair_kind)) out.chair_kind = *k;
    else errors.push_back({"chair_kind", "Select how the group is chaired"});
    out.chair = person_choice(errors, "chair_id", in.chair_id, ctx.people, "Select the chair from the directory").value_or(PersonId{});
    out.deputy = person_choice(errors, "deputy_id", in.deputy_id, ctx.people, "Select the deputy from the directory").value_or(PersonId{});
    if (out.chair.valid() && out.chair == out.deputy) errors.push_back({"deputy_id", "The deputy must be someone other than the chair"});
    if (out.chair_kind == ChairKind::rotating) {
        const auto months = to_int(trim(in.rotation_months));
        if (!months || *months < 1 || *months > 60) errors.push_back({"rotation_months", "Enter how many months each partner chairs, from 1 to 60"});
        else out.rotation_months = static_cast<int>(*months);
        if (auto d = date_field(errors, "rotation_start", in.rotation_start, "the date the rotation started", true)) out.rotation_start = *d;
        if (ctx.statutory_partners == 0) {
            errors.push_back({"chair_kind", "The chair cannot rotate: the partnership has no statutory partners in its directory"});
        }
    }

    const auto cadence = to_int(trim(in.cadence_months));
    if (!cadence || std::find(cadence_choices().begin(), cadence_choices().end(), *cadence) == cadence_choices().end()) {
        errors.push_back({"cadence_months", "Select how often the group must meet"});
    } else {
        out.cadence_months = static_cast<int>(*cadence);
    }

    if (trim(in.quorum_kind) == kNoQuorumRuleKey) {
        out.quorum = no_quorum_rule();  // a number typed beside "no rule" means nothing, so it is not kept
    } else if (auto q = parse_quorum_kind(in.quorum_kind)) {
        out.quorum.kind = *q;
        const auto value = to_int(trim(in.quorum_value));
        if (*q == QuorumKind::all_statutory_partners) {
            out.quorum.value = 0;
            if (ctx.statutory_partners == 0) {
                errors.push_back({"quorum_kind", "This quorum can never be met: the partnership has no statutory partners"});
            }
        } else if (*q == QuorumKind::min_members) {
            if (!value || *value < 1) errors.push_back({"quorum_value", "Enter the number of members needed, 1 or more"});
            else if (ctx.active_members > 0 && *value > ctx.active_members) {
                errors.push_back({"quorum_value", "This quorum can never be met: the group has " + std::to_string(ctx.active_members) +
                                                      " members; enter " + std::to_string(ctx.active_members) + " or fewer"});
            } else out.quorum.value = static_cast<int>(*value);
        } else {
            if (!value || *value < 1 || *value > 100) errors.push_back({"quorum_value", "Enter the share of members needed, from 1 to 100 per cent"});
            else out.quorum.value = static_cast<int>(*value);
        }
    } else {
        errors.push_back({"quorum_kind", "Select the quorum rule"});
    }

    if (auto d = date_field(errors, "active_from", in.active_from, "the date the group started", true)) out.active_from = *d;
    out.active_to = date_field(errors, "active_to", in.active_to, "the date the group ended", false);
    if (out.active_to && *out.active_to < out.active_from) {
        errors.push_back({"active_to", "The end date must be on or after the start date"});
    }
    return errors;
}

FieldErrors validate_member(const MemberInput& in, const Group& group, const std::vector<Person>& people,
                            const std::vector<Membership>& existing, Membership& out) {
    FieldErrors errors;
    const std::string person_raw = trim(in.person_id);
    if (person_raw.empty() || person_raw == "none") errors.push_back({"person_id", "Select the person joining the group"});
    else if (auto p = person_choice(errors, "person_id", person_raw, people, "Select a person from the directory")) out.person = *p;
    if (auto c = parse_membership_code(in.code)) out.code = *c;
    else errors.push_back({"code", "Select the membership code"});
    if (auto r = parse_member_role(in.role)) out.role = *r;
    else errors.push_back({"role", "Select the member's role"});
    out.priority = trim(in.priority);
    check_length(errors, "priority", out.priority, 200, "Priority");
    if (out.role == MemberRole::thematic_lead && out.priority.empty()) {
        errors.push_back({"priority", "Enter the priority this thematic lead leads on"});
    }
    out.nominated_deputy = trim(in.nominated_deputy);
    check_length(errors, "nominated_deputy", out.nominated_deputy, 300, "Nominated deputy");
    if (auto d = date_field(errors, "start", in.start, "the date they joined", true)) out.start = *d;
    out.end = date_field(errors, "end", in.end, "the date they left", false);
    if (out.end && *out.end < out.start) errors.push_back({"end", "The date they left must be on or after the date they joined"});
    if (out.start < group.active_from || (group.active_to && out.start > *group.active_to)) {
        errors.push_back({"start", "The group was not active on that date; it ran from " + date_in_words(group.active_from) +
                                       (group.active_to ? " to " + date_in_words(*group.active_to) : std::string())});
    }
    for (const auto& m : existing) {
        if ((out.id.valid() && m.id == out.id) || m.person != out.person || !out.person.valid()) continue;
        const bool overlaps = (!m.end || out.start <= *m.end) && (!out.end || m.start <= *out.end);
        if (overlaps) {
            errors.push_back({"person_id", "They are already a member for those dates"});
            break;
        }
    }
    return errors;
}

FieldErrors validate_meeting(const MeetingInput& in, const Group& group, Meeting& out) {
    FieldErrors errors;
    if (auto d = date_field(errors, "on", in.on, "the date of the meeting", true)) {
        out.on = *d;
        if (*d < group.active_from || (group.active_to && *d > *group.active_to)) {
            errors.push_back({"on", "The group is not active on that date; it runs from " + date_in_words(group.active_from) +
                                        (group.active_to ? " to " + date_in_words(*group.active_to) : std::string())});
        }
    }
    const std::string t = trim(in.starts_at);
    if (!is_time(t)) errors.push_back({"starts_at", "Enter the start time as hours and minutes, for example 09:30"});
    else out.starts_at = t;
    const auto length = to_int(trim(in.minutes_long));
    if (!length || *length < 15 || *length > 600) errors.push_back({"minutes_long", "Enter the length in minutes, from 15 to 600"});
    else out.minutes_long = static_cast<int>(*length);
    out.online = in.online == "yes";
    out.place = trim(in.place);
    if (out.place.empty() && !out.online) errors.push_back({"place", "Enter where the meeting is, or say it is online"});
    check_length(errors, "place", out.place, 300, "Place");
    out.theme = trim(in.theme);
    check_length(errors, "theme", out.theme, 200, "Theme");
    return errors;
}

FieldErrors validate_action(const ActionInput& in, const Meeting& meeting, const std::vector<Person>& people, ActionItem& out) {
    FieldErrors errors;
    out.text = trim(in.text);
    if (out.text.empty()) errors.push_back({"text", "Enter what is to be done"});
    check_length(errors, "text", out.text, 2000, "Action");
    const std::string owner = trim(in.owner_id);
    if (owner.empty() || owner == "none") errors.push_back({"owner_id", "Select who owns the action"});
    else if (auto p = person_choice(errors, "owner_id", owner, people, "Select the owner from the directory")) out.owner = *p;
    if (auto d = date_field(errors, "due", in.due, "the due date", true)) {
        out.due = *d;
        if (*d < meeting.on) errors.push_back({"due", "The due date must be on or after the meeting, " + date_in_words(meeting.on)});
    }
    out.meeting = meeting.id;
    out.group = meeting.group;
    out.partnership = meeting.partnership;
    return errors;
}

FieldErrors validate_attendance(const std::vector<AttendanceInput>& in, const Meeting& meeting,
                                const std::vector<Membership>& members, std::vector<AttendanceRecord>& out) {
    FieldErrors errors;
    out.clear();
    for (const auto& row : in) {
        const auto id = to_int(trim(row.person_id));
        const bool member = id && std::any_of(members.begin(), members.end(), [&](const Membership& m) {
                                return m.person.value == *id && member_on(m, meeting.on);
                            });
        if (!member) {
            errors.push_back({"attendance", "Attendance can only be recorded for members of the group on " + date_in_words(meeting.on)});
            continue;
        }
        const std::string field = "presence-" + std::to_string(*id);
        if (std::any_of(out.begin(), out.end(), [&](const AttendanceRecord& r) { return r.person.value == *id; })) {
            errors.push_back({field, "Attendance for each member can be recorded only once"});
            continue;
        }
        AttendanceRecord r;
        r.person = PersonId{*id};
        if (row.presence.empty()) continue;  // not yet recorded for this member
        if (auto p = parse_presence(row.presence)) r.presence = *p;
        else {
            errors.push_back({field, "Select present, deputy attended, apologies or absent"});
            continue;
        }
        r.deputy_name = trim(row.deputy_name);
        if (r.presence == Presence::deputy && r.deputy_name.empty()) {
            errors.push_back({"deputy-" + std::to_string(*id), "Enter the name of the deputy who attended"});
        }
        if (r.presence != Presence::deputy) r.deputy_name.clear();
        check_length(errors, "deputy-" + std::to_string(*id), r.deputy_name, 200, "Deputy's name");
        out.push_back(r);
    }
    return errors;
}

}  // namespace assure
