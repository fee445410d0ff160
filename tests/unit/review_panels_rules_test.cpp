// The review group's panel choice and the commissioned reviewer's invitation, in core (issue 20
// item 4): the group's members on the day, the chair first, each with their account and declared
// interests; why a member may not be added; the invitation's fields, its states and its email.
#include <gtest/gtest.h>

#include "core/review_panels.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }
const Date kToday = d("2026-12-04");

Membership member(std::int64_t person, MemberRole role, const char* start, std::optional<Date> end = std::nullopt) {
    Membership m;
    m.group = GroupId{1};
    m.person = PersonId{person};
    m.role = role;
    m.start = d(start);
    m.end = end;
    return m;
}

User account(std::int64_t id, std::int64_t person, Role role, bool active = true) {
    User u;
    u.id = UserId{id};
    u.person = PersonId{person};
    u.role = role;
    u.active = active;
    return u;
}

struct Group_ {
    std::vector<Membership> memberships{member(1, MemberRole::member, "2025-01-01"), member(2, MemberRole::chair, "2025-01-01"),
                                        member(3, MemberRole::member, "2025-01-01", d("2026-06-30")),
                                        member(4, MemberRole::member, "2025-01-01"), member(5, MemberRole::deputy, "2025-01-01"),
                                        member(1, MemberRole::deputy, "2026-01-01")};
    std::map<PersonId, std::string> people{{PersonId{1}, "Tom Ellery"}, {PersonId{2}, "Claire Moss"}, {PersonId{3}, "Gone Member"},
                                           {PersonId{4}, "Aisha Begum"}, {PersonId{5}, "Samir Haddad"}};
    std::vector<User> users{account(11, 1, Role::member), account(12, 2, Role::partner_lead), account(13, 3, Role::member),
                            account(14, 4, Role::administrator), account(15, 5, Role::member, false)};
};

}  // namespace

TEST(ReviewPanelRules, TheGroupsMembersOnTheDayComeChairFirstEachOnce) {
    const Group_ g;
    const auto out = panel_candidates_of(g.memberships, g.people, g.users, {}, Case{}, kToday);
    ASSERT_EQ(out.size(), 4u) << "the member who left in June is not offered";
    EXPECT_EQ(out[0].name, "Claire Moss");
    EXPECT_EQ(out[0].role_in_group, MemberRole::chair);
    // Tom Ellery is a member and, since January, a deputy: one line, as deputy.
    EXPECT_EQ(out[1].name, "Samir Haddad");
    EXPECT_EQ(out[2].name, "Tom Ellery");
    EXPECT_EQ(out[2].role_in_group, MemberRole::deputy);
    EXPECT_EQ(out[3].name, "Aisha Begum");
    EXPECT_EQ(out[0].user, UserId{12});
    EXPECT_EQ(out[2].user, UserId{11});
    EXPECT_FALSE(out[3].user.valid()) << "an administrator's account does not sit on panels";
    EXPECT_FALSE(out[1].user.valid()) << "nor a deactivated one";
}

TEST(ReviewPanelRules, EachMemberCarriesTheInterestsTheyDeclaredAndTheirStandingOnTheCase) {
    const Group_ g;
    Interest trustee;
    trustee.person = PersonId{1};
    trustee.interest = "Trustee of a local children's charity";
    trustee.declared_on = d("2026-02-10");
    Interest other;
    other.person = PersonId{9};
    other.interest = "Not a member";
    Case c;
    c.panel = {{UserId{12}, "Claire Moss"}};
    c.conflicts = {{UserId{11}, "Tom Ellery", d("2026-11-20"), "I manage the family's social worker"}};
    const auto out = panel_candidates_of(g.memberships, g.people, g.users, {trustee, other}, c, kToday);
    ASSERT_EQ(out[2].name, "Tom Ellery");
    ASSERT_EQ(out[2].interests.size(), 1u);
    EXPECT_EQ(out[2].interests[0].interest, "Trustee of a local children's charity");
    EXPECT_TRUE(out[0].interests.empty());
    EXPECT_TRUE(out[0].on_panel);
    ASSERT_TRUE(out[2].case_interest.has_value());

    EXPECT_EQ(why_not_on_panel(out[0]).value_or(""), "Claire Moss is already on the case's panel");
    EXPECT_EQ(why_not_on_panel(out[2]).value_or(""),
              "Tom Ellery declared an interest in this case on 20 November 2026: decide it before adding them to the panel");
    EXPECT_EQ(why_not_on_panel(out[3]).value_or(""), "Aisha Begum has no account in Assure: an administrator adds one first");

    // Once the panel recommends that he may take part, he may be added.
    c.conflicts[0].panel = ConflictView::take_part;
    const auto after = panel_candidates_of(g.memberships, g.people, g.users, {trustee}, c, kToday);
    EXPECT_FALSE(why_not_on_panel(after[2]).has_value());
}

TEST(ReviewPanelRules, ReviewersAndAdministratorsNeverSitOnPanels) {
    EXPECT_TRUE(may_sit_on_panels(account(1, 1, Role::member)));
    EXPECT_TRUE(may_sit_on_panels(account(1, 1, Role::business_unit)));
    EXPECT_FALSE(may_sit_on_panels(account(1, 1, Role::administrator)));
    EXPECT_FALSE(may_sit_on_panels(account(1, 1, Role::commissioned_reviewer)));
    EXPECT_FALSE(may_sit_on_panels(account(1, 1, Role::member, false)));
}

TEST(ReviewPanelRules, AnInvitationNeedsANameAndAnEmailAddress) {
    EXPECT_TRUE(validate_reviewer_invitation({"Dr Ruth Anderton", " ruth@reviews.example ", "", "2026-12-01"}).empty());
    const auto none = validate_reviewer_invitation({" ", "", "", ""});
    ASSERT_EQ(none.size(), 2u);
    EXPECT_EQ(none[0].field, "reviewer_name");
    EXPECT_EQ(none[0].message, "Enter the name of the reviewer");
    EXPECT_EQ(none[1].field, "email");
    EXPECT_EQ(none[1].message, "Enter the reviewer's email address");
    const auto bad = validate_reviewer_invitation({"Ruth", "ruth at reviews", std::string(201, 'o'), ""});
    ASSERT_EQ(bad.size(), 2u);
    EXPECT_EQ(bad[0].message, "Enter an email address in the correct format, like name@example.org");
    EXPECT_EQ(bad[1].field, "organisation");
}

TEST(ReviewPanelRules, AnInvitationWaitsUntilItExpiresOrIsUsed) {
    AccountInvitation i;
    i.sent_at = 1000;
    i.expires_at = 1000 + kInvitationDays * 86400;
    EXPECT_EQ(invitation_state(i, 1000), InvitationState::waiting);
    EXPECT_EQ(invitation_state(i, i.expires_at - 1), InvitationState::waiting);
    EXPECT_EQ(invitation_state(i, i.expires_at), InvitationState::expired);
    i.accepted_at = 2000;
    EXPECT_EQ(invitation_state(i, i.expires_at + 5), InvitationState::accepted);
    EXPECT_EQ(invitation_state_key(InvitationState::expired), "expired");
}

TEST(ReviewPanelRules, TheEmailNamesTheReviewByItsReferenceTheLinkAndItsLastDay) {
    const MailText t = reviewer_invitation_text("Knowsley Safeguarding Children Partnership", "Dr Ruth Anderton", "SI-2026-08",
                                                "https://assure.example/account/invitation/abc", d("2026-12-11"));
    EXPECT_EQ(t.subject, "Knowsley Safeguarding Children Partnership: your account for review SI-2026-08");
    EXPECT_NE(t.body.find("Dear Dr Ruth Anderton,"), std::string::npos);
    EXPECT_NE(t.body.find("https://assure.example/account/invitation/abc"), std::string::npos);
    EXPECT_NE(t.body.find("until 11 December 2026"), std::string::npos);
    EXPECT_NE(t.body.find("closes when the review is published"), std::string::npos);
}

TEST(ReviewPanelRules, PublishingOrCommissioningAnotherEndsReviewersAccounts) {
    EXPECT_TRUE(ends_reviewer_accounts(EventKind::publish));
    EXPECT_TRUE(ends_reviewer_accounts(EventKind::commission_reviewer));
    EXPECT_FALSE(ends_reviewer_accounts(EventKind::final_report));
    EXPECT_FALSE(ends_reviewer_accounts(EventKind::publish_summary));
}

TEST(ReviewPanelRules, TheOutboxNeverShowsAnInvitationsToken) {
    EXPECT_EQ(hide_invitation_links("Set it here:\n\nhttps://a.example/account/invitation/AbC-12_x\n\nThe link works once.\n"),
              "Set it here:\n\nhttps://a.example/account/invitation/\u2026\n\nThe link works once.\n");
    EXPECT_EQ(hide_invitation_links("/account/invitation/t1 and /account/invitation/t2"), "/account/invitation/\u2026 and /account/invitation/\u2026");
    EXPECT_EQ(hide_invitation_links("No link here."), "No link here.");
}
