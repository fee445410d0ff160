#include "store/sql/review_panels.hpp"

#include <algorithm>

#include "store/sql/by_ids.hpp"
#include "store/sql/governance_rows.hpp"

namespace assure::sql {
namespace {

constexpr const char* kInvitationColumns =
    "SELECT id, partnership_id, user_id, case_id, token_digest, sent_at, expires_at, accepted_at, invited_by FROM account_invitations ";

AccountInvitation read_invitation(const Statement& q) {
    AccountInvitation i;
    i.id = q.int64(0);
    i.partnership = PartnershipId{q.int64(1)};
    i.user = UserId{q.int64(2)};
    i.case_id = CaseId{q.int64(3)};
    i.token_digest = q.text(4);
    i.sent_at = q.int64(5);
    i.expires_at = q.int64(6);
    if (!q.is_null(7)) i.accepted_at = q.int64(7);
    i.invited_by = UserId{q.int64(8)};
    return i;
}

}  // namespace

std::optional<GroupId> SqlReviewPanels::review_group(PartnershipId partnership) {
    auto& q = db_.cached("SELECT group_id FROM review_groups WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    if (!q.step()) return std::nullopt;
    const GroupId id{q.int64(0)};
    q.reset();
    return id;
}

void SqlReviewPanels::set_review_group(PartnershipId partnership, std::optional<GroupId> group) {
    if (!group) {
        db_.cached("DELETE FROM review_groups WHERE partnership_id = ?").bind(1, partnership.value).run();
        return;
    }
    db_.cached("INSERT INTO review_groups(partnership_id, group_id) VALUES (?, ?) "
               "ON CONFLICT (partnership_id) DO UPDATE SET group_id = excluded.group_id")
        .bind(1, partnership.value)
        .bind(2, group->value)
        .run();
}

std::vector<Interest> SqlReviewPanels::interests_of(PartnershipId partnership, const std::vector<PersonId>& people) {
    std::vector<Interest> out;
    by_ids(db_, std::string("SELECT ") + governance_rows::kInterestColumns + " FROM governance_interests i", partnership, people,
           [&](const Statement& q) { out.push_back(governance_rows::read_interest(q)); }, "person_id");
    std::sort(out.begin(), out.end(), [](const Interest& a, const Interest& b) {
        return a.declared_on != b.declared_on ? a.declared_on < b.declared_on : a.id.value < b.id.value;
    });
    return out;
}

std::int64_t SqlReviewPanels::insert_invitation(const AccountInvitation& i) {
    auto& q = db_.cached(
        "INSERT INTO account_invitations(partnership_id, user_id, case_id, token_digest, sent_at, expires_at, invited_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, i.partnership.value).bind(2, i.user.value).bind(3, i.case_id.value).bind(4, i.token_digest);
    q.bind(5, i.sent_at).bind(6, i.expires_at).bind(7, i.invited_by.value).run();
    return db_.last_insert_id();
}

std::optional<AccountInvitation> SqlReviewPanels::find_invitation(const std::string& token_digest) {
    auto& q = db_.cached(std::string(kInvitationColumns) + "WHERE token_digest = ?");
    q.bind(1, token_digest);
    if (!q.step()) return std::nullopt;
    auto out = read_invitation(q);
    q.reset();
    return out;
}

std::vector<AccountInvitation> SqlReviewPanels::invitations_for_case(PartnershipId partnership, CaseId id) {
    auto& q = db_.cached(std::string(kInvitationColumns) + "WHERE partnership_id = ? AND case_id = ? ORDER BY id");
    q.bind(1, partnership.value).bind(2, id.value);
    std::vector<AccountInvitation> out;
    while (q.step()) out.push_back(read_invitation(q));
    return out;
}

bool SqlReviewPanels::mark_accepted(std::int64_t id, Instant at) {
    db_.cached("UPDATE account_invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL").bind(1, at).bind(2, id).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
