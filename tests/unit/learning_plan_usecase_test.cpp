// The action plan, the golden thread and a cycle's returns as the use cases answer them: a page
// at a time, with figures that count everything the filter selects, and an agency lead's own
// agency only. Everything is set up through the ports and the use cases.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/learning.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct PlanWorld : World {
    Actor bu{UserId{1}, PartnershipId{1}, Role::business_unit, "Business Unit <bu@example.org>"};
    Actor lead;  // the housing trust's agency lead
    AgencyId housing, police;
    PersonId andrew;

    PlanWorld() {
        clock.at = 1'795'435'200;  // Monday 23 November 2026, 12:00 UTC
        store.write([&](Transaction& tx) {
            Agency a;
            a.partnership = partnership;
            a.kind = AgencyKind::relevant_agency;
            a.sector = "housing";
            a.name = "Housing Trust";
            housing = tx.agencies().insert(a);
            a.name = "Police";
            a.sector = "police";
            police = tx.agencies().insert(a);
            andrew = tx.people().insert(Person{PersonId{}, partnership, "Andrew Kerr", "Lead", housing, "a@example.org"});
            User u;
            u.partnership = partnership;
            u.person = andrew;
            u.email = "a@example.org";
            u.password_hash = "x";
            u.role = Role::agency_lead;
            lead = Actor{tx.users().insert(u), partnership, Role::agency_lead, "Andrew Kerr <a@example.org>"};
        });
    }

    void days_pass(int n) { clock.at += static_cast<Instant>(n) * 86400; }

    // A source with one recommendation for `priority`, and `n` actions from it for `agency`.
    std::vector<ImprovementAction> raise(int n, AgencyId agency, const char* priority, const char* first_due = "2027-02-01") {
        const auto src = create_source(services, bu, {"thematic_audit", "Audit", "2026-11-01", "complete", "", {priority}});
        const auto with_rec = add_source_recommendation(services, bu, src.id, src.version, "Train staff", priority, {agency.str()});
        std::vector<ImprovementAction> out;
        Date due = *Date::parse(first_due);
        for (int i = 0; i < n; ++i) {
            out.push_back(create_improvement(services, bu, {with_rec.id, 1, {}, ""},
                                             {"Action " + std::to_string(i), agency.str(), andrew.str(), due.iso(), "Measured", "", ""}));
            due = Date::from_days(due.days() + 1);
        }
        return out;
    }
};

std::vector<ImprovementId> ids_of(const std::vector<ImprovementLine>& lines) {
    std::vector<ImprovementId> out;
    for (const auto& l : lines) out.push_back(l.action.id);
    return out;
}

}  // namespace

TEST(LearningPlan, ThePlanPagesByDueDateAndTheFiguresCountEveryPage) {
    PlanWorld w;
    const auto made = w.raise(5, w.housing, "Neglect");
    PageRequest page{2, ""};
    std::vector<ImprovementId> seen;
    int pages = 0;
    for (;;) {
        const auto found = list_improvements(w.services, w.bu, ImprovementFilter{}, page);
        ++pages;
        ASSERT_LE(found.items.size(), 2u);
        for (const auto& id : ids_of(found.items)) seen.push_back(id);
        if (!found.next) break;
        page.after = *found.next;
    }
    EXPECT_EQ(pages, 3);
    ASSERT_EQ(seen.size(), 5u);
    for (std::size_t i = 0; i < made.size(); ++i) EXPECT_EQ(seen[i], made[i].id);  // raised in due order
    EXPECT_EQ(count_improvements(w.services, w.bu, ImprovementFilter{}).total, 5);
    EXPECT_EQ(count_improvements(w.services, w.bu, ImprovementFilter{}).open, 5);
}

TEST(LearningPlan, AnAgencyLeadsListAndFiguresAreTheirAgencysOnly) {
    PlanWorld w;
    const auto ours = w.raise(2, w.housing, "Neglect");
    w.raise(3, w.police, "Neglect");
    EXPECT_EQ(ids_of(list_improvements(w.services, w.lead, ImprovementFilter{}, {}).items),
              (std::vector<ImprovementId>{ours[0].id, ours[1].id}));
    EXPECT_EQ(count_improvements(w.services, w.lead, ImprovementFilter{}).total, 2);
    EXPECT_EQ(count_improvements(w.services, w.bu, ImprovementFilter{}).total, 5);
    ImprovementFilter theirs;
    theirs.agency = w.police;
    EXPECT_TRUE(list_improvements(w.services, w.lead, theirs, {}).items.empty());  // asking for another agency shows nothing
    EXPECT_EQ(count_improvements(w.services, w.lead, theirs).total, 0);
    EXPECT_EQ(count_improvements(w.services, w.bu, theirs).total, 3);
}

TEST(LearningPlan, OverdueAndStaleActionsAreCountedAndFlaggedOnce) {
    PlanWorld w;
    const auto late = w.raise(1, w.housing, "Neglect", "2026-12-01");
    update_improvement(w.services, w.bu, late[0].id, late[0].version, "agreed", "Agreed at the group");
    const auto moving = w.raise(1, w.police, "Neglect", "2027-06-01");
    const auto waiting = w.raise(1, w.police, "Neglect", "2027-06-02");
    w.days_pass(70);  // 1 February 2027: the first is overdue; none has had an update in 60 days
    update_improvement(w.services, w.bu, moving[0].id, moving[0].version, "agreed", "Agreed at the group");
    const auto summary = improvement_summary(w.services, w.bu, ImprovementFilter{}, 10);
    EXPECT_EQ(summary.counts.open, 3);
    EXPECT_EQ(summary.counts.overdue, 1);
    EXPECT_EQ(summary.counts.stale, 1);  // the agreed one has just been updated; the proposed one is not under way
    ASSERT_EQ(summary.flagged.size(), 1u);  // overdue and stale, listed once
    EXPECT_EQ(summary.flagged[0].action.id, late[0].id);
    EXPECT_TRUE(summary.flagged[0].overdue);
    EXPECT_TRUE(summary.flagged[0].stale);
    ImprovementFilter stale_only;
    stale_only.stale_only = true;
    EXPECT_EQ(ids_of(list_improvements(w.services, w.bu, stale_only, {}).items), std::vector<ImprovementId>{late[0].id});
    const auto still_proposed = list_improvements(w.services, w.bu, ImprovementFilter{}, {}).items;
    const auto line = std::find_if(still_proposed.begin(), still_proposed.end(), [&](const ImprovementLine& l) { return l.action.id == waiting[0].id; });
    ASSERT_NE(line, still_proposed.end());
    EXPECT_FALSE(line->stale);
}

TEST(LearningPlan, ASourcesPageShowsItsOwnActionsAndTheBriefingsThatSpreadIt) {
    PlanWorld w;
    const auto here = w.raise(2, w.housing, "Neglect");
    const auto elsewhere = w.raise(1, w.housing, "Exploitation");
    create_briefing(w.services, w.bu, {"seven_minute", "Neglect in 7 minutes", "2026-11-20", "All staff", "", "40", {here[0].source.str()}});
    const SourceView v = read_source(w.services, w.bu, here[0].source);
    EXPECT_EQ(ids_of(v.actions), (std::vector<ImprovementId>{here[0].id, here[1].id}));
    EXPECT_EQ(v.actions[0].origin, "Audit, recommendation 1");
    ASSERT_EQ(v.briefings.size(), 1u);
    EXPECT_EQ(v.briefings[0].title, "Neglect in 7 minutes");
    EXPECT_TRUE(read_source(w.services, w.bu, elsewhere[0].source).briefings.empty());
    // A briefing may only name this partnership's learning.
    EXPECT_THROW(create_briefing(w.services, w.bu, {"event", "Event", "2026-11-20", "Leads", "", "", {"999"}}), Failure);
}

TEST(LearningPlan, APrioritysThreadFollowsItsLearningToItsActions) {
    PlanWorld w;
    const auto neglect = w.raise(2, w.housing, "Neglect");
    w.raise(1, w.police, "Exploitation");
    const PriorityThread t = golden_thread(w.services, w.bu, "neglect", {}, {});
    EXPECT_EQ(t.priority, "Neglect");
    EXPECT_EQ(t.source_count, 1);
    ASSERT_EQ(t.sources.items.size(), 1u);
    ASSERT_EQ(t.recommendations.size(), 1u);
    EXPECT_EQ(t.recommendations[0].source, neglect[0].source);
    EXPECT_EQ(ids_of(t.actions.items), (std::vector<ImprovementId>{neglect[0].id, neglect[1].id}));
    EXPECT_EQ(t.counts.open, 2);
    const auto figures = golden_threads(w.services, w.bu);
    const auto of = [&](const std::string& p) {
        return *std::find_if(figures.begin(), figures.end(), [&](const ThreadFigures& f) { return f.priority == p; });
    };
    EXPECT_EQ(of("Neglect").actions.total, 2);
    EXPECT_EQ(of("Exploitation").actions.total, 1);
    EXPECT_EQ(of("Exploitation").recommendations, 1);
    EXPECT_EQ(of("Mental health").sources, 0);
    EXPECT_THROW(golden_thread(w.services, w.bu, "Knitting", {}, {}), Failure);
}

TEST(LearningPlan, ACyclesReturnsArePagedInTheOrderInvited) {
    PlanWorld w;
    const auto cycle = create_cycle(w.services, w.bu,
                                    {"section_11", "Section 11 2026", "2026-11-01", "2026-12-31", "four_point", {w.police.str(), w.housing.str()}});
    save_return(w.services, w.lead, cycle.id, w.housing, 0, {{"1", "2", "We meet it", ""}}, false);
    const CycleView first = read_cycle(w.services, w.bu, cycle.id, PageRequest{1, ""});
    EXPECT_EQ(first.invited, 2);
    ASSERT_EQ(first.returns.items.size(), 1u);
    EXPECT_EQ(first.returns.items[0].agency.id, w.police);
    EXPECT_FALSE(first.returns.items[0].ret);
    ASSERT_TRUE(first.returns.next);
    const CycleView second = read_cycle(w.services, w.bu, cycle.id, PageRequest{1, *first.returns.next});
    ASSERT_EQ(second.returns.items.size(), 1u);
    EXPECT_EQ(second.returns.items[0].agency.id, w.housing);
    ASSERT_TRUE(second.returns.items[0].ret);
    EXPECT_EQ(second.returns.items[0].ret->status, ReturnStatus::draft);
    EXPECT_FALSE(second.returns.next);
}
