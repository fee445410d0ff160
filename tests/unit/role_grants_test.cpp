// Role approvals' rules (docs/decisions/0029): which grants wait, who may decide, what a
// decision needs, and what the messages say.
#include <gtest/gtest.h>

#include "core/role_grants.hpp"
#include "core/reviews.hpp"

using namespace assure;

TEST(RoleGrants, TheRolesThatSeeIdentitiesAreTheOnesEveryCaseShowsThemTo) {
    // A case with no reviewer: only these roles see its identities (core/reviews may_see_identities).
    Case c;
    c.partnership = PartnershipId{1};
    const CaseState state;
    for (const Role role : all_roles()) {
        EXPECT_EQ(role_sees_identities(role), may_see_identities(c, state, UserId{99}, role)) << role_key(role);
    }
    EXPECT_TRUE(role_sees_identities(Role::business_unit));
    EXPECT_TRUE(role_sees_identities(Role::partner_lead));
    EXPECT_FALSE(role_sees_identities(Role::administrator));
}

TEST(RoleGrants, OnlyAPersonGivingARoleThatSeesIdentitiesWaits) {
    EXPECT_TRUE(grant_needs_approval(Role::member, Role::business_unit, true));
    EXPECT_TRUE(grant_needs_approval(Role::read_only, Role::partner_lead, true));
    EXPECT_TRUE(grant_needs_approval(Role::business_unit, Role::partner_lead, true)) << "a wider sight is a new grant";
    EXPECT_FALSE(grant_needs_approval(Role::business_unit, Role::business_unit, true)) << "no change";
    EXPECT_FALSE(grant_needs_approval(Role::member, Role::scrutineer, true));
    EXPECT_FALSE(grant_needs_approval(Role::business_unit, Role::member, true)) << "taking sight away never waits";
    EXPECT_FALSE(grant_needs_approval(Role::member, Role::business_unit, false)) << "the system on the server";
    EXPECT_FALSE(role_sees_identities(kRoleWhileWaiting));
}

TEST(RoleGrants, APartnerLeadDecidesUnlessTheyAskedOrItIsTheirOwnAccount) {
    RoleGrant g;
    g.user = UserId{5};
    g.asked_by = UserId{1};
    g.role = Role::business_unit;
    EXPECT_FALSE(why_may_not_decide(g, UserId{7}, Role::partner_lead));
    EXPECT_EQ(*why_may_not_decide(g, UserId{7}, Role::business_unit), "Only a partner lead approves a role");
    EXPECT_EQ(*why_may_not_decide(g, UserId{7}, Role::administrator), "Only a partner lead approves a role");
    EXPECT_EQ(*why_may_not_decide(g, UserId{1}, Role::partner_lead), "You asked for this role, so another partner lead must decide");
    EXPECT_EQ(*why_may_not_decide(g, UserId{5}, Role::partner_lead), "This is your own account, so another partner lead must decide");
    g.status = GrantStatus::refused;
    EXPECT_EQ(*why_may_not_decide(g, UserId{7}, Role::partner_lead), "This request has already been refused");
}

TEST(RoleGrants, ARefusalNeedsAReasonAndNoReasonIsOverAThousandCharacters) {
    EXPECT_TRUE(validate_decision(true, "").empty());
    EXPECT_TRUE(validate_decision(false, "Not in the business unit").empty());
    const auto blank = validate_decision(false, "  \n ");
    ASSERT_EQ(blank.size(), 1u);
    EXPECT_EQ(blank[0].field, "reason");
    EXPECT_EQ(validate_decision(true, std::string(1001, 'x')).size(), 1u);
    EXPECT_TRUE(validate_decision(true, std::string(1000, 'x')).empty());
}

TEST(RoleGrants, StatusKeysGoRoundAndAnUnknownOneIsRefused) {
    for (const auto s : {GrantStatus::waiting, GrantStatus::approved, GrantStatus::refused, GrantStatus::withdrawn}) {
        EXPECT_EQ(parse_grant_status(grant_status_key(s)), s);
    }
    EXPECT_FALSE(parse_grant_status("granted"));
}

TEST(RoleGrants, TheMessagesNameTheAccountTheRoleAndTheDecision) {
    RoleGrant g;
    g.role = Role::business_unit;
    g.role_before = Role::read_only;
    g.asked_by_label = "Alex Admin <alex@example.org>";
    const MailText asked = role_grant_asked_text("Knowsley Safeguarding Children Partnership", "Sam Smith", g);
    EXPECT_EQ(asked.subject, "Approve a role: Sam Smith as business unit");
    EXPECT_NE(asked.body.find("Alex Admin has asked for Sam Smith to have the business unit role"), std::string::npos);
    EXPECT_EQ(asked.body.find("alex@example.org"), std::string::npos);
    EXPECT_EQ(asked.body.find("http"), std::string::npos) << "no link to forward";

    g.status = GrantStatus::refused;
    g.decided_by_label = "Pat Lead <pat@example.org>";
    g.decided_at = 1796083200;  // 1 December 2026, 00:00 UTC
    g.reason = "Sam is not in the business unit";
    const MailText refused = role_grant_decided_text("Knowsley Safeguarding Children Partnership", "Sam Smith", g);
    EXPECT_EQ(refused.subject, "Role refused: Sam Smith as business unit");
    EXPECT_NE(refused.body.find("was refused by Pat Lead on 1 December 2026."), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find("Their reason: Sam is not in the business unit"), std::string::npos);
    EXPECT_NE(refused.body.find("keeps the read only role"), std::string::npos);

    g.status = GrantStatus::approved;
    g.reason.clear();
    const MailText approved = role_grant_decided_text("Knowsley", "Sam Smith", g);
    EXPECT_EQ(approved.subject, "Role approved: Sam Smith as business unit");
    EXPECT_EQ(approved.body.find("Their reason"), std::string::npos);
}
