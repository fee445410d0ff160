// Role approvals' use cases on the real store with fakes (docs/decisions/0029): an administrator's
// grant of a role that sees identities waits; a partner lead who did not ask decides; both sides
// are told through the outbox; every step has its audit row; nothing changes on a refused step.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "app/role_grants.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

namespace {

class RoleGrantsTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto council = create_agency(w.services, w.admin, {"Council", "statutory_partner", "local_authority", "local_authority"}).id;
        sam_person = create_person(w.services, w.admin, {"Sam Smith", "Safeguarding officer", council.str(), "sam@example.org"}).id;
        lead = w.as(Role::partner_lead);
    }
    User account(const std::string& email) {
        return w.read([&](Transaction& tx) { return *tx.users().find_by_email(email); });
    }
    std::vector<MailMessage> outbox() {
        return w.read([&](Transaction& tx) { return tx.mail().outbox(OutboxQuery{w.partnership, std::nullopt, {}}).items; });
    }
    bool has_action(const std::string& action) {
        const auto trail = w.audit_actions();
        return std::find(trail.begin(), trail.end(), action) != trail.end();
    }
    World w;
    PersonId sam_person;
    Actor lead;
};

}  // namespace

TEST_F(RoleGrantsTest, ANewAccountWithABusinessUnitRoleWaitsAsReadOnlyAndEachPartnerLeadIsTold) {
    const User sam = add_user(w.services, w.admin, {sam_person.str(), "business_unit", "a long enough password"});
    EXPECT_EQ(sam.role, Role::read_only);
    EXPECT_EQ(account("sam@example.org").role, Role::read_only) << "stored as read only";
    const RoleRequests requests = list_role_requests(w.services, lead);
    ASSERT_EQ(requests.waiting.size(), 1u);
    EXPECT_EQ(requests.waiting[0].grant.role, Role::business_unit);
    EXPECT_EQ(requests.waiting[0].grant.role_before, Role::read_only);
    EXPECT_EQ(requests.waiting[0].grant.asked_by, w.admin.user);
    EXPECT_EQ(requests.waiting[0].account_name, "Sam Smith");
    EXPECT_TRUE(has_action("role_grant.ask"));
    const auto mail = outbox();
    ASSERT_EQ(mail.size(), 1u) << "the World has one partner lead";
    EXPECT_EQ(mail[0].to, "partner_lead@example.org");
    EXPECT_EQ(mail[0].kind, MailKind::role_approval);
    EXPECT_EQ(mail[0].subject, "Approve a role: Sam Smith as business unit");
}

TEST_F(RoleGrantsTest, APartnerLeadApprovesAndTheRoleChangesWithTheAdministratorAndTheOwnerTold) {
    const User sam = add_user(w.services, w.admin, {sam_person.str(), "business_unit", "a long enough password"});
    const RoleGrantId id = list_role_requests(w.services, lead).waiting.at(0).grant.id;
    w.clock.at += 3600;
    const RoleGrant decided = decide_role_request(w.services, lead, id, true, "");
    EXPECT_EQ(decided.status, GrantStatus::approved);
    EXPECT_EQ(decided.decided_by, lead.user);
    const User now = account("sam@example.org");
    EXPECT_EQ(now.role, Role::business_unit);
    EXPECT_EQ(now.version, sam.version + 1);
    EXPECT_TRUE(has_action("role_grant.approve"));
    const auto requests = list_role_requests(w.services, lead);
    EXPECT_TRUE(requests.waiting.empty());
    ASSERT_EQ(requests.decided.size(), 1u);
    std::vector<std::string> told;
    for (const auto& m : outbox()) {
        if (m.subject.starts_with("Role approved")) told.push_back(m.to);
    }
    std::sort(told.begin(), told.end());
    EXPECT_EQ(told, (std::vector<std::string>{"administrator@example.org", "sam@example.org"}));
    EXPECT_THROW(decide_role_request(w.services, lead, id, false, "second thoughts"), Failure) << "decided once";
    EXPECT_EQ(account("sam@example.org").role, Role::business_unit);
}

TEST_F(RoleGrantsTest, ARefusalNeedsAReasonAndLeavesTheRoleAsItWas) {
    add_user(w.services, w.admin, {sam_person.str(), "partner_lead", "a long enough password"});
    const RoleGrantId id = list_role_requests(w.services, lead).waiting.at(0).grant.id;
    const std::size_t rows = w.audit_count();
    try {
        decide_role_request(w.services, lead, id, false, " ");
        ADD_FAILURE() << "a refusal without a reason";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "reason");
    }
    EXPECT_EQ(w.audit_count(), rows) << "nothing saved";
    EXPECT_EQ(list_role_requests(w.services, lead).waiting.size(), 1u);
    decide_role_request(w.services, lead, id, false, "Sam is not a statutory partner's lead");
    EXPECT_EQ(account("sam@example.org").role, Role::read_only);
    const auto decided = list_role_requests(w.services, lead).decided.at(0).grant;
    EXPECT_EQ(decided.status, GrantStatus::refused);
    EXPECT_EQ(decided.reason, "Sam is not a statutory partner's lead");
}

TEST_F(RoleGrantsTest, NobodyButAnotherPartnerLeadDecides) {
    add_user(w.services, w.admin, {sam_person.str(), "business_unit", "a long enough password"});
    const RoleGrantId id = list_role_requests(w.services, lead).waiting.at(0).grant.id;
    for (const Role role : all_roles()) {
        if (role == Role::partner_lead) continue;
        EXPECT_THROW(decide_role_request(w.services, w.as(role), id, true, ""), Failure) << role_key(role);
    }
    // A partner lead who asked (through the system account's rights, as an administrator would)
    // cannot approve their own request; nor can the account's owner once a partner lead.
    const User bu = account("business_unit@example.org");
    update_user(w.services, w.admin, bu.id, bu.version, {"", "partner_lead", ""});
    const RoleGrantId own = list_role_requests(w.services, lead).waiting.back().grant.id;
    const Actor business_unit = w.as(Role::business_unit);
    EXPECT_THROW(decide_role_request(w.services, business_unit, own, true, ""), Failure) << "not yet a partner lead";
    try {
        decide_role_request(w.services, Actor{bu.id, w.partnership, Role::partner_lead, "BU <business_unit@example.org>"}, own, true, "");
        ADD_FAILURE() << "their own account";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::forbidden);
        EXPECT_STREQ(f.what(), "This is your own account, so another partner lead must decide");
    }
    EXPECT_EQ(account("business_unit@example.org").role, Role::business_unit);
    EXPECT_EQ(account("sam@example.org").role, Role::read_only);
}

TEST_F(RoleGrantsTest, ChoosingAnotherRoleWithdrawsTheWaitingOneAndSavingItAgainKeepsIt) {
    User sam = add_user(w.services, w.admin, {sam_person.str(), "business_unit", "a long enough password"});
    sam = update_user(w.services, w.admin, sam.id, sam.version, {"", "business_unit", ""});
    EXPECT_EQ(list_role_requests(w.services, lead).waiting.size(), 1u) << "saved as the form shows it: still waiting";
    EXPECT_EQ(sam.role, Role::read_only);
    sam = update_user(w.services, w.admin, sam.id, sam.version, {"", "partner_lead", ""});
    auto requests = list_role_requests(w.services, lead);
    ASSERT_EQ(requests.waiting.size(), 1u);
    EXPECT_EQ(requests.waiting[0].grant.role, Role::partner_lead) << "the new request replaces the old";
    EXPECT_EQ(requests.decided.at(0).grant.status, GrantStatus::withdrawn);
    sam = update_user(w.services, w.admin, sam.id, sam.version, {"", "member", ""});
    EXPECT_EQ(sam.role, Role::member) << "a role without sight of identities is set at once";
    EXPECT_TRUE(list_role_requests(w.services, lead).waiting.empty());
    EXPECT_TRUE(has_action("role_grant.withdraw"));
}

TEST_F(RoleGrantsTest, DeactivatingTheAccountWithdrawsItsRequest) {
    const User sam = add_user(w.services, w.admin, {sam_person.str(), "business_unit", "a long enough password"});
    set_user_active(w.services, w.admin, sam.id, sam.version, false);
    const auto requests = list_role_requests(w.services, lead);
    EXPECT_TRUE(requests.waiting.empty());
    EXPECT_EQ(requests.decided.at(0).grant.status, GrantStatus::withdrawn);
    EXPECT_EQ(requests.decided.at(0).grant.reason, "account deactivated");
}

TEST_F(RoleGrantsTest, TheSystemOnTheServerSetsARoleWithoutWaiting) {
    const User sam = add_user(w.services, Actor::system(w.partnership), {sam_person.str(), "partner_lead", "a long enough password"});
    EXPECT_EQ(sam.role, Role::partner_lead);
    EXPECT_TRUE(list_role_requests(w.services, lead).waiting.empty());
    EXPECT_TRUE(outbox().empty());
}

TEST_F(RoleGrantsTest, RequestsAreThePartnershipsOwn) {
    add_user(w.services, w.admin, {sam_person.str(), "business_unit", "a long enough password"});
    const RoleGrantId id = list_role_requests(w.services, lead).waiting.at(0).grant.id;
    const PartnershipId other = w.add_partnership("elsewhere", "Elsewhere");
    const Actor their_lead = w.add_user(w.add_person({PersonId{}, other, "Lee", "Lead", AgencyId{}, "lee@elsewhere.org"}),
                                        Role::partner_lead, other);
    EXPECT_TRUE(list_role_requests(w.services, their_lead).waiting.empty());
    EXPECT_THROW(get_role_request(w.services, their_lead, id), Failure);
    EXPECT_THROW(decide_role_request(w.services, their_lead, id, true, ""), Failure);
    EXPECT_EQ(account("sam@example.org").role, Role::read_only);
}
