// Governance use cases on the real store: a meeting from scheduling to actions,
// the attendance report, who may update an action, and refusals that change nothing.
#include <gtest/gtest.h>

#include "app/governance.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct GovernanceWorld : World {
    AgencyId council = add_agency({AgencyId{}, partnership, "Council", AgencyKind::statutory_partner,
                                   StatutoryRole::local_authority, "local_authority", "Chief Executive, Council"});
    AgencyId police = add_agency({AgencyId{}, partnership, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
    PersonId morgan = add_person({PersonId{}, partnership, "Morgan Member", "Officer", council, "m@example.org"});
    PersonId pat = add_person({PersonId{}, partnership, "Pat Police", "Inspector", police, "p@example.org"});
    Actor bu = as(Role::business_unit);
    Actor owner = add_user(morgan, Role::member);
    Actor other = add_user(pat, Role::member);

    GovernanceWorld() { clock.at = 1'795'392'000; }  // 2026-11-23 00:00 UTC

    Group group() {
        return create_group(services, bu, {"Core Business Group", "executive", "", "", "fixed", morgan.str(), "", "12", "", "2",
                                           "all_statutory_partners", "", "2025-01-01", ""});
    }
    Meeting held_meeting(GroupId g, const char* on, std::vector<AttendanceInput> rows = {}) {
        if (rows.empty()) rows = {{morgan.str(), "present", ""}, {pat.str(), "apologies", ""}};
        const Meeting m = schedule_meeting(services, bu, g, {on, "10:00", "90", "Town hall", "", ""});
        record_attendance(services, bu, m.id, m.version, rows);
        return read_meeting(services, bu, m.id).meeting;
    }
    MemberInput member(PersonId who, const char* role = "member", const char* priority = "", const char* start = "2025-01-01",
                       const char* end = "") const {
        return {who.str(), "SP", role, priority, start, end, ""};
    }
    std::optional<Meeting> stored_meeting(MeetingId id) {
        return read([&](Transaction& tx) { return tx.governance().find_meeting(partnership, id); });
    }
};

}  // namespace

TEST(GovernanceUseCases, AMeetingFromSchedulingToActionsIsAuditedAtEachStep) {
    GovernanceWorld w;
    const Group g = w.group();
    add_member(w.services, w.bu, g.id, w.member(w.morgan));
    add_member(w.services, w.bu, g.id, w.member(w.pat, "thematic_lead", "Child exploitation"));
    const Meeting m = w.held_meeting(g.id, "2026-11-20");
    EXPECT_EQ(m.status, MeetingStatus::held) << "recording attendance marks the meeting held";
    add_decision(w.services, w.bu, m.id, m.version, "Adopt the screening tool");
    const ActionItem a = add_action(w.services, w.bu, m.id, {"Brief every school", w.morgan.str(), "2026-12-01"});
    const MeetingView v = read_meeting(w.services, w.bu, m.id);
    ASSERT_TRUE(v.quorum);
    EXPECT_FALSE(v.quorum->quorate);
    EXPECT_EQ(v.quorum->explanation, "Not quorate: no one attended for Police");
    EXPECT_EQ(v.meeting.decisions.size(), 1u);
    ASSERT_EQ(v.actions.size(), 1u);
    EXPECT_EQ(v.actions[0].id, a.id);
    EXPECT_EQ(w.audit_actions(), (std::vector<std::string>{"group.create", "group.member_add", "group.member_add", "meeting.schedule",
                                                 "meeting.attendance", "meeting.decision", "action.create"}));
}

TEST(GovernanceUseCases, AttendanceReportNamesTheChiefOfficerOfMembersBelowExpected) {
    GovernanceWorld w;
    const Group g = w.group();
    add_member(w.services, w.bu, g.id, w.member(w.morgan));
    add_member(w.services, w.bu, g.id, w.member(w.pat));
    w.held_meeting(g.id, "2026-09-01");
    w.held_meeting(g.id, "2026-11-02");
    const AttendanceReport r = attendance_report(w.services, w.bu, g.id, "", "");
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].person.name, "Pat Police") << "lowest rate first";
    EXPECT_TRUE(r.lines[0].rate.below_expected);
    EXPECT_EQ(r.lines[1].chief_officer, "Chief Executive, Council");
    EXPECT_FALSE(r.lines[1].rate.below_expected);
    ASSERT_EQ(r.by_partner.size(), 2u);
    EXPECT_EQ(r.by_partner[0].label, "Police");
    EXPECT_THROW(attendance_report(w.services, w.bu, g.id, "2026-12-01", "2026-01-01"), Failure);
}

TEST(GovernanceUseCases, RefusedChangesSaveNothing) {
    GovernanceWorld w;
    const Group g = w.group();
    add_member(w.services, w.bu, g.id, w.member(w.morgan));
    const Meeting m = w.held_meeting(g.id, "2026-11-20", {{w.morgan.str(), "present", ""}});
    const auto audit_before = w.audit_count();
    const auto version_before = w.stored_meeting(m.id)->version;
    // Attendance for someone who is not a member.
    EXPECT_THROW(record_attendance(w.services, w.bu, m.id, m.version, {{w.morgan.str(), "present", ""}, {w.pat.str(), "present", ""}}), Failure);
    // An action due before its meeting.
    EXPECT_THROW(add_action(w.services, w.bu, m.id, {"Late already", w.morgan.str(), "2026-11-19"}), Failure);
    // A meeting outside the group's active period.
    EXPECT_THROW(schedule_meeting(w.services, w.bu, g.id, {"2024-12-31", "10:00", "60", "Town hall", "", ""}), Failure);
    // Attendance for a meeting in the future.
    const Meeting future = schedule_meeting(w.services, w.bu, g.id, {"2026-12-20", "10:00", "60", "Town hall", "", ""});
    EXPECT_THROW(record_attendance(w.services, w.bu, future.id, future.version, {{w.morgan.str(), "present", ""}}), Failure);
    // A stale version.
    try {
        add_decision(w.services, w.bu, m.id, m.version - 1, "Too late");
        FAIL() << "a stale version must be refused";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::conflict);
    }
    EXPECT_EQ(w.audit_count(), audit_before + 1) << "only the future meeting was saved";
    EXPECT_TRUE(w.read([&](Transaction& tx) { return tx.governance().actions(ActionQuery{w.partnership}).items; }).empty());
    EXPECT_EQ(w.stored_meeting(m.id)->version, version_before);
}

TEST(GovernanceUseCases, TheOwnerOrTheBusinessUnitUpdatesAnAction) {
    GovernanceWorld w;
    const Group g = w.group();
    add_member(w.services, w.bu, g.id, w.member(w.morgan));
    const Meeting m = w.held_meeting(g.id, "2026-11-20", {{w.morgan.str(), "present", ""}});
    const ActionItem a = add_action(w.services, w.bu, m.id, {"Brief every school", w.morgan.str(), "2026-11-21"});
    ActionFilter mine;
    mine.owner = person_of(w.services, w.owner);
    ASSERT_EQ(list_actions(w.services, w.owner, mine, {}).items.size(), 1u);
    ActionFilter overdue;
    overdue.overdue_only = true;
    EXPECT_EQ(list_actions(w.services, w.bu, overdue, {}).items.size(), 1u) << "due 21 November, today is the 23rd";
    try {
        update_action(w.services, w.other, a.id, a.version, "done", "Done");
        FAIL() << "another member may not update it";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::forbidden);
    }
    EXPECT_THROW(update_action(w.services, w.owner, a.id, a.version, "done", ""), Failure) << "done needs a note";
    const ActionItem done = update_action(w.services, w.owner, a.id, a.version, "done", "Briefing sent to all schools");
    EXPECT_EQ(done.status, ActionStatus::done);
    EXPECT_EQ(done.closed_on->iso(), "2026-11-23");
    EXPECT_TRUE(list_actions(w.services, w.bu, overdue, {}).items.empty());
}

TEST(GovernanceUseCases, CalendarFeedsNeedTheirTokenAndShowTheMembersMeetings) {
    GovernanceWorld w;
    const Group g = w.group();
    add_member(w.services, w.bu, g.id, w.member(w.morgan));
    schedule_meeting(w.services, w.bu, g.id, {"2026-12-20", "14:00", "60", "Town hall", "", "Neglect"});
    const std::string token = create_feed_token(w.services, w.owner);
    const auto events = feed_events(w.services, token, std::nullopt);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].summary, "Core Business Group: Neglect");
    EXPECT_THROW(feed_events(w.services, "not-a-token", std::nullopt), Failure);
    EXPECT_TRUE(feed_events(w.services, create_feed_token(w.services, w.other), std::nullopt).empty())
        << "not a member, so none of their meetings";
    const std::string second = create_feed_token(w.services, w.owner);
    EXPECT_THROW(feed_events(w.services, token, std::nullopt), Failure) << "a new token replaces the old";
    EXPECT_EQ(feed_events(w.services, second, g.id).size(), 1u);
}

TEST(GovernanceUseCases, APersonsPageListsTheirGroupsCurrentFirstAndTheirInterests) {
    GovernanceWorld w;
    const Group core = w.group();
    const Group other = create_group(w.services, w.bu, {"Safeguarding Review and Learning Group", "sub_group", "", core.id.str(), "fixed", w.morgan.str(), "",
                                                        "12", "", "2", "all_statutory_partners", "", "2025-01-01", ""});
    add_member(w.services, w.bu, other.id, w.member(w.morgan, "member", "", "2025-01-01", "2025-06-30"));
    add_member(w.services, w.bu, core.id, w.member(w.morgan, "thematic_lead", "Neglect", "2025-07-01"));
    add_member(w.services, w.bu, core.id, w.member(w.pat));
    declare_interest(w.services, w.bu, {w.morgan.str(), "Trustee of a local charity", "2026-01-10", "", ""});
    declare_interest(w.services, w.bu, {w.pat.str(), "Not Morgan's", "2026-02-10", "", ""});

    const PersonGovernance g = person_governance(w.services, w.bu, w.morgan);
    ASSERT_EQ(g.memberships.size(), 2u);
    EXPECT_EQ(g.memberships[0].second, "Core Business Group");  // current first
    EXPECT_EQ(g.memberships[0].first.priority, "Neglect");
    EXPECT_EQ(g.memberships[1].second, "Safeguarding Review and Learning Group");
    ASSERT_EQ(g.interests.size(), 1u);
    EXPECT_EQ(g.interests[0].interest, "Trustee of a local charity");
}

TEST(GovernanceUseCases, TheActionLogComesAPageAtATimeWithItsNamesAndFiguresOverTheWholeList) {
    GovernanceWorld w;
    const Group g = w.group();
    add_member(w.services, w.bu, g.id, w.member(w.morgan));
    add_member(w.services, w.bu, g.id, w.member(w.pat));
    const Meeting m = w.held_meeting(g.id, "2026-11-02", {{w.morgan.str(), "present", ""}, {w.pat.str(), "present", ""}});
    // Today is 23 November: three are overdue, two of them Morgan's.
    add_action(w.services, w.bu, m.id, {"Brief schools", w.morgan.str(), "2026-11-10"});
    add_action(w.services, w.bu, m.id, {"Audit cases", w.pat.str(), "2026-11-20"});
    add_action(w.services, w.bu, m.id, {"Train the panel", w.morgan.str(), "2026-11-22"});
    add_action(w.services, w.bu, m.id, {"Report to the forum", w.pat.str(), "2026-12-15"});
    const ActionItem closed = add_action(w.services, w.bu, m.id, {"Write the plan", w.morgan.str(), "2026-11-05"});
    update_action(w.services, w.bu, closed.id, closed.version, "done", "Written");

    ActionFilter all;
    std::vector<ActionLine> lines;
    PageRequest page{2, ""};
    int pages = 0;
    for (;;) {
        const auto p = list_actions(w.services, w.bu, all, page);
        ++pages;
        EXPECT_LE(p.items.size(), 2u);
        lines.insert(lines.end(), p.items.begin(), p.items.end());
        if (!p.next) break;
        page.after = *p.next;
    }
    EXPECT_EQ(pages, 3);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0].action.text, "Write the plan") << "due-date order";
    EXPECT_EQ(lines[4].action.text, "Report to the forum");
    for (const auto& l : lines) {
        EXPECT_EQ(l.group_name, "Core Business Group");
        EXPECT_EQ(l.meeting_on.iso(), "2026-11-02") << "the meeting's date, looked up by id";
        EXPECT_EQ(l.owner_agency, l.action.owner == w.morgan ? "Council" : "Police");
    }
    EXPECT_EQ(lines[1].owner_name, "Morgan Member");
    EXPECT_TRUE(lines[1].overdue);
    EXPECT_FALSE(lines[0].overdue) << "done is never overdue";

    const ActionCounts counts = count_actions(w.services, w.bu, all);
    EXPECT_EQ(counts.open, 4);
    EXPECT_EQ(counts.done, 1);
    EXPECT_EQ(counts.overdue, 3);
    ActionFilter mine;
    mine.owner = w.morgan;
    EXPECT_EQ(count_actions(w.services, w.owner, mine).open, 2) << "the home page's 'my actions'";
    EXPECT_EQ(overdue_by_owner(w.services, w.bu, all),
              (std::vector<std::pair<std::string, int>>{{"Morgan Member", 2}, {"Pat Police", 1}}));
    EXPECT_EQ(export_actions(w.services, w.bu, all).size(), 5u) << "a download is the whole list";
    EXPECT_EQ(read_action(w.services, w.bu, lines[2].action.id).action.text, lines[2].action.text);
    try {
        read_action(w.services, w.bu, ActionId{999});
        FAIL() << "an unknown action is not found";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
}

TEST(GovernanceUseCases, AGroupsMeetingsAndTheRegisterOfInterestsArePaged) {
    GovernanceWorld w;
    const Group g = w.group();
    for (const char* on : {"2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10", "2026-09-10"}) {
        schedule_meeting(w.services, w.bu, g.id, {on, "10:00", "60", "Town hall", "", ""});
    }
    const auto newest = list_meetings(w.services, w.bu, g.id, PageRequest{2, ""}, true);
    ASSERT_EQ(newest.items.size(), 2u);
    EXPECT_EQ(newest.items[0].on.iso(), "2026-09-10");
    ASSERT_TRUE(newest.next);
    const auto after = list_meetings(w.services, w.bu, g.id, PageRequest{2, *newest.next}, true);
    EXPECT_EQ(after.items.at(0).on.iso(), "2026-05-10") << "the page after carries on from the cursor";
    EXPECT_EQ(list_meetings(w.services, w.bu, g.id, PageRequest{}, false).items.at(0).on.iso(), "2026-01-10");
    EXPECT_THROW(list_meetings(w.services, w.bu, GroupId{99}, PageRequest{}, false), Failure) << "another group is not found";

    for (int i = 1; i <= 3; ++i) declare_interest(w.services, w.bu, {"1", "Interest " + std::to_string(i), "2026-0" + std::to_string(i) + "-01", "", ""});
    const auto first = list_interests(w.services, w.bu, PageRequest{2, ""});
    ASSERT_EQ(first.items.size(), 2u);
    EXPECT_EQ(first.items[0].interest, "Interest 3") << "newest first";
    ASSERT_TRUE(first.next);
    const auto rest = list_interests(w.services, w.bu, PageRequest{2, *first.next});
    ASSERT_EQ(rest.items.size(), 1u);
    EXPECT_EQ(rest.items[0].interest, "Interest 1");
    EXPECT_FALSE(rest.next);
}
