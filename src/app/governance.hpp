#pragma once
// Use cases of the partnership's governance: groups, members, meetings, attendance, actions,
// the forward plan and calendar feeds. Every change is audited in its own transaction.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/paging.hpp"
#include "app/ports/governance.hpp"
#include "core/governance.hpp"

namespace assure {

struct GroupSummary {
    Group group;
    CadenceStatus cadence;
    int members = 0;
    std::string chair_label;  // "Helen Marsh" or "Merseyside Police (rotating)"
    std::string parent_name;
};

struct MemberLine {
    Membership membership;
    Person person;
    std::string agency_name;
    std::optional<MemberRate> rate;  // over the attendance window ending today
    bool current = false;
};

struct GroupView {
    GroupSummary summary;
    std::string deputy_label;
    std::vector<TermsVersion> terms;  // oldest first; the last is in force
    std::vector<MemberLine> members;
    Period window;
};

std::vector<GroupSummary> list_groups(Services& s, const Actor& actor);
// Each group's id and name only, for choosing one in a form (no attendance or cadence worked out).
std::vector<std::pair<GroupId, std::string>> group_names(Services& s, const Actor& actor);
GroupView read_group(Services& s, const Actor& actor, GroupId id);
// A group's meetings, a page at a time: oldest first, or newest first for its page.
Page<Meeting> list_meetings(Services& s, const Actor& actor, GroupId group, const PageRequest& page, bool newest_first);

// One person's part in governance, for their directory page: memberships (current first) with
// the group's name, and the interests they have declared.
struct PersonGovernance {
    std::vector<std::pair<Membership, std::string>> memberships;
    std::vector<Interest> interests;  // newest first
};
PersonGovernance person_governance(Services& s, const Actor& actor, PersonId person);
// What the group form needs to check its choices: other groups, people, partners, members.
GroupContext group_context(Services& s, const Actor& actor, GroupId id);
Group create_group(Services& s, const Actor& actor, const GroupInput& input);
Group update_group(Services& s, const Actor& actor, GroupId id, int expected_version, const GroupInput& input);
void add_terms(Services& s, const Actor& actor, GroupId id, const std::string& markdown, const std::string& approved_on);
Membership add_member(Services& s, const Actor& actor, GroupId id, const MemberInput& input);
void end_membership(Services& s, const Actor& actor, GroupId group, MembershipId id, int expected_version,
                    const std::string& end);

struct MeetingView {
    Meeting meeting;
    Group group;
    std::vector<MemberLine> expected;  // members on the meeting's date
    std::optional<QuorumResult> quorum;  // for a held meeting
    std::vector<ActionItem> actions;
    std::vector<Interest> interests;
    std::optional<Instant> agenda_published_at;  // when its agenda was published to the group
};

Meeting schedule_meeting(Services& s, const Actor& actor, GroupId group, const MeetingInput& input);
MeetingView read_meeting(Services& s, const Actor& actor, MeetingId id);
// "held" (not before its date) or "cancelled" (with a reason).
void set_meeting_status(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& status,
                        const std::string& reason);
// Marks a planned meeting held; refuses a future or cancelled meeting and anyone not a member.
void record_attendance(Services& s, const Actor& actor, MeetingId id, int expected_version,
                       const std::vector<AttendanceInput>& rows);
void add_agenda_item(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& title,
                     const std::string& owner_id, const std::string& paper_link);
// Publishes a planned meeting's agenda to its group, once: each member on the meeting's date
// with an account is sent the agenda and a link to the meeting (`site` starts the link), by their
// choices (core/mail_reminders.hpp), in the transaction of the change and its audit row. Refuses
// a meeting cancelled or held, one with no agenda items, and one already published.
void publish_agenda(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& site);
void add_decision(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& text);
void save_minutes(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& markdown);

struct ActionFilter {
    bool open_only = false;
    bool overdue_only = false;
    std::optional<PersonId> owner;
    std::optional<GroupId> group;
};

struct ActionLine {
    ActionItem action;
    std::string owner_name;
    std::string owner_agency;
    std::string group_name;
    Date meeting_on;
    bool overdue = false;
};

ActionItem add_action(Services& s, const Actor& actor, MeetingId meeting, const ActionInput& input);
// The actions the filter matches, a page at a time, in due-date order.
Page<ActionLine> list_actions(Services& s, const Actor& actor, const ActionFilter& filter, const PageRequest& page);
// Every action the filter matches, for a download.
std::vector<ActionLine> export_actions(Services& s, const Actor& actor, const ActionFilter& filter);
ActionLine read_action(Services& s, const Actor& actor, ActionId id);
// How many actions the filter matches, by state, and how many are overdue today.
ActionCounts count_actions(Services& s, const Actor& actor, const ActionFilter& filter);
// Of the actions the filter matches, how many each owner has overdue today, by owner's name.
std::vector<std::pair<std::string, int>> overdue_by_owner(Services& s, const Actor& actor, const ActionFilter& filter);
// The owner may update their own action; the business unit any action.
ActionItem update_action(Services& s, const Actor& actor, ActionId id, int expected_version, const std::string& status,
                         const std::string& note);
// The directory person linked to the actor's account, if any.
std::optional<PersonId> person_of(Services& s, const Actor& actor);

struct AttendanceLine {
    MemberRate rate;
    Person person;
    GroupId group;
    std::string group_name;
    std::string agency_name;
    std::string chief_officer;
};

struct AttendanceReport {
    Period period;
    std::vector<AttendanceLine> lines;      // one per member per group, lowest rate first
    std::vector<RateTotal> by_agency;
    std::vector<RateTotal> by_partner;      // the statutory partners only
    double expected_rate = 0.75;
};

// `from`/`to` as typed (ISO dates); empty means the rules' window ending today.
AttendanceReport attendance_report(Services& s, const Actor& actor, std::optional<GroupId> group,
                                   const std::string& from, const std::string& to);

struct PlanItem {
    Date on;
    std::string starts_at;  // "" for an annual-cycle milestone
    std::string label;
    std::string group_name;
    MeetingId meeting;
    bool cancelled = false;
};
// Meetings and annual-cycle milestones from `from` for `months` months.
std::vector<PlanItem> forward_plan(Services& s, const Actor& actor, Date from, int months);

struct InterestInput {
    std::string person_id, interest, declared_on, meeting_id, agenda_item;
};
Interest declare_interest(Services& s, const Actor& actor, const InterestInput& input);
// The register of interests, newest declared first, a page at a time.
Page<Interest> list_interests(Services& s, const Actor& actor, const PageRequest& page);

// Calendar feeds: a private URL per user, the token shown once and stored as a digest.
std::string create_feed_token(Services& s, const Actor& actor);

struct FeedEvent {
    std::string uid;
    Date on;
    std::string starts_at;  // "" for an all-day event
    int minutes_long = 0;
    std::string summary;
    std::string location;
    std::string description;
    bool cancelled = false;
    Instant stamp = 0;
};
// The meetings of one group, or the person's own meetings and actions; not_found for a bad token.
std::vector<FeedEvent> feed_events(Services& s, const std::string& token, std::optional<GroupId> group);

}  // namespace assure
