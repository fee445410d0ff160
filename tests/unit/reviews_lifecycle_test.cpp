// The case lifecycle: every allowed transition in order, and the refusals that name their rule.
#include <gtest/gtest.h>

#include "core/reviews.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }
const Date kToday = d("2026-11-23");
const AgencyId kCouncil{1}, kPolice{2}, kSchool{3};

Case new_case() {
    Case c;
    c.became_aware_on = d("2026-03-02");
    c.incident_on = d("2026-02-27");
    c.agencies = {kCouncil, kPolice};
    c.children = {{"Child O", "", "", ""}};
    return c;
}

CaseEvent ev(EventKind kind, const char* on) {
    CaseEvent e;
    e.kind = kind;
    e.on = d(on);
    return e;
}

// Records `e` if the guard allows it; fails the test (with the refusals) if not.
void record(Case& c, const CaseEvent& e) {
    const auto errors = check_event(c, replay(c), e, kToday);
    ASSERT_TRUE(errors.empty()) << event_key(e.kind) << ": " << errors.front().message;
    c.events.push_back(e);
}

std::string refusal(const Case& c, const CaseEvent& e) {
    const auto errors = check_event(c, replay(c), e, kToday);
    return errors.empty() ? "" : errors.front().field + ": " + errors.front().message;
}

Case through_rapid_review(Decision decision) {
    Case c = new_case();
    record(c, ev(EventKind::notify_panel, "2026-03-05"));
    record(c, ev(EventKind::inform_partners, "2026-03-05"));
    auto req = ev(EventKind::request_summaries, "2026-03-06");
    req.agencies = {kCouncil, kPolice};
    record(c, req);
    auto ret = ev(EventKind::summary_returned, "2026-03-12");
    ret.agencies = {kCouncil, kPolice};
    record(c, ret);
    record(c, ev(EventKind::rapid_review_panel, "2026-03-16"));
    record(c, ev(EventKind::partners_sign_off, "2026-03-18"));
    auto decide = ev(EventKind::decide, "2026-03-19");
    decide.decision = decision;
    decide.note = "Concerns about how agencies worked together";
    record(c, decide);
    auto response = ev(EventKind::panel_response, "2026-04-02");
    response.note = "The Panel agrees";
    record(c, response);
    return c;
}

// A local review with its reviewer, terms and final report, not yet sent or published.
Case with_final_report() {
    Case c = through_rapid_review(Decision::local_review);
    auto commission = ev(EventKind::commission_reviewer, "2026-04-06");
    commission.reviewer_name = "Jane Reviewer";
    record(c, commission);
    record(c, ev(EventKind::agree_terms, "2026-04-10"));
    record(c, ev(EventKind::final_report, "2026-08-28"));
    return c;
}

}  // namespace

TEST(ReviewLifecycle, ALocalReviewRunsFromNotificationToClosure) {
    Case c = through_rapid_review(Decision::local_review);
    EXPECT_EQ(replay(c).stage, Stage::local_review);
    auto commission = ev(EventKind::commission_reviewer, "2026-04-06");
    commission.reviewer_name = "Jane Reviewer";
    commission.reviewer_user = UserId{9};
    record(c, commission);
    record(c, ev(EventKind::notify_bodies, "2026-04-07"));
    record(c, ev(EventKind::agree_terms, "2026-04-10"));
    auto progress = ev(EventKind::progress_check, "2026-06-01");
    progress.note = "Practitioner event held";
    record(c, progress);
    record(c, ev(EventKind::final_report, "2026-08-28"));
    auto plan = ev(EventKind::plan_publication, "2026-09-01");
    plan.planned_on = d("2026-09-30");
    record(c, plan);
    record(c, ev(EventKind::send_final_report, "2026-09-15"));
    record(c, ev(EventKind::publish, "2026-09-30"));
    EXPECT_EQ(replay(c).stage, Stage::published);
    record(c, ev(EventKind::publish_summary, "2026-09-30"));
    record(c, ev(EventKind::disseminate, "2026-10-14"));
    record(c, ev(EventKind::close, "2026-11-02"));
    const CaseState st = replay(c);
    EXPECT_EQ(st.stage, Stage::closed);
    EXPECT_EQ(st.reviewer_name, "Jane Reviewer");
    EXPECT_EQ(st.progress_checks.size(), 1U);
    EXPECT_EQ(refusal(c, ev(EventKind::progress_check, "2026-11-20")),
              "event: The case was closed on 2 November 2026; nothing more can be recorded");
}

TEST(ReviewLifecycle, OtherDecisionsGoToFollowUpAndClose) {
    for (Decision decision : {Decision::national_review, Decision::other_learning, Decision::no_further_review}) {
        Case c = through_rapid_review(decision);
        EXPECT_EQ(replay(c).stage, Stage::follow_up) << decision_key(decision);
        EXPECT_NE(refusal(c, ev(EventKind::commission_reviewer, "2026-04-06")), "") << decision_key(decision);
        record(c, ev(EventKind::close, "2026-04-06"));
        EXPECT_EQ(replay(c).stage, Stage::closed);
    }
}

TEST(ReviewLifecycle, ADecisionBeforeTheRapidReviewIsRefused) {
    Case c = new_case();
    record(c, ev(EventKind::notify_panel, "2026-03-05"));
    auto decide = ev(EventKind::decide, "2026-03-06");
    decide.decision = Decision::local_review;
    decide.note = "x";
    EXPECT_EQ(refusal(c, decide), "event: A decision is recorded after the partners sign off the rapid review");
}

TEST(ReviewLifecycle, PublicationBeforeTheReportIsSentIsRefused) {
    Case c = with_final_report();
    EXPECT_EQ(refusal(c, ev(EventKind::publish, "2026-09-30")),
              "event: The final report must be sent to the Panel and the Secretary of State before publication");
    EXPECT_EQ(refusal(c, ev(EventKind::publish_summary, "2026-09-30")),
              "event: The final report must be sent to the Panel and the Secretary of State before anything is published");
}

TEST(ReviewLifecycle, DatesInTheFutureOrBeforeBecomingAwareAreRefused) {
    Case c = new_case();
    EXPECT_EQ(refusal(c, ev(EventKind::notify_panel, "2026-11-24")), "on: Date must be today or in the past");
    EXPECT_EQ(refusal(c, ev(EventKind::notify_panel, "2026-03-01")),
              "on: Date must be on or after 2 March 2026, when the local authority became aware");
}

TEST(ReviewLifecycle, AnEventCannotPrecedeWhatItDependsOn) {
    Case c = new_case();
    record(c, ev(EventKind::notify_panel, "2026-03-05"));
    auto req = ev(EventKind::request_summaries, "2026-03-04");
    req.agencies = {kCouncil};
    EXPECT_EQ(refusal(c, req), "on: Date must be on or after 5 March 2026, when the Panel was notified");
}

TEST(ReviewLifecycle, SummariesFollowTheAgenciesInvolved) {
    Case c = new_case();
    auto early = ev(EventKind::request_summaries, "2026-03-05");
    early.agencies = {kCouncil};
    EXPECT_EQ(refusal(c, early),
              "event: Agency summaries are requested during the rapid review, after the Panel is notified");
    record(c, ev(EventKind::notify_panel, "2026-03-05"));
    auto outsider = ev(EventKind::request_summaries, "2026-03-06");
    outsider.agencies = {kSchool};
    EXPECT_EQ(refusal(c, outsider), "agencies: Summaries can be asked only of agencies involved in the case");
    auto none = ev(EventKind::request_summaries, "2026-03-06");
    EXPECT_EQ(refusal(c, none), "agencies: Select the agencies asked for a summary");
    auto req = ev(EventKind::request_summaries, "2026-03-06");
    req.agencies = {kCouncil, kPolice};
    record(c, req);
    auto unrequested = ev(EventKind::summary_returned, "2026-03-09");
    unrequested.agencies = {kSchool};
    EXPECT_EQ(refusal(c, unrequested), "agencies: A summary can be returned only by an agency it was requested from");
    auto council = ev(EventKind::summary_returned, "2026-03-09");
    council.agencies = {kCouncil};
    record(c, council);
    EXPECT_EQ(replay(c).summaries_outstanding(), 1);
    EXPECT_EQ(refusal(c, council), "agencies: This agency's summary was already returned on 9 March 2026");
    EXPECT_EQ(refusal(c, ev(EventKind::rapid_review_panel, "2026-03-10")),
              "event: The rapid review panel meets once every requested agency summary is returned (1 outstanding)");
}

TEST(ReviewLifecycle, OnceOnlyEventsAreNotRecordedTwice) {
    Case c = new_case();
    record(c, ev(EventKind::notify_panel, "2026-03-05"));
    EXPECT_EQ(refusal(c, ev(EventKind::notify_panel, "2026-03-06")),
              "event: Notification to the Panel was already recorded on 5 March 2026");
}

TEST(ReviewLifecycle, DecisionNeedsAChoiceAndReasons) {
    Case c = through_rapid_review(Decision::local_review);
    c.events.pop_back();  // the Panel response
    c.events.pop_back();  // the decision
    const auto errors = check_event(c, replay(c), ev(EventKind::decide, "2026-03-19"), kToday);
    ASSERT_EQ(errors.size(), 2U);
    EXPECT_EQ(errors[0].field, "decision");
    EXPECT_EQ(errors[1].field, "note");
}

TEST(ReviewLifecycle, EveryEventKeyParsesBackAndUnknownEventsDoNot) {
    for (EventKind e : all_event_kinds()) EXPECT_EQ(parse_event(event_key(e)), e);
    EXPECT_EQ(all_event_kinds().size(), 19U);
    EXPECT_FALSE(parse_event("celebrate"));
}

TEST(ReviewLifecycle, PlannedPublicationCannotPrecedeThePlanning) {
    Case c = with_final_report();
    auto plan = ev(EventKind::plan_publication, "2026-09-01");
    EXPECT_EQ(refusal(c, plan), "planned_on: Enter the planned publication date");
    plan.planned_on = d("2026-08-30");
    EXPECT_EQ(refusal(c, plan), "planned_on: Planned publication date must be on or after the date it was planned");
    plan.planned_on = d("2027-01-30");  // the plan itself may lie in the future
    record(c, plan);
}

TEST(ReviewIncident, ValidatesANotification) {
    IncidentInput in;
    in.became_aware_on = "2026-11-20";
    in.incident_on = "2026-11-18";
    in.kind = "serious_harm";
    in.summary = "Admitted to hospital with injuries";
    in.children = {{"Child T", "Name Withheld", "2019-05-01", ""}, {"", "", "", ""}};
    in.agency_ids = {"1", "2", "1"};
    Case c;
    ASSERT_TRUE(validate_incident(in, {kCouncil, kPolice}, ReviewRules{}, kToday, c).empty());
    EXPECT_EQ(c.children.size(), 1U);
    EXPECT_EQ(c.agencies.size(), 2U);
    EXPECT_EQ(c.kind, HarmKind::serious_harm);
}

TEST(ReviewIncident, RefusesAFutureAwarenessAFifthChildAndStrangers) {
    IncidentInput in;
    in.became_aware_on = "2026-11-24";
    in.incident_on = "2026-02-30";
    in.kind = "harm";
    in.children = {{"Child A"}, {"Child B"}, {"Child C"}, {"Child D"}, {"Child E"}};
    in.agency_ids = {"3"};
    Case c;
    const auto errors = validate_incident(in, {kCouncil, kPolice}, ReviewRules{}, kToday, c);
    auto message = [&](const std::string& field) {
        for (const auto& e : errors) if (e.field == field) return e.message;
        return std::string();
    };
    EXPECT_EQ(message("became_aware_on"), "Date the local authority became aware must be today or in the past");
    EXPECT_EQ(message("incident_on"), "Date of the incident must be a real date");
    EXPECT_EQ(message("kind"), "Select whether the child died or was seriously harmed");
    EXPECT_EQ(message("summary"), "Enter a summary of what happened");
    EXPECT_EQ(message("children"), "One notification covers at most 4 children; notify the others separately");
    EXPECT_EQ(message("agencies"), "Select agencies of this partnership");
    EXPECT_TRUE(c.children.empty());  // nothing filled in on refusal
}

TEST(ReviewAccess, NeedToKnow) {
    Case c = new_case();
    const UserId bu{1}, lead{2}, member{3}, outsider{4}, reviewer{5};
    c.panel = {{member, "Member"}};
    CaseState st = replay(c);
    EXPECT_TRUE(may_see_case(c, st, bu, Role::business_unit));
    EXPECT_TRUE(may_see_case(c, st, lead, Role::partner_lead));
    EXPECT_TRUE(may_see_case(c, st, member, Role::member));
    EXPECT_FALSE(may_see_case(c, st, outsider, Role::member));
    EXPECT_FALSE(may_see_case(c, st, outsider, Role::administrator));
    EXPECT_FALSE(may_see_case(c, st, reviewer, Role::read_only));
    st.reviewer_user = reviewer;
    EXPECT_TRUE(may_see_case(c, st, reviewer, Role::read_only));
    EXPECT_TRUE(may_see_identities(c, st, reviewer, Role::read_only));
    EXPECT_FALSE(may_see_identities(c, st, member, Role::member));
    EXPECT_TRUE(may_see_identities(c, st, lead, Role::partner_lead));

    c.conflicts.push_back({member, "Member", d("2026-03-03"), "Was the child's social worker"});
    EXPECT_FALSE(may_see_case(c, st, member, Role::member));  // excluded until the panel says otherwise
    c.conflicts.back().panel = ConflictView::take_part;
    EXPECT_TRUE(may_see_case(c, st, member, Role::member));
    c.conflicts.back().appeal = AppealOutcome::overturned;
    EXPECT_FALSE(may_see_case(c, st, member, Role::member));
    c.conflicts.push_back({lead, "Lead", d("2026-03-03"), "Line manager of the worker"});
    EXPECT_FALSE(may_see_case(c, st, lead, Role::partner_lead));
}

TEST(ReviewAccess, ConflictOutcomes) {
    Conflict c;
    EXPECT_TRUE(c.excludes());
    c.panel = ConflictView::exclude;
    EXPECT_TRUE(c.excludes());
    c.appeal = AppealOutcome::upheld;
    EXPECT_TRUE(c.excludes());
    c.appeal = AppealOutcome::overturned;
    EXPECT_FALSE(c.excludes());
    c.panel = ConflictView::take_part;
    c.appeal = AppealOutcome::none;
    EXPECT_FALSE(c.excludes());
}
