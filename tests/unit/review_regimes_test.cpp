// The guidance a case is judged under (issue 20 item 6), by the day the local authority became
// aware: Working Together 2015's serious case reviews had no rapid review, so no such milestone,
// deadline or clock; the steps are named as the board named them; 2018 and 2023 keep the rapid
// review. Dates around each change worked by hand.
#include <gtest/gtest.h>

#include "core/review_regimes.hpp"
#include "core/reviews_timeliness.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Case aware_on(const char* iso) {
    Case c;
    c.became_aware_on = d(iso);
    c.incident_on = d(iso);
    return c;
}

CaseEvent event(EventKind kind, const char* on) {
    CaseEvent e;
    e.kind = kind;
    e.on = d(on);
    return e;
}

std::vector<std::string> keys(const std::vector<Milestone>& all) {
    std::vector<std::string> out;
    for (const auto& m : all) out.push_back(m.key);
    return out;
}

}  // namespace

TEST(ReviewRegimes, TheGuidanceIsTheOneInForceWhenTheAuthorityBecameAware) {
    EXPECT_EQ(regime_on(d("2015-09-07")), Regime::wt2015) << "seed 001's Child O";
    EXPECT_EQ(regime_on(d("2018-06-28")), Regime::wt2015) << "the day before Working Together 2018";
    EXPECT_EQ(regime_on(d("2018-06-29")), Regime::wt2018);
    EXPECT_EQ(regime_on(d("2023-12-14")), Regime::wt2018);
    EXPECT_EQ(regime_on(d("2023-12-15")), Regime::wt2023);
    EXPECT_EQ(regime_title(Regime::wt2015), "Working Together 2015");
    EXPECT_EQ(regime_title(Regime::wt2023), "Working Together 2023");
    EXPECT_FALSE(has_rapid_review(Regime::wt2015));
    EXPECT_TRUE(has_rapid_review(Regime::wt2018));
}

TEST(ReviewRegimes, ASeriousCaseReviewHasNoRapidReviewMilestoneOrPlan) {
    const WorkingCalendar cal;
    Case c = aware_on("2015-09-07");
    c.events = {event(EventKind::notify_panel, "2015-09-10")};
    const CaseState st = replay(c);
    const auto all = milestones(c, st, deadlines(c, st, cal));
    EXPECT_EQ(keys(all), (std::vector<std::string>{"notify_panel", "inform_partners", "decide"}));
    EXPECT_EQ(all[0].label, "Notify Ofsted and the national panel");
    EXPECT_EQ(all[0].due->iso(), "2015-09-14") << "5 working days, as Working Together 2015 asked";
    EXPECT_EQ(all[2].label, "Decide whether to hold a serious case review");
    EXPECT_FALSE(all[2].due) << "no date was set for deciding";
    EXPECT_TRUE(rapid_review_plan(c, st, cal).empty());

    const Case later = aware_on("2018-06-29");
    const auto now = milestones(later, replay(later), deadlines(later, replay(later), cal));
    EXPECT_EQ(keys(now), (std::vector<std::string>{"notify_panel", "inform_partners", "rapid_review"}));
    EXPECT_EQ(rapid_review_plan(later, replay(later), cal).size(), 4u);
}

TEST(ReviewRegimes, ASeriousCaseReviewIsDueSixMonthsAfterTheDecisionAndNamedAsSuch) {
    const WorkingCalendar cal;
    Case c = aware_on("2015-09-07");
    CaseEvent decide = event(EventKind::decide, "2015-09-25");
    decide.decision = Decision::local_review;
    c.events = {event(EventKind::notify_panel, "2015-09-10"), decide};
    const CaseState st = replay(c);
    const auto all = milestones(c, st, deadlines(c, st, cal));
    const auto review = std::find_if(all.begin(), all.end(), [](const Milestone& m) { return m.key == "review_complete"; });
    ASSERT_NE(review, all.end());
    EXPECT_EQ(review->label, "Complete the serious case review");
    EXPECT_EQ(review->due->iso(), "2016-03-25");
    EXPECT_EQ(decision_words(Regime::wt2015, Decision::local_review), "Serious case review");
    EXPECT_EQ(decision_words(Regime::wt2023, Decision::local_review), "Local child safeguarding practice review");
    EXPECT_EQ(stage_words(Regime::wt2015, Stage::local_review), "Serious case review");
    EXPECT_EQ(stage_words(Regime::wt2018, Stage::local_review), stage_label(Stage::local_review));
    EXPECT_EQ(event_words(Regime::wt2015, EventKind::rapid_review_panel), "Serious incident review group met");
    EXPECT_EQ(event_words(Regime::wt2023, EventKind::rapid_review_panel), event_label(EventKind::rapid_review_panel));
}

TEST(ReviewRegimes, NoRapidReviewClockIsCountedBefore2018) {
    const WorkingCalendar cal;
    Case c = aware_on("2015-09-07");
    c.events = {event(EventKind::notify_panel, "2015-09-10")};
    const CaseStanding old = standing_of(c, cal);
    EXPECT_FALSE(old.rapid_review_due_on);
    EXPECT_EQ(clock_outcome(old.rapid_review_due_on, old.rapid_review_done_on, d("2026-12-04")), ClockOutcome::none);
    EXPECT_EQ(clock_outcome(old.notify_due_on, old.notified_on, d("2026-12-04")), ClockOutcome::in_time) << "notification was due then too";
    ClockCounts counts;
    counts.add(ClockOutcome::none);
    EXPECT_EQ(counts, ClockCounts{}) << "counted nowhere";

    Case now = aware_on("2026-11-20");
    EXPECT_EQ(standing_of(now, cal).rapid_review_due_on->iso(), "2026-12-11");
}

TEST(ReviewRegimes, TheSummaryNamesTheGuidanceAndTheCasesOwnNumbers) {
    Case c = aware_on("2015-09-07");
    EXPECT_EQ(regime_summary(c),
              "Working Together 2015: the board decides whether to hold a serious case review; Ofsted and the national panel notified within "
              "5 working days; a review completed within 6 months of the decision");
    Case now = aware_on("2026-11-20");
    now.rules.rapid_review_working_days = 20;
    EXPECT_EQ(regime_summary(now), "Working Together 2023: the Panel notified within 5 working days; a rapid review within 20 working days of "
                                   "becoming aware; a local review within 6 months of the decision");
}
