// Review panels and commissioned reviewers through their use cases on an SQLite file (issue 20
// item 4): the partnership names its review group; a case's panel is drawn from the group's
// members, refusing anyone else and a member kept from the case by an interest; an outside
// reviewer is invited by email to an account that sees their review only, sets a password with
// the link once, and loses the account when the review is published. Refusals save nothing.
#include <gtest/gtest.h>

#include "app/governance.hpp"
#include "app/mail.hpp"
#include "app/review_panels.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct PanelWorld {
    World w;
    AgencyId council, police;
    Actor bu;
    PersonId claire, tom, aisha;
    Actor claire_account, tom_account, outsider;
    Group group;

    PanelWorld() {
        w.clock.at = 1'796'342'400;  // 2026-12-04 00:00 UTC
        council = w.add_agency({AgencyId{}, {}, "Knowsley Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"});
        police = w.add_agency({AgencyId{}, {}, "Merseyside Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
        bu = w.as(Role::business_unit);
        claire = w.add_person({PersonId{}, {}, "Claire Moss", "Detective Superintendent", police, "claire@example.org"});
        tom = w.add_person({PersonId{}, {}, "Tom Ellery", "Head of Service", council, "tom@example.org"});
        aisha = w.add_person({PersonId{}, {}, "Aisha Begum", "Designated lead", council, "aisha@example.org"});
        claire_account = w.add_user(claire, Role::member);
        tom_account = w.add_user(tom, Role::member);
        outsider = w.add_user(w.add_person({PersonId{}, {}, "Not A Member", "Officer", council, "not@example.org"}), Role::member);
        group = create_group(w.services, bu, {"Safeguarding Review and Learning Group", "sub_group", "", "", "fixed", claire.str(), "",
                                              "12", "", "2", "none", "", "2025-01-01", ""});
        add_member(w.services, bu, group.id, {claire.str(), "SP", "chair", "", "2025-01-01", "", ""});
        add_member(w.services, bu, group.id, {tom.str(), "SP", "member", "", "2025-01-01", "", ""});
        add_member(w.services, bu, group.id, {aisha.str(), "RA", "member", "", "2025-01-01", "", ""});
        declare_interest(w.services, bu, {tom.str(), "Trustee of a local children's charity", "2026-02-10", "", ""});
    }

    CaseId notify(const char* aware = "2026-09-01") {
        IncidentInput in;
        in.became_aware_on = aware;
        in.incident_on = aware;
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital";
        in.children = {{"Child X", "Xena Example", "2012-02-02", ""}};
        in.agency_ids = {council.str(), police.str()};
        return notify_incident(w.services, bu, in).record.id;
    }
    int version(CaseId id) { return read_case(w.services, bu, id).record.version; }
    void step(CaseId id, EventKind kind, const char* on, std::vector<AgencyId> agencies = {}) {
        CaseEvent e;
        e.kind = kind;
        e.on = *Date::parse(on);
        e.agencies = std::move(agencies);
        if (kind == EventKind::decide) e.decision = Decision::local_review;
        if (kind == EventKind::decide || kind == EventKind::panel_response) e.note = "Reasons";
        if (kind == EventKind::plan_publication) e.planned_on = Date::parse("2026-12-20");
        record_event(w.services, bu, id, version(id), e);
    }
    // A case whose local review waits for its reviewer.
    CaseId ready_for_reviewer() {
        const CaseId id = notify();
        step(id, EventKind::notify_panel, "2026-09-02");
        step(id, EventKind::inform_partners, "2026-09-02");
        step(id, EventKind::request_summaries, "2026-09-03", {council, police});
        step(id, EventKind::summary_returned, "2026-09-08", {council, police});
        step(id, EventKind::rapid_review_panel, "2026-09-14");
        step(id, EventKind::partners_sign_off, "2026-09-16");
        step(id, EventKind::decide, "2026-09-17");
        step(id, EventKind::panel_response, "2026-09-30");
        return id;
    }
    ReviewerInvitationInput ruth() { return {"Dr Ruth Anderton", "Ruth.Anderton@Reviews.example", "Independent consultant", "2026-12-01"}; }
    // The link's token, from the email in the outbox.
    std::string token_in_outbox() {
        const auto mail = list_outbox(w.services, bu, "", {}).items;
        for (const auto& m : mail) {
            if (m.kind != MailKind::account_invitation) continue;
            const auto at = m.body.find(kInvitationPath);
            return m.body.substr(at + std::string(kInvitationPath).size(), m.body.find('\n', at) - at - std::string(kInvitationPath).size());
        }
        return "";
    }
    std::size_t users() { return w.read([&](Transaction& tx) { return tx.users().list(w.partnership).size(); }); }
};

// The field a use case refused, or "" (and a test failure) when it refused none.
std::string refused_field(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        if (!e.fields().empty()) return e.fields().front().field;
    }
    ADD_FAILURE() << "no field was refused";
    return "";
}

bool sees(World& w, const Actor& who, CaseId id) {
    try {
        (void)read_case(w.services, who, id);
        return true;
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
        return false;
    }
}

}  // namespace

TEST(ReviewPanelsUseCase, TheReviewGroupIsNamedOnceRefusedWhenNotAGroupAndAudited) {
    PanelWorld p;
    EXPECT_FALSE(read_review_group(p.w.services, p.bu).group.has_value());
    EXPECT_EQ(refused_field([&] { set_review_group(p.w.services, p.bu, "9999"); }), "group_id");
    EXPECT_EQ(refused_field([&] { set_review_group(p.w.services, p.bu, "seven"); }), "group_id");
    EXPECT_EQ(refusal_of([&] { set_review_group(p.w.services, p.w.as(Role::member), p.group.id.str()); }), FailureCode::forbidden);
    const auto set = set_review_group(p.w.services, p.bu, p.group.id.str());
    ASSERT_TRUE(set.group.has_value());
    EXPECT_EQ(set.group->name, "Safeguarding Review and Learning Group");
    EXPECT_EQ(p.w.last_audit().action, "partnership.review_group");
    EXPECT_TRUE(read_review_group(p.w.services, p.w.as(Role::read_only)).group.has_value()) << "everyone may know which group it is";
    EXPECT_FALSE(set_review_group(p.w.services, p.bu, "").group.has_value()) << "cleared";
}

TEST(ReviewPanelsUseCase, APanelIsDrawnFromTheGroupsMembersWithTheirInterests) {
    PanelWorld p;
    const CaseId id = p.notify();
    // With no group named, every account that may sit on panels is offered.
    const PanelChoice open = panel_choice(p.w.services, p.bu, id);
    EXPECT_FALSE(open.group.has_value());
    EXPECT_TRUE(std::any_of(open.accounts.begin(), open.accounts.end(), [&](const User& u) { return u.id == p.outsider.user; }));
    EXPECT_TRUE(std::none_of(open.accounts.begin(), open.accounts.end(), [](const User& u) { return u.role == Role::commissioned_reviewer; }));

    set_review_group(p.w.services, p.bu, p.group.id.str());
    const PanelChoice choice = panel_choice(p.w.services, p.bu, id);
    ASSERT_EQ(choice.members.size(), 3u);
    EXPECT_EQ(choice.members[0].name, "Claire Moss") << "the chair first";
    EXPECT_EQ(choice.members[2].name, "Tom Ellery");
    ASSERT_EQ(choice.members[2].interests.size(), 1u);
    EXPECT_EQ(choice.members[2].interests[0].interest, "Trustee of a local children's charity");
    EXPECT_FALSE(choice.members[1].user.valid()) << "Aisha Begum has no account";
    EXPECT_TRUE(choice.accounts.empty());

    const auto audits = p.w.audit_count();
    EXPECT_EQ(refused_field([&] { add_panel_member(p.w.services, p.bu, id, p.version(id), p.outsider.user.str()); }), "user_id");
    try {
        add_panel_member(p.w.services, p.bu, id, p.version(id), p.outsider.user.str());
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).message, "Select a member of the Safeguarding Review and Learning Group");
    }
    EXPECT_EQ(p.w.audit_count(), audits) << "nothing saved";

    add_panel_member(p.w.services, p.bu, id, p.version(id), p.claire_account.user.str());
    EXPECT_TRUE(sees(p.w, p.claire_account, id));
    EXPECT_EQ(refused_field([&] { add_panel_member(p.w.services, p.bu, id, p.version(id), p.claire_account.user.str()); }), "user_id");
    EXPECT_TRUE(panel_choice(p.w.services, p.bu, id).members[0].on_panel);

    // A partner lead in the group who declared an interest in a case is refused its panel until
    // the panel decides the interest.
    const PersonId pat = p.w.add_person({PersonId{}, {}, "Pat Lead", "Chief Superintendent", p.police, "pat@example.org"});
    const Actor pat_account = p.w.add_user(pat, Role::partner_lead);
    add_member(p.w.services, p.bu, p.group.id, {pat.str(), "SP", "member", "", "2025-01-01", "", ""});
    const CaseId second = p.notify("2026-10-01");
    declare_conflict(p.w.services, pat_account, second, "I know the family");
    EXPECT_EQ(refused_field([&] { add_panel_member(p.w.services, p.bu, second, p.version(second), pat_account.user.str()); }), "user_id");
    const auto members = panel_choice(p.w.services, p.bu, second).members;
    const auto pat_line = std::find_if(members.begin(), members.end(), [](const PanelCandidate& m) { return m.name == "Pat Lead"; });
    ASSERT_NE(pat_line, members.end());
    EXPECT_NE(why_not_on_panel(*pat_line).value_or("").find("declared an interest in this case"), std::string::npos);
}

TEST(ReviewPanelsUseCase, AnOutsideReviewerIsInvitedToAnAccountThatSeesTheirReviewOnly) {
    PanelWorld p;
    const CaseId id = p.ready_for_reviewer();
    const CaseId other = p.notify("2026-11-02");
    const CaseView v = invite_reviewer(p.w.services, p.bu, id, p.version(id), p.ruth(), "https://assure.example");
    EXPECT_EQ(v.state.reviewer_name, "Dr Ruth Anderton");
    ASSERT_TRUE(v.state.reviewer_user.valid());
    const User reviewer = *p.w.read([&](Transaction& tx) { return tx.users().find(v.state.reviewer_user); });
    EXPECT_EQ(reviewer.role, Role::commissioned_reviewer);
    EXPECT_EQ(reviewer.email, "ruth.anderton@reviews.example");
    EXPECT_TRUE(reviewer.password_hash.empty()) << "no password until the link is used";

    const auto lines = reviewer_invitations(p.w.services, p.bu, id);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].state, InvitationState::waiting);
    const auto mail = list_outbox(p.w.services, p.bu, "", {}).items;
    ASSERT_FALSE(mail.empty());
    EXPECT_EQ(mail[0].to, "ruth.anderton@reviews.example");
    EXPECT_NE(mail[0].body.find("https://assure.example/account/invitation/token-"), std::string::npos);
    EXPECT_EQ(mail[0].body.find("Child X"), std::string::npos) << "the review by its reference only";

    const std::string token = p.token_in_outbox();
    const OpenedInvitation opened = open_invitation(p.w.services, token);
    EXPECT_EQ(opened.reviewer_name, "Dr Ruth Anderton");
    EXPECT_EQ(opened.case_reference, read_case(p.w.services, p.bu, id).record.reference);
    EXPECT_EQ(opened.expires_on, *Date::parse("2026-12-11"));

    // A password the policy refuses, or typed differently twice, uses nothing up.
    EXPECT_EQ(refused_field([&] { accept_invitation(p.w.services, token, "short", "short"); }), "password");
    EXPECT_EQ(refused_field([&] { accept_invitation(p.w.services, token, "a long enough password", "another long password"); }),
              "confirm_password");
    const SignedIn in = accept_invitation(p.w.services, token, "a long enough password", "a long enough password");
    EXPECT_EQ(in.user.role, Role::commissioned_reviewer);
    EXPECT_EQ(reviewer_invitations(p.w.services, p.bu, id)[0].state, InvitationState::accepted);
    EXPECT_EQ(refusal_of([&] { open_invitation(p.w.services, token); }), FailureCode::not_found) << "the link works once";
    EXPECT_EQ(refusal_of([&] { accept_invitation(p.w.services, token, "a long enough password", "a long enough password"); }), FailureCode::not_found);

    const auto resolved = resolve_session(p.w.services, in.session_token);
    ASSERT_TRUE(resolved.has_value());
    const Actor ruth = resolved->actor;
    EXPECT_TRUE(sees(p.w, ruth, id));
    EXPECT_TRUE(read_case(p.w.services, ruth, id).identities_shown) << "the reviewer reads the children's details";
    EXPECT_FALSE(sees(p.w, ruth, other));
    EXPECT_EQ(list_cases(p.w.services, ruth, {}, {}).items.size(), 1u);
    EXPECT_TRUE(ruth.can(Permission::view_directory)) << "she meets the agencies' leads";
    EXPECT_FALSE(ruth.can(Permission::view_governance));
    EXPECT_FALSE(ruth.can(Permission::view_learning));
    EXPECT_FALSE(ruth.can(Permission::manage_reviews));
    EXPECT_EQ(sign_in(p.w.services, "ruth.anderton@reviews.example", "a long enough password").user.id, reviewer.id);
}

TEST(ReviewPanelsUseCase, AnInvitationThatCannotBeSentSavesNothing) {
    PanelWorld p;
    const CaseId early = p.notify();  // no decision yet: no reviewer is commissioned
    const CaseId id = p.ready_for_reviewer();
    const auto users = p.users();
    const auto audits = p.w.audit_count();
    // An email already an account's.
    EXPECT_EQ(refused_field([&] {
                  invite_reviewer(p.w.services, p.bu, id, p.version(id), {"Tom", "TOM@example.org", "", "2026-12-01"}, "https://a.example");
              }),
              "email");
    // The lifecycle's refusal, after the account would have been made.
    EXPECT_EQ(refused_field([&] { invite_reviewer(p.w.services, p.bu, early, p.version(early), p.ruth(), "https://a.example"); }), "event");
    // A date not yet come, a missing name, a stale version.
    EXPECT_EQ(refused_field([&] {
                  invite_reviewer(p.w.services, p.bu, id, p.version(id), {"Ruth", "ruth@r.example", "", "2027-01-01"}, "https://a.example");
              }),
              "on");
    EXPECT_EQ(refused_field([&] { invite_reviewer(p.w.services, p.bu, id, p.version(id), {"", "ruth@r.example", "", "2026-12-01"}, "x"); }),
              "reviewer_name");
    EXPECT_EQ(refusal_of([&] { invite_reviewer(p.w.services, p.bu, id, p.version(id) - 1, p.ruth(), "https://a.example"); }),
              FailureCode::conflict);
    EXPECT_EQ(p.users(), users);
    EXPECT_EQ(p.w.audit_count(), audits);
    EXPECT_TRUE(list_outbox(p.w.services, p.bu, "", {}).items.empty());
    EXPECT_TRUE(reviewer_invitations(p.w.services, p.bu, id).empty());
}

TEST(ReviewPanelsUseCase, ALinkExpiresAndALinkSentAgainReplacesIt) {
    PanelWorld p;
    const CaseId id = p.ready_for_reviewer();
    invite_reviewer(p.w.services, p.bu, id, p.version(id), p.ruth(), "https://assure.example");
    const std::string first = p.token_in_outbox();
    p.w.clock.at += kInvitationDays * 86'400;
    EXPECT_EQ(refusal_of([&] { open_invitation(p.w.services, first); }), FailureCode::not_found);
    EXPECT_EQ(reviewer_invitations(p.w.services, p.bu, id)[0].state, InvitationState::expired);

    resend_reviewer_invitation(p.w.services, p.bu, id, "https://assure.example");
    const auto lines = reviewer_invitations(p.w.services, p.bu, id);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].state, InvitationState::waiting) << "newest first";
    EXPECT_EQ(p.w.last_audit().action, "case.reviewer_invite");
    p.w.clock.at -= 3 * 86'400;  // back inside the first link's days: it still does not open
    EXPECT_EQ(refusal_of([&] { open_invitation(p.w.services, first); }), FailureCode::not_found);
    p.w.clock.at += 3 * 86'400;
    std::string second;
    for (const auto& m : list_outbox(p.w.services, p.bu, "", {}).items) {
        const auto at = m.body.find("token-");
        const std::string t = m.body.substr(at, m.body.find('\n', at) - at);
        if (t != first) second = t;
    }
    ASSERT_FALSE(second.empty());
    accept_invitation(p.w.services, second, "a long enough password", "a long enough password");
    EXPECT_EQ(refused_field([&] { resend_reviewer_invitation(p.w.services, p.bu, id, "x"); }), "invitation") << "the password is set";
}

TEST(ReviewPanelsUseCase, PublishingTheReviewEndsTheReviewersAccountForGood) {
    PanelWorld p;
    const CaseId id = p.ready_for_reviewer();
    invite_reviewer(p.w.services, p.bu, id, p.version(id), p.ruth(), "https://assure.example");
    const SignedIn in = accept_invitation(p.w.services, p.token_in_outbox(), "a long enough password", "a long enough password");
    p.step(id, EventKind::notify_bodies, "2026-12-02");
    p.step(id, EventKind::agree_terms, "2026-12-02");
    p.step(id, EventKind::final_report, "2026-12-03");
    p.step(id, EventKind::plan_publication, "2026-12-03");
    p.step(id, EventKind::send_final_report, "2026-12-03");
    EXPECT_TRUE(resolve_session(p.w.services, in.session_token).has_value()) << "still at work until publication";
    p.step(id, EventKind::publish, "2026-12-04");

    EXPECT_FALSE(resolve_session(p.w.services, in.session_token).has_value()) << "signed out";
    const User after = *p.w.read([&](Transaction& tx) { return tx.users().find(in.user.id); });
    EXPECT_FALSE(after.active);
    const auto actions = p.w.audit_actions();
    EXPECT_NE(std::find(actions.begin(), actions.end(), "user.expire"), actions.end());
    EXPECT_EQ(refusal_of([&] { sign_in(p.w.services, "ruth.anderton@reviews.example", "a long enough password"); }),
              FailureCode::unauthenticated);
    EXPECT_FALSE(reviewer_invitations(p.w.services, p.bu, id)[0].account_active);
    // An administrator cannot reopen it: it would show the review again.
    EXPECT_EQ(refused_field([&] { set_user_active(p.w.services, p.w.admin, after.id, after.version, true); }), "active");
    // Nor give it another role.
    EXPECT_EQ(refused_field([&] { update_user(p.w.services, p.w.admin, after.id, after.version, {"", "member", ""}); }), "role");
}

TEST(ReviewPanelsUseCase, CommissioningAnotherReviewerEndsTheFirstOnesAccount) {
    PanelWorld p;
    const CaseId id = p.ready_for_reviewer();
    const CaseView first = invite_reviewer(p.w.services, p.bu, id, p.version(id), p.ruth(), "https://assure.example");
    const std::string first_link = p.token_in_outbox();
    invite_reviewer(p.w.services, p.bu, id, p.version(id), {"Sam Second", "sam@reviews.example", "", "2026-12-03"}, "https://assure.example");
    const User ruth = *p.w.read([&](Transaction& tx) { return tx.users().find(first.state.reviewer_user); });
    EXPECT_FALSE(ruth.active);
    EXPECT_EQ(refusal_of([&] { open_invitation(p.w.services, first_link); }), FailureCode::not_found) << "her link no longer opens";
    EXPECT_EQ(read_case(p.w.services, p.bu, id).state.reviewer_name, "Sam Second");
    EXPECT_EQ(reviewer_invitations(p.w.services, p.bu, id).size(), 2u);
}

TEST(ReviewPanelsUseCase, NoAdministratorGivesTheReviewersRole) {
    PanelWorld p;
    const PersonId someone = p.w.add_person({PersonId{}, {}, "Some One", "Officer", p.council, "some@example.org"});
    EXPECT_EQ(refused_field([&] { add_user(p.w.services, p.w.admin, {someone.str(), "commissioned_reviewer", "a long enough password"}); }),
              "role");
    const User member = *p.w.read([&](Transaction& tx) { return tx.users().find(p.outsider.user); });
    EXPECT_EQ(refused_field([&] { update_user(p.w.services, p.w.admin, member.id, member.version, {"", "commissioned_reviewer", ""}); }), "role");
}
