#pragma once
// The review group and commissioned reviewers' invitations, over sql::Connection
// (app/ports/review_panels.hpp).
#include "app/ports/review_panels.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlReviewPanels final : public ReviewPanelRepo {
public:
    explicit SqlReviewPanels(Connection& db) : db_(db) {}
    std::optional<GroupId> review_group(PartnershipId partnership) override;
    void set_review_group(PartnershipId partnership, std::optional<GroupId> group) override;
    std::vector<Interest> interests_of(PartnershipId partnership, const std::vector<PersonId>& people) override;
    std::int64_t insert_invitation(const AccountInvitation& invitation) override;
    std::optional<AccountInvitation> find_invitation(const std::string& token_digest) override;
    std::vector<AccountInvitation> invitations_for_case(PartnershipId partnership, CaseId id) override;
    bool mark_accepted(std::int64_t id, Instant at) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
