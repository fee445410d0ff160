#pragma once
// The governance store contract: the lists, their filters and order, paging, counts and
// lookups by id that the governance ports promise. Every backend instantiates it (see
// sqlite_store_test.cpp) as it does the general contract.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>

#include "app/ports.hpp"
#include "core/failure.hpp"

namespace assure::testing {

template <class Factory>
class GovernanceContract : public ::testing::Test {
protected:
    void SetUp() override {
        // A backend that needs a server says why it cannot run here, as in StoreContract.
        if constexpr (requires { Factory::skip_reason(); }) {
            if (const std::string why = Factory::skip_reason(); !why.empty()) GTEST_SKIP() << why;
        }
        store = Factory::make();
        store->write([&](Transaction& tx) {
            partnership = tx.partnerships().insert({PartnershipId{}, "p", "P"}, shipped_rules());
            other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules());
            for (const char* name : {"Morgan", "Pat"}) {
                Person p;
                p.partnership = partnership;
                p.name = name;
                p.email = std::string(name) + "@example.org";
                people.push_back(tx.people().insert(p));
            }
            for (const char* name : {"Core", "Review"}) groups.push_back(tx.governance().insert_group(group(partnership, name)));
            elsewhere_group = tx.governance().insert_group(group(other, "Elsewhere"));
        });
    }
    void TearDown() override {
        if (store) Factory::destroy();
    }

    static Date d(const char* iso) { return *Date::parse(iso); }

    static Group group(PartnershipId p, const char* name) {
        Group g;
        g.partnership = p;
        g.name = name;
        g.active_from = d("2020-01-01");
        g.cadence_months = 3;
        return g;
    }

    MeetingId meeting(GroupId g, const char* on, MeetingStatus status = MeetingStatus::held, PartnershipId p = {}) {
        Meeting m;
        m.partnership = p.valid() ? p : partnership;
        m.group = g;
        m.on = d(on);
        m.status = status;
        store->write([&](Transaction& tx) { m.id = tx.governance().insert_meeting(m); });
        return m.id;
    }

    ActionItem action(MeetingId m, GroupId g, PersonId owner, const char* due, const std::string& text,
                      ActionStatus status = ActionStatus::open) {
        ActionItem a;
        a.partnership = partnership;
        a.group = g;
        a.meeting = m;
        a.owner = owner;
        a.due = d(due);
        a.text = text;
        a.status = status;
        if (status != ActionStatus::open) a.closed_on = d("2026-01-10");
        store->write([&](Transaction& tx) { a.id = tx.governance().insert_action(a); });
        return a;
    }

    // Reads a whole list a page of `limit` at a time, checking that no page is over-full.
    template <class Query, class Fetch>
    auto all_pages(Query q, int limit, Fetch fetch, int* pages = nullptr) {
        q.page = PageRequest{limit, ""};
        decltype(fetch(std::declval<Transaction&>(), q).items) out;
        int n = 0;
        for (;;) {
            decltype(fetch(std::declval<Transaction&>(), q)) page;
            store->read([&](Transaction& tx) { page = fetch(tx, q); });
            EXPECT_LE(static_cast<int>(page.items.size()), limit);
            ++n;
            for (auto& item : page.items) out.push_back(std::move(item));
            if (!page.next) break;
            EXPECT_FALSE(page.items.empty()) << "a page that promises more has items";
            q.page.after = *page.next;
            if (n > 100) break;
        }
        if (pages) *pages = n;
        return out;
    }

    static auto actions_of() {
        return [](Transaction& tx, const ActionQuery& q) { return tx.governance().actions(q); };
    }

    std::unique_ptr<Store> store;
    PartnershipId partnership, other;
    std::vector<PersonId> people;
    std::vector<GroupId> groups;
    GroupId elsewhere_group;
};

TYPED_TEST_SUITE_P(GovernanceContract);

TYPED_TEST_P(GovernanceContract, ActionsPageInDueOrderWithNoRepeatsOrGaps) {
    const MeetingId m = this->meeting(this->groups[0], "2026-01-05");
    std::vector<ActionItem> made;
    // Several share a due date, so the id breaks ties across page boundaries.
    const char* dues[] = {"2026-03-01", "2026-02-01", "2026-03-01", "2026-01-15", "2026-03-01", "2026-02-01", "2026-04-01"};
    for (int i = 0; i < 23; ++i) made.push_back(this->action(m, this->groups[0], this->people[i % 2], dues[i % 7], "Action " + std::to_string(i)));
    std::sort(made.begin(), made.end(), [](const ActionItem& a, const ActionItem& b) { return std::tie(a.due, a.id) < std::tie(b.due, b.id); });
    int pages = 0;
    const auto listed = this->all_pages(ActionQuery{.partnership = this->partnership}, 5, this->actions_of(), &pages);
    EXPECT_EQ(pages, 5) << "23 actions in pages of 5";
    ASSERT_EQ(listed.size(), made.size());
    for (std::size_t i = 0; i < made.size(); ++i) {
        EXPECT_EQ(listed[i].id, made[i].id) << "position " << i;
        EXPECT_EQ(listed[i].due, made[i].due);
        EXPECT_EQ(listed[i].group, this->groups[0]) << "an action's group is its meeting's";
    }
    const auto exact = this->all_pages(ActionQuery{.partnership = this->partnership}, 23, this->actions_of(), &pages);
    EXPECT_EQ(pages, 1) << "a list that fits exactly has no next page";
    EXPECT_EQ(exact.size(), 23U);
}

TYPED_TEST_P(GovernanceContract, EveryActionFilterIsAnsweredAndCountsAgreeWithTheList) {
    const auto& g = this->groups;
    const auto& p = this->people;
    const MeetingId core = this->meeting(g[0], "2026-01-05"), review = this->meeting(g[1], "2026-01-06");
    this->action(core, g[0], p[0], "2026-01-10", "Brief every SCHOOL");
    this->action(core, g[0], p[1], "2026-01-20", "Audit 100% of cases");
    this->action(core, g[0], p[0], "2026-02-10", "Write the report", ActionStatus::done);
    this->action(review, g[1], p[1], "2026-01-12", "Brief the schools' leads");
    this->action(review, g[1], p[1], "2026-03-01", "Train the panel");
    this->action(review, g[1], p[0], "2026-01-01", "Drop this", ActionStatus::dropped);
    const Date today = TestFixture::d("2026-02-01");
    auto with = [&](auto change) {
        ActionQuery q{.partnership = this->partnership};
        change(q);
        return q;
    };
    struct Case {
        const char* what;
        ActionQuery query;
        std::size_t expected;
    };
    const std::vector<Case> cases{
        {"everything", with([](ActionQuery&) {}), 6},
        {"open", with([](ActionQuery& q) { q.states = {ActionStatus::open}; }), 4},
        {"done or dropped", with([](ActionQuery& q) { q.states = {ActionStatus::done, ActionStatus::dropped}; }), 2},
        {"owner", with([&](ActionQuery& q) { q.owner = p[1]; }), 3},
        {"group, through the meeting", with([&](ActionQuery& q) { q.group = g[1]; }), 3},
        {"meeting", with([&](ActionQuery& q) { q.meeting = core; }), 3},
        {"overdue on 1 February", with([&](ActionQuery& q) { q.overdue_on = today; }), 3},
        {"overdue and owned", with([&](ActionQuery& q) { q.overdue_on = today; q.owner = p[0]; }), 1},
        {"text in any case", with([](ActionQuery& q) { q.text = "school"; }), 2},
        {"a percent sign is a character, not a wildcard", with([](ActionQuery& q) { q.text = "100%"; }), 1},
        {"group and open", with([&](ActionQuery& q) { q.group = g[0]; q.states = {ActionStatus::open}; }), 2},
    };
    for (const auto& c : cases) {
        const auto listed = this->all_pages(c.query, 2, this->actions_of());
        EXPECT_EQ(listed.size(), c.expected) << c.what;
        ActionCounts counts;
        std::vector<std::pair<PersonId, int>> by_owner;
        this->store->read([&](Transaction& tx) {
            counts = tx.governance().count_actions(c.query, today);
            by_owner = tx.governance().count_overdue_by_owner(c.query, today);
        });
        EXPECT_EQ(static_cast<std::size_t>(counts.open + counts.done + counts.dropped), listed.size()) << c.what;
        int open = 0, overdue = 0;
        std::map<PersonId, int> overdue_of;
        for (const auto& a : listed) {
            if (c.query.meeting) {
                EXPECT_EQ(a.meeting, *c.query.meeting) << c.what;
            }
            if (c.query.owner) {
                EXPECT_EQ(a.owner, *c.query.owner) << c.what;
            }
            open += a.status == ActionStatus::open;
            if (action_overdue(a, today)) {
                ++overdue;
                ++overdue_of[a.owner];
            }
        }
        EXPECT_EQ(counts.open, open) << c.what;
        EXPECT_EQ(counts.overdue, overdue) << c.what;
        EXPECT_EQ(by_owner, (std::vector<std::pair<PersonId, int>>(overdue_of.begin(), overdue_of.end()))) << c.what;
    }
    std::size_t elsewhere = 1;
    this->store->read([&](Transaction& tx) { elsewhere = tx.governance().actions(ActionQuery{.partnership = this->other}).items.size(); });
    EXPECT_EQ(elsewhere, 0U) << "another partnership sees none of them";
}

TYPED_TEST_P(GovernanceContract, AStaleActionUpdateWritesNothing) {
    const MeetingId m = this->meeting(this->groups[0], "2026-01-05");
    ActionItem a = this->action(m, this->groups[0], this->people[0], "2026-02-01", "Brief");
    a.note = "First";
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.governance().update_action(a); });
    a.note = "Second";  // still carries version 1
    this->store->write([&](Transaction& tx) { second = tx.governance().update_action(a); });
    std::optional<ActionItem> back;
    this->store->read([&](Transaction& tx) { back = tx.governance().find_action(this->partnership, a.id); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->note, "First");
    EXPECT_EQ(back->version, 2);
}

TYPED_TEST_P(GovernanceContract, MeetingsPageByGroupPeriodAndStatusEitherWay) {
    const auto& g = this->groups;
    std::vector<MeetingId> core;
    const char* dates[] = {"2025-01-10", "2025-04-10", "2025-07-10", "2025-07-10", "2025-10-10", "2026-01-10", "2026-04-10"};
    for (const char* on : dates) core.push_back(this->meeting(g[0], on));
    const MeetingId cancelled = this->meeting(g[0], "2025-09-01", MeetingStatus::cancelled);
    this->meeting(g[1], "2025-05-05");
    this->meeting(this->elsewhere_group, "2025-05-05", MeetingStatus::held, this->other);
    auto meetings = [](Transaction& tx, const MeetingQuery& q) { return tx.governance().meetings(q); };

    MeetingQuery of_core{.partnership = this->partnership, .group = g[0]};
    const auto oldest_first = this->all_pages(of_core, 3, meetings);
    ASSERT_EQ(oldest_first.size(), 8U);
    for (std::size_t i = 1; i < oldest_first.size(); ++i) {
        const auto& a = oldest_first[i - 1];
        const auto& b = oldest_first[i];
        EXPECT_TRUE(std::tie(a.on, a.id) < std::tie(b.on, b.id)) << "oldest first at " << i;
    }
    of_core.newest_first = true;
    auto newest_first = this->all_pages(of_core, 3, meetings);
    std::reverse(newest_first.begin(), newest_first.end());
    ASSERT_EQ(newest_first.size(), oldest_first.size());
    for (std::size_t i = 0; i < newest_first.size(); ++i) EXPECT_EQ(newest_first[i].id, oldest_first[i].id) << "newest first at " << i;

    MeetingQuery period{.partnership = this->partnership, .group = g[0], .from = TestFixture::d("2025-04-10"), .to = TestFixture::d("2025-10-10")};
    EXPECT_EQ(this->all_pages(period, 2, meetings).size(), 5U) << "both ends of the period count";
    period.statuses = {MeetingStatus::cancelled};
    const auto only_cancelled = this->all_pages(period, 2, meetings);
    ASSERT_EQ(only_cancelled.size(), 1U);
    EXPECT_EQ(only_cancelled[0].id, cancelled);
    EXPECT_EQ(this->all_pages(MeetingQuery{.partnership = this->partnership}, 4, meetings).size(), 9U) << "every group of the partnership, none of another's";

    std::map<MeetingId, Date> dates_of;
    std::map<GroupId, LastAndNext> cadence;
    this->store->read([&](Transaction& tx) {
        MeetingQuery elsewhere{.partnership = this->other};
        const MeetingId theirs = tx.governance().meetings(elsewhere).items.at(0).id;
        dates_of = tx.governance().meeting_dates(this->partnership, {core[0], core[6], core[0], theirs});
        cadence = tx.governance().last_and_next_meetings(this->partnership, TestFixture::d("2025-08-01"));
    });
    EXPECT_EQ(dates_of.size(), 2U) << "asked ids only, another partnership's left out";
    EXPECT_EQ(dates_of[core[6]].iso(), "2026-04-10");
    EXPECT_EQ(cadence[g[0]].last_held->iso(), "2025-07-10") << "all are held: the last held by the day";
    EXPECT_FALSE(cadence[g[0]].next_planned) << "none is planned";
    EXPECT_EQ(cadence[g[1]].last_held->iso(), "2025-05-05");
}

TYPED_TEST_P(GovernanceContract, AttendanceIsKeptInOrderRewrittenWholeAndReadWithoutTheMinutes) {
    Meeting m;
    m.partnership = this->partnership;
    m.group = this->groups[0];
    m.on = TestFixture::d("2026-01-05");
    m.minutes = "## Minutes";
    m.agenda = {{1, "Performance", this->people[0], ""}};
    m.decisions = {{1, "Adopt the tool"}};
    m.attendance = {{this->people[1], Presence::deputy, "DS Smith"}, {this->people[0], Presence::present, ""}};
    this->store->write([&](Transaction& tx) { m.id = tx.governance().insert_meeting(m); });
    const MeetingId later = this->meeting(this->groups[0], "2026-02-05");

    std::optional<Meeting> back;
    this->store->read([&](Transaction& tx) { back = tx.governance().find_meeting(this->partnership, m.id); });
    ASSERT_TRUE(back);
    ASSERT_EQ(back->attendance.size(), 2U);
    EXPECT_EQ(back->attendance[0].person, this->people[1]) << "in the order recorded";
    EXPECT_EQ(back->attendance[0].presence, Presence::deputy);
    EXPECT_EQ(back->attendance[0].deputy_name, "DS Smith");
    EXPECT_EQ(back->attendance[1].presence, Presence::present);

    back->attendance = {{this->people[0], Presence::apologies, ""}};
    bool updated = false, stale = false;
    this->store->write([&](Transaction& tx) { updated = tx.governance().update_meeting(*back); });
    back->attendance = {};  // still carries the old version
    this->store->write([&](Transaction& tx) { stale = tx.governance().update_meeting(*back); });
    EXPECT_TRUE(updated);
    EXPECT_FALSE(stale) << "a stale update writes nothing, its attendance included";

    std::vector<Meeting> headings;
    this->store->read([&](Transaction& tx) {
        MeetingQuery q{.partnership = this->partnership, .group = this->groups[0], .attendance_only = true};
        headings = tx.governance().meetings(q).items;
    });
    ASSERT_EQ(headings.size(), 2U);
    EXPECT_EQ(headings[0].id, m.id);
    ASSERT_EQ(headings[0].attendance.size(), 1U) << "rewritten whole";
    EXPECT_EQ(headings[0].attendance[0].presence, Presence::apologies);
    EXPECT_EQ(headings[0].on.iso(), "2026-01-05");
    EXPECT_TRUE(headings[0].minutes.empty()) << "the heading only: no minutes";
    EXPECT_TRUE(headings[0].agenda.empty()) << "no agenda";
    EXPECT_TRUE(headings[0].decisions.empty()) << "no decisions";
    EXPECT_EQ(headings[1].id, later);
    EXPECT_TRUE(headings[1].attendance.empty());
}

TYPED_TEST_P(GovernanceContract, InterestsPageNewestFirstByPersonAndMeeting) {
    const MeetingId m = this->meeting(this->groups[0], "2026-01-05");
    std::vector<InterestId> ids;
    this->store->write([&](Transaction& tx) {
        for (int i = 0; i < 7; ++i) {
            ids.push_back(tx.governance().insert_interest({InterestId{}, this->partnership, this->people[i % 2], "Interest " + std::to_string(i),
                                                           TestFixture::d(i < 3 ? "2026-01-01" : "2026-02-01"),
                                                           i == 4 ? m : MeetingId{}, i == 4 ? 1 : 0, "BU"}));
        }
    });
    auto interests = [](Transaction& tx, const InterestQuery& q) { return tx.governance().interests(q); };
    const auto all = this->all_pages(InterestQuery{.partnership = this->partnership}, 2, interests);
    ASSERT_EQ(all.size(), 7U);
    const std::vector<InterestId> expected{ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]};
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].id, expected[i]) << "newest declared, then latest recorded, at " << i;
    InterestQuery mine{.partnership = this->partnership, .person = this->people[1]};
    EXPECT_EQ(this->all_pages(mine, 2, interests).size(), 3U);
    InterestQuery at_meeting{.partnership = this->partnership, .meeting = m};
    const auto declared = this->all_pages(at_meeting, 2, interests);
    ASSERT_EQ(declared.size(), 1U);
    EXPECT_EQ(declared[0].agenda_item, 1);
}

TYPED_TEST_P(GovernanceContract, MembershipsOfAPersonAndCurrentCountsPerGroup) {
    this->store->write([&](Transaction& tx) {
        const auto member = [&](GroupId g, PersonId p, const char* start, std::optional<Date> end) {
            Membership m{MembershipId{}, g, p, MembershipCode::SP, MemberRole::member, "", TestFixture::d(start), end, "", 1};
            tx.governance().insert_membership(m);
        };
        member(this->groups[0], this->people[0], "2025-01-01", std::nullopt);
        member(this->groups[0], this->people[1], "2025-01-01", TestFixture::d("2025-06-30"));
        member(this->groups[1], this->people[1], "2025-07-01", std::nullopt);
        member(this->groups[1], this->people[0], "2026-06-01", std::nullopt);  // not yet
    });
    std::map<GroupId, int> counts;
    std::vector<Membership> pats;
    this->store->read([&](Transaction& tx) {
        counts = tx.governance().count_members_on(this->partnership, TestFixture::d("2025-12-01"));
        pats = tx.governance().memberships_of(this->partnership, this->people[1]);
    });
    EXPECT_EQ(counts[this->groups[0]], 1) << "Pat left on 30 June";
    EXPECT_EQ(counts[this->groups[1]], 1) << "Morgan joins next year";
    ASSERT_EQ(pats.size(), 2U);
    EXPECT_EQ(pats[0].end->iso(), "2025-06-30");
}

TYPED_TEST_P(GovernanceContract, ACursorThatIsNotOneOfOursIsAFieldError) {
    ActionQuery q{.partnership = this->partnership};
    q.page.after = encode_cursor({"not a date", "1"});
    try {
        this->store->read([&](Transaction& tx) { tx.governance().actions(q); });
        FAIL() << "a bad cursor is refused";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        ASSERT_FALSE(f.fields().empty());
        EXPECT_EQ(f.fields()[0].field, "cursor");
    }
}

REGISTER_TYPED_TEST_SUITE_P(GovernanceContract, ActionsPageInDueOrderWithNoRepeatsOrGaps,
                            EveryActionFilterIsAnsweredAndCountsAgreeWithTheList, AStaleActionUpdateWritesNothing,
                            MeetingsPageByGroupPeriodAndStatusEitherWay, AttendanceIsKeptInOrderRewrittenWholeAndReadWithoutTheMinutes,
                            InterestsPageNewestFirstByPersonAndMeeting,
                            MembershipsOfAPersonAndCurrentCountsPerGroup, ACursorThatIsNotOneOfOursIsAFieldError);

}  // namespace assure::testing
