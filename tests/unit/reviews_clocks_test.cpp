// Statutory clocks of a case, worked out by hand against the published bank holidays; and the
// guidance a case is judged under (issue 20 item 6): Working Together 2015's serious case reviews
// had no rapid review, so no such milestone, deadline or clock, and their steps are named as the
// board named them.
#include <gtest/gtest.h>

#include "core/review_regimes.hpp"
#include "core/reviews.hpp"
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

struct Golden {
    const char* became_aware;
    const char* notify_by;        // 5 working days
    const char* rapid_review_by;  // 15 working days
    const char* why;
};

// Day 0 is the day of becoming aware, whatever day it is.
const Golden kGolden[] = {
    {"2026-11-20", "2026-11-27", "2026-12-11", "a Friday: the weekend is skipped"},
    {"2026-11-21", "2026-11-27", "2026-12-11", "a Saturday is still day 0"},
    {"2026-12-21", "2026-12-30", "2027-01-14", "Christmas, Boxing Day substitute on Monday 28th, New Year"},
    {"2026-04-01", "2026-04-10", "2026-04-24", "Good Friday and Easter Monday"},
    {"2020-05-01", "2020-05-11", "2020-05-26", "2020: early May moved to Friday 8 May (4 May worked); spring on 25 May"},
    {"2022-05-27", "2022-06-07", "2022-06-21", "2022: spring holiday moved to 2 June, jubilee on 3 June"},
    {"2022-09-15", "2022-09-23", "2022-10-07", "2022: the state funeral on 19 September"},
    {"2023-04-28", "2023-05-09", "2023-05-23", "2023: early May on 1 May and the coronation on 8 May"},
    {"2016-12-23", "2017-01-04", "2017-01-18", "2016: Christmas on Sunday, substitutes on 27 December and 2 January"},
};

}  // namespace

TEST(ReviewClocks, GoldenTableOfNotificationAndRapidReviewDeadlines) {
    const WorkingCalendar cal;
    for (const auto& g : kGolden) {
        const Case c = aware_on(g.became_aware);
        const Deadlines dl = deadlines(c, replay(c), cal);
        EXPECT_EQ(dl.notify_panel_by.iso(), g.notify_by) << g.why;
        EXPECT_EQ(dl.inform_partners_by.iso(), g.notify_by) << g.why;
        EXPECT_EQ(dl.rapid_review_by.iso(), g.rapid_review_by) << g.why;
        EXPECT_FALSE(dl.review_complete_by) << g.why;
    }
}

TEST(ReviewClocks, RapidReviewCanRunFromTheNotificationDate) {
    const WorkingCalendar cal;
    Case c = aware_on("2026-11-02");
    EXPECT_EQ(deadlines(c, replay(c), cal).rapid_review_by.iso(), "2026-11-23");
    c.rules.rapid_review_anchor = RapidReviewAnchor::notification;
    // Before the notification the clock runs from becoming aware, never later than the truth.
    EXPECT_EQ(deadlines(c, replay(c), cal).rapid_review_by.iso(), "2026-11-23");
    c.events.push_back(event(EventKind::notify_panel, "2026-11-06"));
    EXPECT_EQ(deadlines(c, replay(c), cal).rapid_review_by.iso(), "2026-11-27");
}

TEST(ReviewClocks, RuleNumbersComeFromTheCasesRuleSet) {
    const WorkingCalendar cal;
    Case c = aware_on("2026-11-20");
    c.rules.notify_panel_working_days = 3;
    c.rules.rapid_review_working_days = 10;
    const Deadlines dl = deadlines(c, replay(c), cal);
    EXPECT_EQ(dl.notify_panel_by.iso(), "2026-11-25");
    EXPECT_EQ(dl.inform_partners_by.iso(), "2026-11-27");
    EXPECT_EQ(dl.rapid_review_by.iso(), "2026-12-04");
}

TEST(ReviewClocks, SixMonthsFromTheDecisionClampToTheEndOfTheMonth) {
    EXPECT_EQ(add_months_clamped(d("2026-08-31"), 6).iso(), "2027-02-28");
    EXPECT_EQ(add_months_clamped(d("2027-08-31"), 6).iso(), "2028-02-29");
    EXPECT_EQ(add_months_clamped(d("2026-03-15"), 6).iso(), "2026-09-15");
    EXPECT_EQ(add_months_clamped(d("2026-10-31"), 12).iso(), "2027-10-31");
    EXPECT_EQ(add_months_clamped(d("2026-12-31"), 2).iso(), "2027-02-28");
}

TEST(ReviewClocks, FinalReportIsDueSevenWorkingDaysBeforePlannedPublication) {
    const WorkingCalendar cal;
    EXPECT_EQ(cal.subtract_working_days(d("2027-01-14"), 7).iso(), "2027-01-05");
    EXPECT_EQ(cal.subtract_working_days(d("2027-01-05"), 7).iso(), "2026-12-22");  // across Christmas and New Year
    EXPECT_EQ(cal.add_working_days(d("2026-12-22"), 7).iso(), "2027-01-05");
    EXPECT_EQ(cal.subtract_working_days(d("2026-11-23"), 0).iso(), "2026-11-23");
}

TEST(ReviewClocks, LocalReviewDeadlinesApplyOnceTheyAreDue) {
    const WorkingCalendar cal;
    Case c = aware_on("2026-01-05");
    CaseState st = replay(c);
    st.decision = Decision::local_review;
    st.decided_on = d("2026-01-26");
    st.planned_publication = d("2026-07-20");
    st.published_on = d("2026-07-20");
    const Deadlines dl = deadlines(c, st, cal);
    EXPECT_EQ(dl.review_complete_by->iso(), "2026-07-26");
    EXPECT_EQ(dl.send_final_report_by->iso(), "2026-07-09");
    EXPECT_EQ(dl.keep_published_until->iso(), "2027-07-20");
}

TEST(ReviewClocks, NextMilestoneIsTheEarliestDueAndNotDone) {
    const WorkingCalendar cal;
    Case c = aware_on("2026-11-20");
    auto next = next_milestone(milestones(c, replay(c), deadlines(c, replay(c), cal)));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->key, "notify_panel");
    c.events.push_back(event(EventKind::notify_panel, "2026-11-23"));
    c.events.push_back(event(EventKind::inform_partners, "2026-11-23"));
    next = next_milestone(milestones(c, replay(c), deadlines(c, replay(c), cal)));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->key, "rapid_review");
    EXPECT_EQ(next->due->iso(), "2026-12-11");
}

TEST(ReviewClocks, CountdownInWorkingDays) {
    const WorkingCalendar cal;
    EXPECT_EQ(countdown(d("2026-11-23"), d("2026-11-27"), cal).working_days, 4);
    EXPECT_FALSE(countdown(d("2026-11-27"), d("2026-11-27"), cal).overdue);
    EXPECT_EQ(countdown(d("2026-11-27"), d("2026-11-27"), cal).working_days, 0);
    const Countdown late = countdown(d("2026-11-30"), d("2026-11-27"), cal);
    EXPECT_TRUE(late.overdue);
    EXPECT_EQ(late.working_days, 1);
    EXPECT_TRUE(countdown(d("2026-11-28"), d("2026-11-27"), cal).overdue);  // a Saturday: late, by at least one day
}

TEST(ReviewClocks, RapidReviewDayPlanFollowsTheAnchor) {
    const WorkingCalendar cal;
    const Case c = aware_on("2026-11-20");
    const auto plan = rapid_review_plan(c, replay(c), cal);
    ASSERT_EQ(plan.size(), 4U);
    EXPECT_EQ(plan[0].from.iso(), "2026-11-23");
    EXPECT_EQ(plan[1].first_day, 2);
    EXPECT_EQ(plan[1].last_day, 10);
    EXPECT_EQ(plan[1].to.iso(), "2026-12-04");
    EXPECT_EQ(plan[3].to.iso(), "2026-12-11");
}

TEST(ReviewClocks, SlippageCountsCalendarDaysBeyondTheReviewWindow) {
    Deadlines dl;
    dl.review_complete_by = d("2026-07-26");
    CaseState st;
    EXPECT_EQ(slippage_days(dl, st, d("2026-07-20")), 0);
    EXPECT_EQ(slippage_days(dl, st, d("2026-08-05")), 10);
    st.final_report_on = d("2026-07-28");
    EXPECT_EQ(slippage_days(dl, st, d("2026-11-23")), 2);
}

// What the lists filter on is the clocks' own answer, stored: the next statutory date, and
// overdue only from the day after it (as countdown says).
TEST(ReviewRulesNames, TheGuidanceAndYearAreReadInWords) {
    EXPECT_EQ(rules_name_in_words("wt2018-default"), "Working Together 2018 (default rules)");
    EXPECT_EQ(rules_name_in_words("wt2023-local"), "Working Together 2023 (local rules)");
    EXPECT_EQ(rules_name_in_words("wt2015"), "Working Together 2015");
    EXPECT_EQ(rules_name_in_words("Knowsley 2024"), "Knowsley 2024") << "another shape stays as typed";
    EXPECT_EQ(rules_name_in_words("wt20x8"), "wt20x8");
}

TEST(ReviewStanding, TheNextDueDateIsTheNextMilestonesAndClosedCasesHaveNone) {
    const WorkingCalendar calendar;
    Case c = aware_on("2026-11-20");
    CaseStanding st = standing_of(c, calendar);
    EXPECT_EQ(st.stage, Stage::notification);
    ASSERT_TRUE(st.next_due_on);
    EXPECT_EQ(st.next_due_on->iso(), "2026-11-27");  // notify the Panel
    EXPECT_FALSE(st.overdue(d("2026-11-27"))) << "due today is not late";
    EXPECT_TRUE(st.overdue(d("2026-11-28")));
    EXPECT_EQ(st.overdue(d("2026-11-28")), countdown(d("2026-11-28"), *st.next_due_on, calendar).overdue);

    c.events.push_back(event(EventKind::notify_panel, "2026-11-23"));
    st = standing_of(c, calendar);
    EXPECT_EQ(st.stage, Stage::rapid_review);
    EXPECT_EQ(st.next_due_on->iso(), "2026-11-27");  // inform the partners, in the same window
    EXPECT_FALSE(st.decision);

    c.events.push_back(event(EventKind::close, "2026-11-24"));
    st = standing_of(c, calendar);
    EXPECT_EQ(st.stage, Stage::closed);
    EXPECT_FALSE(st.next_due_on);
    EXPECT_FALSE(st.overdue(d("2030-01-01")));
}

// ---- the guidance of the case's date ----------------------------------------------------

namespace {

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
