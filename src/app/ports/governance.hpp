#pragma once
// Ports: governance: groups, members, meetings, actions, interests.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/governance.hpp"
#include "app/paging.hpp"

namespace assure {

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
    virtual MembershipId insert_membership(const Membership& m) = 0;
    virtual bool update_membership(const Membership& m) = 0;

    virtual std::vector<Meeting> meetings(PartnershipId partnership, std::optional<GroupId> group) = 0;
    virtual std::optional<Meeting> find_meeting(PartnershipId partnership, MeetingId id) = 0;
    virtual MeetingId insert_meeting(const Meeting& m) = 0;
    virtual bool update_meeting(const Meeting& m) = 0;

    virtual std::vector<ActionItem> actions(PartnershipId partnership) = 0;
    virtual std::optional<ActionItem> find_action(PartnershipId partnership, ActionId id) = 0;
    virtual ActionId insert_action(const ActionItem& a) = 0;
    virtual bool update_action(const ActionItem& a) = 0;

    virtual std::vector<Interest> interests(PartnershipId partnership) = 0;
    virtual InterestId insert_interest(const Interest& i) = 0;

    // Private calendar-feed tokens, stored as digests: one live token per user.
    virtual void set_feed_token(UserId user, const std::string& token_hash, Instant at) = 0;
    virtual std::optional<UserId> feed_user(const std::string& token_hash) = 0;
};

}  // namespace assure
