#pragma once
// Ports: governance: groups, members, meetings, actions, interests. Lists take a query object
// and answer a Page; figures are counts answered by the store (docs/decisions/0007).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/governance.hpp"
#include "app/paging.hpp"

namespace assure {

// Actions in due-date order (then id), the filters a page or the API offers.
struct ActionQuery {
    PartnershipId partnership{};
    std::vector<ActionStatus> states{};  // any of these; empty for every state
    std::optional<PersonId> owner{};
    std::optional<GroupId> group{};      // the group whose meeting minuted the action
    std::optional<MeetingId> meeting{};
    std::optional<Date> overdue_on{};    // only actions still open and due before this day
    std::string text{};                  // words in the action's text, in any case
    PageRequest page{};
};

// How many actions a query matches (its page aside), by state.
struct ActionCounts {
    int open = 0;
    int done = 0;
    int dropped = 0;
    int overdue = 0;  // open and due before the day asked about
};

// Meetings in date order (then id), oldest first unless `newest_first`.
struct MeetingQuery {
    PartnershipId partnership{};
    std::optional<GroupId> group{};
    std::optional<Date> from{};              // held on or after
    std::optional<Date> to{};                // held on or before
    std::vector<MeetingStatus> statuses{};   // any of these; empty for every status
    bool newest_first = false;
    // Each meeting's heading and attendance only (no minutes, agenda or decisions): what
    // attendance rates and the forward plan read, a year of meetings at a time.
    bool attendance_only = false;
    PageRequest page{};
};

// Declared interests, newest declared first (then the latest recorded).
struct InterestQuery {
    PartnershipId partnership{};
    std::optional<PersonId> person{};
    std::optional<MeetingId> meeting{};
    PageRequest page{};
};

// A group's last held meeting up to a day, and its next planned one from that day: its cadence.
struct LastAndNext {
    std::optional<Date> last_held{};
    std::optional<Date> next_planned{};
};

// Groups, their terms of reference, members, meetings, actions and declared interests.
struct GovernanceRepo {
    virtual ~GovernanceRepo() = default;
    virtual std::vector<Group> groups(PartnershipId partnership) = 0;
    virtual std::optional<Group> find_group(PartnershipId partnership, GroupId id) = 0;
    virtual GroupId insert_group(const Group& g) = 0;
    virtual bool update_group(const Group& g) = 0;  // optimistic on g.version

    virtual std::vector<TermsVersion> terms(GroupId group) = 0;  // oldest first
    virtual void add_terms(const TermsVersion& t) = 0;

    // Every membership of the partnership's groups, or of one group.
    virtual std::vector<Membership> memberships(PartnershipId partnership, std::optional<GroupId> group) = 0;
    // One person's memberships of the partnership's groups.
    virtual std::vector<Membership> memberships_of(PartnershipId partnership, PersonId person) = 0;
    // How many memberships of each group are current on `on` (groups with none are left out).
    virtual std::map<GroupId, int> count_members_on(PartnershipId partnership, Date on) = 0;
    virtual MembershipId insert_membership(const Membership& m) = 0;
    virtual bool update_membership(const Membership& m) = 0;

    virtual Page<Meeting> meetings(const MeetingQuery& query) = 0;
    // For each group of the partnership that has meetings: the last held by `today`, the next planned.
    virtual std::map<GroupId, LastAndNext> last_and_next_meetings(PartnershipId partnership, Date today) = 0;
    // The dates of the given meetings (ids of another partnership are left out).
    virtual std::map<MeetingId, Date> meeting_dates(PartnershipId partnership, const std::vector<MeetingId>& ids) = 0;
    virtual std::optional<Meeting> find_meeting(PartnershipId partnership, MeetingId id) = 0;
    virtual MeetingId insert_meeting(const Meeting& m) = 0;
    virtual bool update_meeting(const Meeting& m) = 0;

    virtual Page<ActionItem> actions(const ActionQuery& query) = 0;
    // The counts of every action the query matches, overdue as of `today`.
    virtual ActionCounts count_actions(const ActionQuery& query, Date today) = 0;
    // Of the actions the query matches, how many each owner has overdue as of `today`.
    virtual std::vector<std::pair<PersonId, int>> count_overdue_by_owner(const ActionQuery& query, Date today) = 0;
    virtual std::optional<ActionItem> find_action(PartnershipId partnership, ActionId id) = 0;
    virtual ActionId insert_action(const ActionItem& a) = 0;  // the action's group is its meeting's
    virtual bool update_action(const ActionItem& a) = 0;

    virtual Page<Interest> interests(const InterestQuery& query) = 0;
    virtual InterestId insert_interest(const Interest& i) = 0;

    // Private calendar-feed tokens, stored as digests: one live token per user.
    virtual void set_feed_token(UserId user, const std::string& token_hash, Instant at) = 0;
    virtual std::optional<UserId> feed_user(const std::string& token_hash) = 0;
};

}  // namespace assure
