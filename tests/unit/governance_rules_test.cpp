// Governance rules with fixed dates: attendance rates, deputies, quorum, cadence, rotation,
// the annual cycle and the refusals of bad input.
#include <gtest/gtest.h>

#include "core/governance.hpp"
#include "core/meeting_attendance.hpp"
#include "core/governance_quorum.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Membership member(int person, const char* start, std::optional<const char*> end = std::nullopt) {
    Membership m;
    m.group = GroupId{1};
    m.person = PersonId{person};
    m.start = d(start);
    if (end) m.end = d(*end);
    return m;
}

Meeting meeting(int id, const char* on, MeetingStatus status, std::vector<AttendanceRecord> attendance = {}) {
    Meeting m;
    m.id = MeetingId{id};
    m.group = GroupId{1};
    m.on = d(on);
    m.status = status;
    m.attendance = std::move(attendance);
    return m;
}

AttendanceRecord at(int person, Presence p) { return {PersonId{person}, p, p == Presence::deputy ? "A deputy" : ""}; }

const MemberRate& rate_of(const std::vector<MemberRate>& rates, int person) {
    for (const auto& r : rates) if (r.person.value == person) return r;
    throw std::logic_error("no rate");
}

Group group_with(QuorumKind kind, int value) {
    Group g;
    g.id = GroupId{1};
    g.quorum = {kind, value};
    g.active_from = d("2025-01-01");
    return g;
}

}  // namespace

TEST(AttendanceRules, CancelledMeetingsDoNotCountAndApologiesAreNotAttendance) {
    const std::vector<Membership> members{member(1, "2025-01-01")};
    const std::vector<Meeting> meetings{
        meeting(1, "2026-01-10", MeetingStatus::held, {at(1, Presence::present)}),
        meeting(2, "2026-03-10", MeetingStatus::cancelled),
        meeting(3, "2026-05-10", MeetingStatus::held, {at(1, Presence::apologies)}),
        meeting(4, "2026-07-10", MeetingStatus::held, {at(1, Presence::present)}),
        meeting(5, "2026-09-10", MeetingStatus::held, {at(1, Presence::present)}),
        meeting(6, "2026-12-10", MeetingStatus::planned),
    };
    const GovernanceRules rules;
    const auto rates = member_rates(members, meetings, attendance_window(rules, d("2026-11-23")), rules);
    const MemberRate& r = rate_of(rates, 1);
    EXPECT_EQ(r.held, 4);
    EXPECT_EQ(r.attended, 3);
    EXPECT_EQ(r.apologies, 1);
    EXPECT_DOUBLE_EQ(*r.rate, 0.75);
    EXPECT_FALSE(r.below_expected) << "exactly the expected rate is not below it";
}

TEST(AttendanceRules, WindowIsTwelveMonthsEndingToday) {
    const GovernanceRules rules;
    const Period p = attendance_window(rules, d("2026-11-23"));
    EXPECT_EQ(p.from.iso(), "2025-11-24");
    EXPECT_EQ(p.to.iso(), "2026-11-23");
    const std::vector<Membership> members{member(1, "2024-01-01")};
    const std::vector<Meeting> meetings{meeting(1, "2025-11-23", MeetingStatus::held), meeting(2, "2025-11-24", MeetingStatus::held)};
    EXPECT_EQ(rate_of(member_rates(members, meetings, p, rules), 1).held, 1) << "a meeting a year and a day ago is outside";
}

TEST(AttendanceRules, AMemberWhoJoinedMidYearIsJudgedOnTheirMeetingsOnly) {
    const std::vector<Membership> members{member(1, "2025-01-01"), member(2, "2026-06-01")};
    const std::vector<Meeting> meetings{
        meeting(1, "2026-02-01", MeetingStatus::held, {at(1, Presence::present)}),
        meeting(2, "2026-04-01", MeetingStatus::held, {at(1, Presence::present)}),
        meeting(3, "2026-07-01", MeetingStatus::held, {at(1, Presence::present), at(2, Presence::present)}),
        meeting(4, "2026-09-01", MeetingStatus::held, {at(1, Presence::absent), at(2, Presence::present)}),
    };
    const GovernanceRules rules;
    const auto rates = member_rates(members, meetings, {d("2025-11-24"), d("2026-11-23")}, rules);
    EXPECT_EQ(rate_of(rates, 2).held, 2);
    EXPECT_DOUBLE_EQ(*rate_of(rates, 2).rate, 1.0);
    EXPECT_DOUBLE_EQ(*rate_of(rates, 1).rate, 0.75);
}

TEST(AttendanceRules, NothingRecordedAtAHeldMeetingIsAbsence) {
    const std::vector<Membership> members{member(1, "2025-01-01")};
    const std::vector<Meeting> meetings{meeting(1, "2026-02-01", MeetingStatus::held),
                                        meeting(2, "2026-04-01", MeetingStatus::held, {at(1, Presence::present)})};
    const GovernanceRules rules;
    const MemberRate r = rate_of(member_rates(members, meetings, {d("2025-11-24"), d("2026-11-23")}, rules), 1);
    EXPECT_EQ(r.absent, 1);
    EXPECT_TRUE(r.below_expected);
}

TEST(AttendanceRules, AMeetingsAttendanceIsSummedOverTheMembersExpectedThatDay) {
    const Meeting m = meeting(1, "2026-11-23", MeetingStatus::held,
                              {at(1, Presence::present), at(2, Presence::present), at(3, Presence::deputy), at(4, Presence::apologies),
                               at(5, Presence::apologies), at(6, Presence::absent), at(9, Presence::present)});
    // Person 9 was recorded but is not expected (no longer a member): not counted.
    const std::vector<PersonId> expected{PersonId{1}, PersonId{2}, PersonId{3}, PersonId{4}, PersonId{5}, PersonId{6}, PersonId{7}};
    const MeetingAttendance a = meeting_attendance(m, expected);
    EXPECT_EQ(a.present, 2);
    EXPECT_EQ(a.deputy, 1);
    EXPECT_EQ(a.apologies, 2);
    EXPECT_EQ(a.absent, 1);
    EXPECT_EQ(a.not_recorded, 1);
    EXPECT_EQ(attendance_in_words(a), "2 present, 1 deputy, 2 apologies, 1 absent, 1 not recorded");
    EXPECT_EQ(attendance_in_words({9, 2, 1, 0, 0}), "9 present, 2 deputies, 1 apology");
    EXPECT_EQ(attendance_in_words({}), "No members expected");
    EXPECT_EQ(attendance_in_words(meeting_attendance(meeting(2, "2026-11-23", MeetingStatus::planned), expected)), "7 not recorded");
}

TEST(AttendanceRules, DeputiesCountForTheAgencyButARegularDeputyIsFlagged) {
    const std::vector<Membership> members{member(1, "2025-01-01")};
    const std::vector<Meeting> meetings{
        meeting(1, "2026-01-10", MeetingStatus::held, {at(1, Presence::deputy)}),
        meeting(2, "2026-03-10", MeetingStatus::held, {at(1, Presence::present)}),
        meeting(3, "2026-05-10", MeetingStatus::held, {at(1, Presence::deputy)}),
        meeting(4, "2026-07-10", MeetingStatus::held, {at(1, Presence::present)}),
    };
    GovernanceRules rules;
    const Period p{d("2025-11-24"), d("2026-11-23")};
    const MemberRate r = rate_of(member_rates(members, meetings, p, rules), 1);
    EXPECT_DOUBLE_EQ(*r.rate, 1.0);
    EXPECT_TRUE(r.deputy_regular) << "2 of 4 is more than the exceptional 25%";
    rules.deputy_counts_as_attended = false;
    EXPECT_TRUE(rate_of(member_rates(members, meetings, p, rules), 1).below_expected);
    rules.deputy_exceptional_share = 0.5;
    EXPECT_FALSE(rate_of(member_rates(members, meetings, p, rules), 1).deputy_regular);
}

TEST(AttendanceRules, RatesByAgencySumTheirMembers) {
    std::vector<MemberRate> rates(2);
    rates[0].person = PersonId{1};
    rates[0].held = 4;
    rates[0].attended = 4;
    rates[1].person = PersonId{2};
    rates[1].held = 4;
    rates[1].attended = 1;
    std::vector<Agency> agencies{{AgencyId{7}, PartnershipId{1}, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"}};
    const auto totals = rates_by_agency(rates, {{PersonId{1}, AgencyId{7}}, {PersonId{2}, AgencyId{7}}}, agencies, GovernanceRules{});
    ASSERT_EQ(totals.size(), 1u);
    EXPECT_EQ(totals[0].held, 8);
    EXPECT_EQ(totals[0].attended, 5);
    EXPECT_TRUE(totals[0].below_expected);
}

TEST(QuorumRules, AllStatutoryPartnersNamesWhoWasMissing) {
    const Group g = group_with(QuorumKind::all_statutory_partners, 0);
    const std::vector<Membership> members{member(1, "2025-01-01"), member(2, "2025-01-01"), member(3, "2025-01-01")};
    const std::vector<Agency> agencies{
        {AgencyId{1}, PartnershipId{1}, "Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"},
        {AgencyId{2}, PartnershipId{1}, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"},
        {AgencyId{3}, PartnershipId{1}, "Health", AgencyKind::statutory_partner, StatutoryRole::health, "health"}};
    const std::map<PersonId, AgencyId> person_agency{{PersonId{1}, AgencyId{1}}, {PersonId{2}, AgencyId{2}}, {PersonId{3}, AgencyId{3}}};
    auto q = quorum_of(g, meeting(1, "2026-05-01", MeetingStatus::held,
                                  {at(1, Presence::present), at(2, Presence::apologies), at(3, Presence::deputy)}),
                       members, person_agency, agencies);
    EXPECT_FALSE(q.quorate);
    EXPECT_EQ(q.explanation, "Not quorate: no one attended for Police");
    q = quorum_of(g, meeting(1, "2026-05-01", MeetingStatus::held,
                             {at(1, Presence::present), at(2, Presence::present), at(3, Presence::deputy)}),
                  members, person_agency, agencies);
    EXPECT_TRUE(q.quorate) << "a deputy represents their agency";
}

TEST(QuorumRules, NumberAndShareOfMembersOnTheDay) {
    const std::vector<Membership> members{member(1, "2025-01-01"), member(2, "2025-01-01"), member(3, "2025-01-01"),
                                          member(4, "2026-06-01")};
    const Meeting m = meeting(1, "2026-05-01", MeetingStatus::held, {at(1, Presence::present), at(2, Presence::present)});
    auto q = quorum_of(group_with(QuorumKind::min_members, 2), m, members, {}, {});
    EXPECT_TRUE(q.quorate);
    EXPECT_EQ(q.members, 3) << "member 4 joined after the meeting";
    EXPECT_EQ(q.explanation, "Quorate: 2 of 3 members attended (at least 2 needed)");
    EXPECT_FALSE(quorum_of(group_with(QuorumKind::min_members, 3), m, members, {}, {}).quorate);
    EXPECT_FALSE(quorum_of(group_with(QuorumKind::min_share, 67), m, members, {}, {}).quorate) << "2 of 3 is 66.7%";
    EXPECT_TRUE(quorum_of(group_with(QuorumKind::min_share, 66), m, members, {}, {}).quorate);
}

TEST(CadenceRules, OverdueWhenTheLastHeldMeetingIsTooLongAgo) {
    Group g = group_with(QuorumKind::min_share, 50);
    g.cadence_months = 2;
    const std::vector<Meeting> meetings{meeting(1, "2026-08-31", MeetingStatus::held), meeting(2, "2026-10-15", MeetingStatus::cancelled)};
    CadenceStatus c = cadence_of(g, meetings, d("2026-10-31"));
    EXPECT_EQ(c.due_by->iso(), "2026-10-31") << "two months after 31 August, clamped to the month";
    EXPECT_FALSE(c.overdue);
    c = cadence_of(g, meetings, d("2026-11-01"));
    EXPECT_TRUE(c.overdue) << "a cancelled meeting does not keep a group on cadence";
    g.cadence_months = 0;
    EXPECT_FALSE(cadence_of(g, meetings, d("2027-06-01")).overdue) << "no cadence, never overdue";
    g.cadence_months = 2;
    g.active_to = d("2026-10-01");
    EXPECT_FALSE(cadence_of(g, meetings, d("2026-12-01")).overdue) << "an ended group is not overdue";
}

TEST(CadenceRules, ANewGroupCountsFromItsStart) {
    Group g = group_with(QuorumKind::min_share, 50);
    g.active_from = d("2026-09-01");
    g.cadence_months = 3;
    const CadenceStatus c = cadence_of(g, {meeting(1, "2026-12-01", MeetingStatus::planned)}, d("2026-11-23"));
    EXPECT_FALSE(c.last_held);
    EXPECT_EQ(c.next_planned->iso(), "2026-12-01");
    EXPECT_EQ(c.due_by->iso(), "2026-12-01");
    EXPECT_FALSE(c.overdue);
}

TEST(ChairRotation, PassesAmongThePartnersOnTheStatedCycle) {
    Group g;
    g.chair_kind = ChairKind::rotating;
    g.rotation_months = 12;
    g.rotation_start = d("2025-04-01");
    EXPECT_EQ(rotating_chair_on(g, d("2025-04-01")), StatutoryRole::local_authority);
    EXPECT_EQ(rotating_chair_on(g, d("2026-03-31")), StatutoryRole::local_authority);
    EXPECT_EQ(rotating_chair_on(g, d("2026-04-01")), StatutoryRole::police);
    EXPECT_EQ(rotating_chair_on(g, d("2027-04-01")), StatutoryRole::health);
    EXPECT_EQ(rotating_chair_on(g, d("2028-04-01")), StatutoryRole::local_authority);
    EXPECT_EQ(rotation_ends(g, d("2026-11-23")).iso(), "2027-03-31");
}

TEST(QuorumRules, AGroupWithNoQuorumRuleIsNeverNotQuorate) {
    // Seed 000 sets no quorum, only an expectation of 75% attendance: a meeting one member came
    // to, or none, still stands, and the page says that no rule is set rather than "Quorate".
    const std::vector<Membership> members{member(1, "2025-01-01"), member(2, "2025-01-01"), member(3, "2025-01-01")};
    const Group g = group_with(no_quorum_rule().kind, no_quorum_rule().value);
    auto q = quorum_of(g, meeting(1, "2026-05-01", MeetingStatus::held, {at(1, Presence::present), at(2, Presence::apologies)}),
                       members, {}, {});
    EXPECT_TRUE(q.quorate);
    EXPECT_FALSE(has_quorum_rule(g.quorum));
    EXPECT_EQ(q.explanation, "No quorum rule set: 1 of 3 members attended");
    q = quorum_of(g, meeting(2, "2026-07-01", MeetingStatus::held, {at(1, Presence::absent)}), members, {}, {});
    EXPECT_TRUE(q.quorate) << "no one attended, yet there is no rule to fall short of";
    EXPECT_EQ(q.attending, 0);
    EXPECT_EQ(quorum_label(g.quorum), "No quorum rule set");
    EXPECT_EQ(quorum_rule_key(g.quorum), "none");
    // One member is a rule, and a meeting no one came to falls short of it.
    const Group one = group_with(QuorumKind::min_members, 1);
    EXPECT_TRUE(has_quorum_rule(one.quorum));
    EXPECT_FALSE(quorum_of(one, meeting(3, "2026-07-01", MeetingStatus::held, {}), members, {}, {}).quorate);
    EXPECT_EQ(quorum_rule_key(one.quorum), "min_members");
}

TEST(AnnualCycle, MilestonesOfTheNextTwelveMonthsInOrder) {
    const auto cycle = annual_cycle_between(GovernanceRules{}, d("2026-11-23"), 12);
    ASSERT_EQ(cycle.size(), 6u);
    EXPECT_EQ(cycle.front().on.iso(), "2027-02-01");
    EXPECT_EQ(cycle.front().label, "Development day");
    EXPECT_EQ(cycle[2].label, "Start of the partnership year");
    EXPECT_EQ(cycle.back().on.iso(), "2027-10-01");
}

TEST(GroupValidation, AQuorumThatCanNeverBeMetIsRefused) {
    GroupContext ctx;
    ctx.statutory_partners = 3;
    ctx.active_members = 6;
    GroupInput in{"Executive", "executive", "", "", "fixed", "", "", "12", "", "3", "min_members", "7", "2026-01-01", ""};
    Group g;
    auto errors = validate_group(in, ctx, g);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "quorum_value");
    EXPECT_NE(errors[0].message.find("can never be met"), std::string::npos);
    in.quorum_kind = "min_share";
    in.quorum_value = "101";
    EXPECT_EQ(validate_group(in, ctx, g).at(0).field, "quorum_value");
    in.quorum_kind = "all_statutory_partners";
    ctx.statutory_partners = 0;
    EXPECT_EQ(validate_group(in, ctx, g).at(0).field, "quorum_kind");
    ctx.statutory_partners = 3;
    EXPECT_TRUE(validate_group(in, ctx, g).empty());
}

TEST(GroupValidation, NoQuorumRuleIsAChoiceAndKeepsNoValue) {
    GroupContext ctx;
    ctx.statutory_partners = 3;
    ctx.active_members = 6;
    GroupInput in{"Policy group", "sub_group", "", "", "fixed", "", "", "12", "", "2", "none", "40", "2026-01-01", ""};
    Group g;
    EXPECT_TRUE(validate_group(in, ctx, g).empty());
    EXPECT_FALSE(has_quorum_rule(g.quorum)) << "a number typed beside 'no rule' means nothing";
    EXPECT_EQ(quorum_rule_key(g.quorum), "none");
    // "No rule" is chosen, never typed: a number of members must still be 1 or more.
    in.quorum_kind = "min_members";
    in.quorum_value = "0";
    EXPECT_EQ(validate_group(in, ctx, g).at(0).field, "quorum_value");
    in.quorum_kind = "nobody";
    EXPECT_EQ(validate_group(in, ctx, g).at(0).field, "quorum_kind");
}

TEST(GroupValidation, NoLoopsInTheLinesOfAccountability) {
    Group top, middle;
    top.id = GroupId{1};
    top.name = "Forum";
    middle.id = GroupId{2};
    middle.name = "Core";
    middle.parent = GroupId{1};
    GroupContext ctx;
    ctx.groups = {top, middle};
    ctx.statutory_partners = 3;
    Group edited = top;
    GroupInput in{"Forum", "strategic_forum", "", "2", "independent", "", "", "12", "", "4", "min_share", "50", "2026-01-01", ""};
    const auto errors = validate_group(in, ctx, edited);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "parent_id");
}

TEST(GroupValidation, RotatingChairNeedsItsCycle) {
    GroupContext ctx;
    ctx.statutory_partners = 3;
    GroupInput in{"Leadership", "executive", "", "", "rotating", "", "", "0", "", "2", "all_statutory_partners", "", "2026-01-01", ""};
    Group g;
    const auto errors = validate_group(in, ctx, g);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "rotation_months");
    EXPECT_EQ(errors[1].field, "rotation_start");
}

TEST(MeetingValidation, RefusesADateOutsideTheGroupsActivePeriod) {
    Group g = group_with(QuorumKind::min_share, 50);
    g.active_to = d("2026-06-30");
    Meeting m;
    auto errors = validate_meeting({"2026-07-01", "10:00", "120", "Town hall", "", ""}, g, m);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "on");
    errors = validate_meeting({"2026-06-30", "25:00", "5", "", "", ""}, g, m);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "starts_at");
    EXPECT_EQ(errors[1].field, "minutes_long");
    EXPECT_EQ(errors[2].field, "place");
}

TEST(ActionValidation, DueDateCannotBeBeforeTheMeeting) {
    Meeting m = meeting(1, "2026-05-01", MeetingStatus::held);
    const std::vector<Person> people{{PersonId{4}, PartnershipId{1}, "Owner", "", AgencyId{}, "o@example.org"}};
    ActionItem a;
    auto errors = validate_action({"Write the plan", "4", "2026-04-30"}, m, people, a);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "due");
    EXPECT_TRUE(validate_action({"Write the plan", "4", "2026-05-01"}, m, people, a).empty());
    EXPECT_EQ(validate_action({"Write the plan", "9", "2026-05-01"}, m, people, a).at(0).field, "owner_id");
}

TEST(AttendanceValidation, OnlyMembersOnTheDayAndDeputiesNamed) {
    const Meeting m = meeting(1, "2026-05-01", MeetingStatus::held);
    const std::vector<Membership> members{member(1, "2025-01-01"), member(2, "2026-06-01"), member(3, "2025-01-01", "2026-04-30")};
    std::vector<AttendanceRecord> out;
    auto errors = validate_attendance({{"1", "present", ""}, {"2", "present", ""}}, m, members, out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "attendance");
    errors = validate_attendance({{"3", "apologies", ""}}, m, members, out);
    EXPECT_EQ(errors.size(), 1u) << "their membership ended the day before";
    errors = validate_attendance({{"1", "deputy", ""}}, m, members, out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "deputy-1");
    errors = validate_attendance({{"1", "maybe", ""}}, m, members, out);
    EXPECT_EQ(errors.at(0).field, "presence-1");
    EXPECT_TRUE(validate_attendance({{"1", "deputy", "Sam Deputy"}}, m, members, out).empty());
    EXPECT_EQ(out.at(0).deputy_name, "Sam Deputy");
}

TEST(MemberValidation, OverlappingMembershipsAndInactiveDatesAreRefused) {
    Group g = group_with(QuorumKind::min_share, 50);
    const std::vector<Person> people{{PersonId{1}, PartnershipId{1}, "A", "", AgencyId{}, "a@example.org"}};
    const std::vector<Membership> existing{member(1, "2025-01-01")};
    Membership m;
    auto errors = validate_member({"1", "RA", "member", "", "2026-01-01", "", ""}, g, people, existing, m);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "person_id");
    errors = validate_member({"1", "XX", "thematic_lead", "", "2024-12-01", "", ""}, g, people, {}, m);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "code");
    EXPECT_EQ(errors[1].field, "priority");
    EXPECT_EQ(errors[2].field, "start");
}
