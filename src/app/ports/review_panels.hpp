#pragma once
// Port: the review group a partnership draws its case panels from, and commissioned reviewers'
// invitations (issue 20 item 4). A side interface of the SQL store's transaction, as the schools
// register is, so that the widely included Transaction is unchanged.
#include <optional>
#include <string>
#include <vector>

#include "core/review_panels.hpp"

namespace assure {

struct ReviewPanelRepo {
    virtual ~ReviewPanelRepo() = default;
    // The group whose members sit on the partnership's case panels; none until it is named.
    virtual std::optional<GroupId> review_group(PartnershipId partnership) = 0;
    virtual void set_review_group(PartnershipId partnership, std::optional<GroupId> group) = 0;
    // The interests these people declared in the partnership's register, oldest first.
    virtual std::vector<Interest> interests_of(PartnershipId partnership, const std::vector<PersonId>& people) = 0;

    virtual std::int64_t insert_invitation(const AccountInvitation& invitation) = 0;
    virtual std::optional<AccountInvitation> find_invitation(const std::string& token_digest) = 0;
    // The case's invitations, oldest first: one per reviewer invited, and one per link sent again.
    virtual std::vector<AccountInvitation> invitations_for_case(PartnershipId partnership, CaseId id) = 0;
    // False when the invitation was accepted already (another tab, a second click).
    virtual bool mark_accepted(std::int64_t id, Instant at) = 0;
};

struct ReviewPanelTransaction {
    virtual ~ReviewPanelTransaction() = default;
    virtual ReviewPanelRepo& review_panels() = 0;
};

}  // namespace assure
