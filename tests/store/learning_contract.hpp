#pragma once
// The learning store's contract, for every backend: lists page in order with no repeats or
// gaps, every filter selects what it says, counts agree with lists, stale versions write
// nothing, one return per agency per cycle.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class LearningContract : public StoreContract<Factory> {
protected:
    Date day(const char* iso) { return *Date::parse(iso); }

    LearningSource source(const char* title, const char* on, SourceKind kind, std::vector<std::string> priorities,
                          std::vector<SourceRecommendation> recs = {}) {
        LearningSource s;
        s.partnership = this->partnership;
        s.kind = kind;
        s.title = title;
        s.on = day(on);
        s.summary = std::string("About ") + title;
        s.priorities = std::move(priorities);
        s.recommendations = std::move(recs);
        this->store->write([&](Transaction& tx) { s.id = tx.learning().insert_source(s); });
        return s;
    }

    // An action raised on `created`, with its updates and evidence, saved as given.
    ImprovementAction action(const char* text, const char* due, ActionState state, AgencyId agency, const char* created,
                             std::vector<ActionUpdate> updates = {}, std::vector<EvidenceItem> evidence = {}) {
        ImprovementAction a;
        a.partnership = this->partnership;
        a.text = text;
        a.due = day(due);
        a.state = state;
        a.agency = agency;
        a.created_on = day(created);
        a.updates = std::move(updates);
        a.evidence = std::move(evidence);
        this->store->write([&](Transaction& tx) { a.id = tx.learning().insert_improvement(a); });
        return a;
    }

    ImprovementQuery all_actions(int limit = PageRequest::max_limit) const {
        ImprovementQuery q;
        q.partnership = this->partnership;
        q.page.limit = limit;
        return q;
    }

    // Every page of the query, in order.
    std::vector<ImprovementId> every_page(ImprovementQuery q, int* pages = nullptr) {
        std::vector<ImprovementId> out;
        int n = 0;
        for (;;) {
            Page<ImprovementAction> page;
            this->store->read([&](Transaction& tx) { page = tx.learning().improvements(q); });
            ++n;
            for (const auto& a : page.items) out.push_back(a.id);
            if (!page.next) break;
            q.page.after = *page.next;
        }
        if (pages) *pages = n;
        return out;
    }

    ImprovementCounts counts(const ImprovementQuery& q, Date today) {
        ImprovementCounts c;
        this->store->read([&](Transaction& tx) { c = tx.learning().count_improvements(q, today); });
        return c;
    }

    std::vector<LearningSourceId> source_pages(SourceQuery q) {
        std::vector<LearningSourceId> out;
        for (;;) {
            Page<LearningSource> page;
            this->store->read([&](Transaction& tx) { page = tx.learning().sources(q); });
            for (const auto& s : page.items) out.push_back(s.id);
            if (!page.next) return out;
            q.page.after = *page.next;
        }
    }
};

TYPED_TEST_SUITE_P(LearningContract);

TYPED_TEST_P(LearningContract, ActionsPageInDueOrderWithNoRepeatsOrGaps) {
    const Agency council = this->agency("Council");
    std::vector<ImprovementAction> made;
    // Several share a due date, so the order within a day rests on the id.
    for (const char* due : {"2027-03-01", "2027-01-15", "2027-01-15", "2026-12-01", "2027-01-15", "2027-02-01", "2026-12-01"}) {
        made.push_back(this->action("Act", due, ActionState::agreed, council.id, "2026-11-01"));
    }
    std::sort(made.begin(), made.end(), [](const auto& a, const auto& b) { return std::pair(a.due, a.id) < std::pair(b.due, b.id); });
    std::vector<ImprovementId> expected;
    for (const auto& a : made) expected.push_back(a.id);
    int pages = 0;
    EXPECT_EQ(this->every_page(this->all_actions(3), &pages), expected);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(this->every_page(this->all_actions(7), &pages), expected);
    EXPECT_EQ(pages, 1);  // an exact page has no "next"
}

TYPED_TEST_P(LearningContract, EveryActionFilterSelectsWhatItSays) {
    const Agency council = this->agency("Council");
    const Agency police = this->agency("Police");
    const LearningSource src = this->source("Neglect audit", "2026-10-01", SourceKind::thematic_audit, {"Neglect"},
                                            {{1, "Train", "Neglect", {council.id}, {}}, {2, "Audit", "Neglect", {}, {}}});
    const Date today = this->day("2026-11-23");
    // open and overdue; open, nothing recorded for 61 days (stale); open with a recent update;
    // completed without impact; completed with impact; evidenced; superseded.
    auto overdue = this->action("Overdue training plan", "2026-11-01", ActionState::in_progress, council.id, "2026-11-10");
    auto stale = this->action("Stale audit follow-up", "2027-01-01", ActionState::agreed, police.id, "2026-09-20");
    auto fresh = this->action("Fresh work", "2027-01-02", ActionState::proposed, council.id, "2026-08-01",
                              {{this->day("2026-11-20"), "Lead", ActionState::proposed, ActionState::proposed, "Progress"}});
    auto done = this->action("Done, no impact", "2026-10-01", ActionState::completed, police.id, "2026-08-01", {},
                             {{this->day("2026-09-01"), EvidenceKind::output, "Did it", "", "Lead"}});
    auto impact = this->action("Done with impact", "2026-10-02", ActionState::completed, council.id, "2026-08-01", {},
                               {{this->day("2026-09-02"), EvidenceKind::impact, "Children safer", "", "Lead"}});
    auto signed_off = this->action("Signed off", "2026-10-03", ActionState::evidenced, council.id, "2026-08-01");
    auto gone = this->action("Superseded", "2026-10-04", ActionState::superseded, police.id, "2026-08-01");
    const GroupId group{42};  // groups are governance's; the action only names one
    this->store->write([&](Transaction& tx) {
        overdue.source = src.id;
        overdue.recommendation = 1;
        overdue.group = group;
        overdue.priority = "Neglect";
        ASSERT_TRUE(tx.learning().update_improvement(overdue));
        stale.source = src.id;
        stale.recommendation = 2;
        stale.priority = "Exploitation";
        ASSERT_TRUE(tx.learning().update_improvement(stale));
    });
    auto ids = [&](auto change) {
        ImprovementQuery q = this->all_actions();
        change(q);
        const auto found = this->every_page(q);
        return std::set<ImprovementId>(found.begin(), found.end());
    };
    using S = std::set<ImprovementId>;
    EXPECT_EQ(ids([](auto&) {}).size(), 7u);
    EXPECT_EQ(ids([](auto& q) { q.states = {ActionState::completed}; }), (S{done.id, impact.id}));
    EXPECT_EQ(ids([](auto& q) { q.states = {ActionState::evidenced, ActionState::superseded}; }), (S{signed_off.id, gone.id}));
    EXPECT_EQ(ids([&](auto& q) { q.agency = police.id; }), (S{stale.id, done.id, gone.id}));
    EXPECT_EQ(ids([&](auto& q) { q.group = group; }), (S{overdue.id}));
    EXPECT_EQ(ids([](auto& q) { q.priority = "Neglect"; }), (S{overdue.id}));
    EXPECT_EQ(ids([&](auto& q) { q.source = src.id; }), (S{overdue.id, stale.id}));
    EXPECT_EQ(ids([&](auto& q) { q.source = src.id; q.recommendation = 2; }), (S{stale.id}));
    EXPECT_EQ(ids([&](auto& q) { q.overdue_on = today; }), (S{overdue.id}));
    EXPECT_EQ(ids([&](auto& q) { q.stale_on = today; q.stale_days = 60; }), (S{stale.id}));
    // A proposed action is never stale: "fresh" too, with no update since 20 November, counts only
    // once agreed. A longer allowance makes nothing stale; an update or evidence restarts the clock.
    EXPECT_EQ(ids([&](auto& q) { q.stale_on = this->day("2027-03-01"); q.stale_days = 60; }), (S{overdue.id, stale.id}));
    EXPECT_EQ(ids([&](auto& q) { q.stale_on = today; q.stale_days = 70; }), S{});
    EXPECT_EQ(ids([](auto& q) { q.without_impact = true; }), (S{done.id}));
    EXPECT_EQ(ids([](auto& q) { q.text = "TRAINING"; }), (S{overdue.id}));
    EXPECT_EQ(ids([&](auto& q) { q.agency = council.id; q.states = {ActionState::completed}; }), (S{impact.id}));
    this->store->read([&](Transaction& tx) {
        ImprovementQuery elsewhere = this->all_actions();
        elsewhere.partnership = PartnershipId{this->partnership.value + 1};
        EXPECT_TRUE(tx.learning().improvements(elsewhere).items.empty());
    });
}

TYPED_TEST_P(LearningContract, CountsAgreeWithLists) {
    const Agency council = this->agency("Council");
    const Agency police = this->agency("Police");
    const Date today = this->day("2026-11-23");
    this->action("A", "2026-11-01", ActionState::in_progress, council.id, "2026-11-10");
    this->action("B", "2027-01-01", ActionState::agreed, police.id, "2026-09-01");
    this->action("C", "2026-10-01", ActionState::completed, police.id, "2026-08-01");
    this->action("D", "2026-10-01", ActionState::completed, council.id, "2026-08-01", {},
                 {{this->day("2026-09-02"), EvidenceKind::impact, "Safer", "", "Lead"}});
    this->action("E", "2026-10-03", ActionState::evidenced, council.id, "2026-08-01");
    this->action("F", "2026-01-01", ActionState::proposed, council.id, "2025-12-01");
    for (const auto& agency : {std::optional<AgencyId>{}, std::optional<AgencyId>{council.id}, std::optional<AgencyId>{police.id}}) {
        ImprovementQuery q = this->all_actions();
        q.agency = agency;
        const ImprovementCounts c = this->counts(q, today);
        auto size = [&](auto change) {
            ImprovementQuery one = q;
            change(one);
            return static_cast<int>(this->every_page(one).size());
        };
        EXPECT_EQ(c.total, size([](auto&) {}));
        EXPECT_EQ(c.open, size([](auto& x) { x.states = {ActionState::proposed, ActionState::agreed, ActionState::in_progress}; }));
        EXPECT_EQ(c.overdue, size([&](auto& x) { x.overdue_on = today; }));
        EXPECT_EQ(c.stale, size([&](auto& x) { x.stale_on = today; }));
        EXPECT_EQ(c.completed_without_impact, size([](auto& x) { x.without_impact = true; }));
        EXPECT_EQ(c.evidenced, size([](auto& x) { x.states = {ActionState::evidenced}; }));
    }
    const ImprovementCounts all = this->counts(this->all_actions(), today);
    EXPECT_EQ(all.total, 6);
    EXPECT_EQ(all.open, 3);
    EXPECT_EQ(all.overdue, 2);  // A and F
    EXPECT_EQ(all.stale, 1);    // B (since 1 September); F is only proposed, not under way
}

// The plan's history counted in SQL agrees with core's improvement_open_on and
// improvement_overdue_on at every month end, for the partnership and for each agency.
TYPED_TEST_P(LearningContract, TheHistoryOfOpenAndOverdueActionsAgreesWithTheRuleInCore) {
    const Agency council = this->agency("Council");
    const Agency police = this->agency("Police");
    using S = ActionState;
    auto move = [&](const char* on, S from, S to) { return ActionUpdate{this->day(on), "Lead", from, to, ""}; };
    std::vector<ImprovementAction> all;
    all.push_back(this->action("A", "2026-06-30", S::in_progress, council.id, "2026-01-10"));
    all.push_back(this->action("B", "2026-04-30", S::completed, council.id, "2026-02-15",
                               {move("2026-03-01", S::proposed, S::agreed), move("2026-03-05", S::agreed, S::in_progress),
                                move("2026-05-20", S::in_progress, S::completed)}));
    all.push_back(this->action("C", "2026-09-01", S::superseded, police.id, "2026-03-10"));  // closed the day it was made
    all.push_back(this->action("D", "2026-05-01", S::completed, police.id, "2026-01-05",
                               {move("2026-04-10", S::in_progress, S::completed), move("2026-04-20", S::completed, S::in_progress),
                                move("2026-06-15", S::in_progress, S::completed)}));  // reopened: closed at the last
    all.push_back(this->action("E", "2026-08-01", S::proposed, police.id, "2026-07-01"));
    const std::vector<Date> days = improvement_trend_days(this->day("2026-11-23"));
    for (const auto& agency : {std::optional<AgencyId>{}, std::optional<AgencyId>{council.id}, std::optional<AgencyId>{police.id}}) {
        ImprovementQuery q = this->all_actions();
        q.agency = agency;
        std::vector<ImprovementTrendPoint> want;
        for (const Date d : days) {
            ImprovementTrendPoint p{d, 0, 0};
            for (const auto& a : all) {
                if (agency && a.agency != *agency) continue;
                p.open += improvement_open_on(a, d);
                p.overdue += improvement_overdue_on(a, d);
            }
            want.push_back(p);
        }
        std::vector<ImprovementTrendPoint> got;
        this->store->read([&](Transaction& tx) { got = tx.learning().improvement_trend(q, days); });
        EXPECT_EQ(got, want);
    }
    // By hand, so that agreement is not two wrongs.
    std::vector<ImprovementTrendPoint> got;
    this->store->read([&](Transaction& tx) { got = tx.learning().improvement_trend(this->all_actions(), days); });
    ASSERT_EQ(got.size(), 12U);
    EXPECT_EQ(got[3], (ImprovementTrendPoint{this->day("2026-03-31"), 3, 0}));  // A, B, D
    EXPECT_EQ(got[5], (ImprovementTrendPoint{this->day("2026-05-31"), 2, 1}));  // A, D overdue; B closed on the 20th
    EXPECT_EQ(got[11], (ImprovementTrendPoint{this->day("2026-11-23"), 2, 2}));  // A and E, both overdue
}

TYPED_TEST_P(LearningContract, ActionsRoundTripAndAStaleVersionWritesNothing) {
    const Agency council = this->agency("Council");
    auto a = this->action("Induct contractors", "2026-12-01", ActionState::in_progress, council.id, "2026-06-02",
                          {{this->day("2026-06-10"), "Gareth", ActionState::proposed, ActionState::agreed, "Agreed"}},
                          {{this->day("2026-07-01"), EvidenceKind::impact, "All inducted", "https://example.org/e", "Nadia"}});
    a.superseded_reason = "";
    a.success_measure = "Audit shows it";
    a.standard = "";
    ImprovementAction stale = a;
    this->store->write([&](Transaction& tx) {
        a.state = ActionState::completed;
        EXPECT_TRUE(tx.learning().update_improvement(a));
        stale.text = "Overwritten";
        EXPECT_FALSE(tx.learning().update_improvement(stale));  // still version 1
    });
    this->store->read([&](Transaction& tx) {
        const auto back = tx.learning().find_improvement(this->partnership, a.id);
        ASSERT_TRUE(back);
        EXPECT_EQ(back->version, 2);
        EXPECT_EQ(back->state, ActionState::completed);
        EXPECT_EQ(back->text, "Induct contractors");
        EXPECT_EQ(back->success_measure, "Audit shows it");
        EXPECT_EQ(back->created_on.iso(), "2026-06-02");
        ASSERT_EQ(back->updates.size(), 1u);
        EXPECT_EQ(back->updates[0].from, ActionState::proposed);
        EXPECT_EQ(back->updates[0].to, ActionState::agreed);
        ASSERT_EQ(back->evidence.size(), 1u);
        EXPECT_EQ(back->evidence[0].link, "https://example.org/e");
        EXPECT_FALSE(back->group.valid());
        EXPECT_FALSE(back->source.valid());
    });
}

TYPED_TEST_P(LearningContract, SourcesPageNewestFirstAndEveryFilterSelectsWhatItSays) {
    const auto audit = this->source("Neglect audit", "2026-10-01", SourceKind::thematic_audit, {"Neglect"});
    const auto visit = this->source("Frontline visit", "2026-10-01", SourceKind::frontline_visit, {},
                                    {{1, "Induct contractors", "Exploitation", {}, {}}});
    const auto review = this->source("Child O review", "2025-03-01", SourceKind::practice_review, {"Neglect", "Exploitation"});
    const auto research = this->source("Research on neglect", "2026-12-01", SourceKind::research, {});
    SourceQuery q{this->partnership, std::nullopt, "", "", std::nullopt, std::nullopt, PageRequest{1, ""}};
    // Newest first; two on one day, the later id first.
    EXPECT_EQ(this->source_pages(q), (std::vector<LearningSourceId>{research.id, visit.id, audit.id, review.id}));
    auto only = [&](auto change) {
        SourceQuery one = q;
        change(one);
        int counted = -1;
        this->store->read([&](Transaction& tx) { counted = tx.learning().count_sources(one); });
        auto found = this->source_pages(one);
        EXPECT_EQ(counted, static_cast<int>(found.size()));
        return found;
    };
    using V = std::vector<LearningSourceId>;
    EXPECT_EQ(only([](auto& x) { x.kind = SourceKind::practice_review; }), (V{review.id}));
    EXPECT_EQ(only([](auto& x) { x.priority = "Neglect"; }), (V{audit.id, review.id}));
    EXPECT_EQ(only([](auto& x) { x.priority = "Exploitation"; }), (V{visit.id, review.id}));  // tagged, or recommended for it
    EXPECT_EQ(only([](auto& x) { x.text = "NEGLECT"; }), (V{research.id, audit.id}));      // in the title or summary
    EXPECT_EQ(only([&](auto& x) { x.from = this->day("2026-01-01"); x.to = this->day("2026-11-30"); }), (V{visit.id, audit.id}));
}

TYPED_TEST_P(LearningContract, SourceChildrenRoundTripAndAStaleVersionWritesNothing) {
    const Agency council = this->agency("Council");
    auto src = this->source("Visit", "2026-06-01", SourceKind::frontline_visit, {"Neglect", "Exploitation"},
                            {{1, "Induct contractors", "Neglect", {council.id}, RecommendationId{}}});
    src.findings = {{1, FindingKind::good_practice, "Supervisors drive safeguarding"}};
    src.recommendations.push_back({2, "Audit supervision", "Exploitation", {}, {}});
    src.priorities = {"Exploitation"};
    src.auditors = {council.id};
    src.cases_audited = 12;
    LearningSource stale = src;
    this->store->write([&](Transaction& tx) {
        EXPECT_TRUE(tx.learning().update_source(src));
        stale.title = "Overwritten";
        EXPECT_FALSE(tx.learning().update_source(stale));
    });
    std::vector<PriorityRecommendation> neglect, exploitation;
    std::vector<int> counted;
    std::map<LearningSourceId, std::string> titles;
    this->store->read([&](Transaction& tx) {
        const auto back = tx.learning().find_source(this->partnership, src.id);
        ASSERT_TRUE(back);
        EXPECT_EQ(back->version, 2);
        EXPECT_EQ(back->title, "Visit");
        EXPECT_EQ(back->priorities, std::vector<std::string>{"Exploitation"});
        ASSERT_EQ(back->recommendations.size(), 2u);
        EXPECT_EQ(back->recommendations[0].agencies, std::vector<AgencyId>{council.id});
        EXPECT_EQ(back->recommendations[1].text, "Audit supervision");
        EXPECT_EQ(back->findings.at(0).kind, FindingKind::good_practice);
        EXPECT_EQ(back->auditors, std::vector<AgencyId>{council.id});
        EXPECT_EQ(back->cases_audited, 12);
        neglect = tx.learning().recommendations_for(this->partnership, "Neglect");
        exploitation = tx.learning().recommendations_for(this->partnership, "Exploitation");
        counted = {tx.learning().count_recommendations_for(this->partnership, "Neglect"),
                   tx.learning().count_recommendations_for(this->partnership, "Exploitation"),
                   tx.learning().count_recommendations_for(this->partnership, "Online harm")};
        titles = tx.learning().source_titles(this->partnership, {src.id, LearningSourceId{src.id.value + 100}});
    });
    ASSERT_EQ(neglect.size(), 1u);
    EXPECT_EQ(counted, (std::vector<int>{1, 1, 0}));
    EXPECT_EQ(neglect[0].source, src.id);
    EXPECT_EQ(neglect[0].source_title, "Visit");
    EXPECT_EQ(neglect[0].recommendation.number, 1);
    ASSERT_EQ(exploitation.size(), 1u);
    EXPECT_EQ(exploitation[0].recommendation.number, 2);
    EXPECT_EQ(titles, (std::map<LearningSourceId, std::string>{{src.id, "Visit"}}));
}

TYPED_TEST_P(LearningContract, OneReturnPerAgencyPerCycleFoundByItsColumns) {
    const Agency council = this->agency("Council");
    const Agency police = this->agency("Police");
    auto cycle = [&](const char* title, const char* opens, const char* closes) {
        AuditCycle c;
        c.partnership = this->partnership;
        c.kind = AuditKind::section_11;
        c.title = title;
        c.opens = this->day(opens);
        c.closes = this->day(closes);
        c.standards = LearningRules::default_section_11();
        c.invited = {council.id, police.id};
        this->store->write([&](Transaction& tx) { c.id = tx.learning().insert_cycle(c); });
        return c;
    };
    const AuditCycle last_year = cycle("Section 11 2025", "2025-10-01", "2025-12-31");
    AuditCycle this_year = cycle("Section 11 2026", "2026-10-01", "2026-12-31");
    auto put = [&](const AuditCycle& c, AgencyId agency, ReturnStatus status) {
        AuditReturn r;
        r.partnership = this->partnership;
        r.cycle = c.id;
        r.agency = agency;
        r.status = status;
        r.answers = {{"1", "2", "We meet it", "", "", ""}};
        if (status == ReturnStatus::submitted) r.submitted_on = c.closes;
        this->store->write([&](Transaction& tx) { r.id = tx.learning().insert_return(r); });
        return r;
    };
    const AuditReturn old = put(last_year, council.id, ReturnStatus::submitted);
    put(last_year, police.id, ReturnStatus::draft);
    AuditReturn now = put(this_year, council.id, ReturnStatus::draft);
    EXPECT_ANY_THROW(put(this_year, council.id, ReturnStatus::draft));  // the database refuses a second
    this->store->write([&](Transaction& tx) {
        AuditReturn stale = now;
        now.status = ReturnStatus::submitted;
        now.submitted_on = this->day("2026-11-20");
        EXPECT_TRUE(tx.learning().update_return(now));
        EXPECT_FALSE(tx.learning().update_return(stale));
        AuditCycle closed = this_year;
        closed.closed = true;
        EXPECT_TRUE(tx.learning().update_cycle(closed));
        EXPECT_FALSE(tx.learning().update_cycle(closed));
    });
    this->store->read([&](Transaction& tx) {
        const auto found = tx.learning().find_return(this->partnership, this_year.id, council.id);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->id, now.id);
        EXPECT_EQ(found->version, 2);
        EXPECT_EQ(found->status, ReturnStatus::submitted);
        EXPECT_FALSE(tx.learning().find_return(this->partnership, this_year.id, police.id));
        EXPECT_TRUE(tx.learning().find_cycle(this->partnership, this_year.id)->closed);
        const auto of_last_year = tx.learning().returns_of(this->partnership, last_year.id);
        ASSERT_EQ(of_last_year.size(), 2u);
        EXPECT_EQ(of_last_year[0].agency, council.id);
        // The latest earlier cycle of the kind with a submitted return: the police's draft does not count.
        const auto earlier = tx.learning().earlier_return(this->partnership, council.id, AuditKind::section_11, this_year.opens);
        ASSERT_TRUE(earlier);
        EXPECT_EQ(earlier->cycle.id, last_year.id);
        EXPECT_EQ(earlier->ret.id, old.id);
        EXPECT_FALSE(tx.learning().earlier_return(this->partnership, police.id, AuditKind::section_11, this_year.opens));
        EXPECT_FALSE(tx.learning().earlier_return(this->partnership, council.id, AuditKind::section_175, this_year.opens));
        const auto origins = tx.learning().return_origins(this->partnership, {now.id});
        ASSERT_EQ(origins.size(), 1u);
        EXPECT_EQ(origins[0].cycle_title, "Section 11 2026");
        EXPECT_EQ(origins[0].agency, council.id);
        const auto cycles = tx.learning().cycles(this->partnership);
        ASSERT_EQ(cycles.size(), 2u);
        EXPECT_EQ(cycles[0].id, this_year.id);  // newest first
    });
}

TYPED_TEST_P(LearningContract, BriefingsAreFoundByTheLearningTheySpread) {
    const auto a = this->source("Audit", "2026-06-01", SourceKind::thematic_audit, {});
    const auto b = this->source("Visit", "2026-07-01", SourceKind::frontline_visit, {});
    const auto c = this->source("Research", "2026-08-01", SourceKind::research, {});
    BriefingId first, second;
    this->store->write([&](Transaction& tx) {
        first = tx.learning().insert_briefing({BriefingId{}, this->partnership, BriefingKind::seven_minute, "Seven minutes",
                                                this->day("2026-08-01"), "All staff", "", 120, {a.id, b.id}, 1});
        second = tx.learning().insert_briefing({BriefingId{}, this->partnership, BriefingKind::event, "Event", this->day("2026-09-01"),
                                                "Leads", "https://example.org", 30, {b.id}, 1});
    });
    this->store->read([&](Transaction& tx) {
        const auto all = tx.learning().briefings(this->partnership);
        ASSERT_EQ(all.size(), 2u);
        EXPECT_EQ(all[0].id, second);  // newest first
        EXPECT_EQ(all[1].sources, (std::vector<LearningSourceId>{a.id, b.id}));
        EXPECT_EQ(all[0].reached, 30);
        const auto of_b = tx.learning().briefings_for(this->partnership, {b.id});
        EXPECT_EQ(of_b.size(), 2u);  // each once
        const auto of_a = tx.learning().briefings_for(this->partnership, {a.id});
        ASSERT_EQ(of_a.size(), 1u);
        EXPECT_EQ(of_a[0].id, first);
        EXPECT_TRUE(tx.learning().briefings_for(this->partnership, {c.id}).empty());
    });
}

REGISTER_TYPED_TEST_SUITE_P(LearningContract, ActionsPageInDueOrderWithNoRepeatsOrGaps, EveryActionFilterSelectsWhatItSays,
                            CountsAgreeWithLists, ActionsRoundTripAndAStaleVersionWritesNothing,
                            SourcesPageNewestFirstAndEveryFilterSelectsWhatItSays,
                            SourceChildrenRoundTripAndAStaleVersionWritesNothing, OneReturnPerAgencyPerCycleFoundByItsColumns,
                            BriefingsAreFoundByTheLearningTheySpread, TheHistoryOfOpenAndOverdueActionsAgreesWithTheRuleInCore);

}  // namespace assure::testing
