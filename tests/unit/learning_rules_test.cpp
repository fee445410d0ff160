// The learning rules with fixed dates: the action state machine, overdue and stale flags,
// completing and signing off with and without evidence, audit grading, moderation, results
// by standard and year-on-year comparison.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/audit_letter.hpp"
#include "core/learning.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

ImprovementAction action(ActionState state, const char* due, const char* raised) {
    ImprovementAction a;
    a.state = state;
    a.due = d(due);
    a.created_on = d(raised);
    return a;
}

AuditCycle cycle(GradeScale scale = GradeScale::four_point) {
    AuditCycle c;
    c.id = AuditCycleId{1};
    c.scale = scale;
    c.opens = d("2026-10-01");
    c.closes = d("2026-12-31");
    c.standards = LearningRules::default_section_11();
    return c;
}

std::vector<AnswerInput> graded(const std::vector<std::string>& grades) {
    std::vector<AnswerInput> out;
    for (std::size_t i = 0; i < grades.size(); ++i) out.push_back({std::to_string(i + 1), grades[i], "How we meet it", ""});
    return out;
}

}  // namespace

TEST(LearningRules, StateMachineAllowsOnlyTheDocumentedMoves) {
    using S = ActionState;
    const std::vector<std::pair<S, S>> allowed{{S::proposed, S::agreed},   {S::agreed, S::in_progress}, {S::in_progress, S::completed},
                                               {S::completed, S::evidenced}, {S::completed, S::in_progress}, {S::proposed, S::superseded},
                                               {S::agreed, S::superseded}, {S::in_progress, S::superseded}, {S::completed, S::superseded}};
    for (S from : all_action_states()) {
        for (S to : all_action_states()) {
            const bool expected = std::find(allowed.begin(), allowed.end(), std::pair{from, to}) != allowed.end();
            EXPECT_EQ(transition_allowed(from, to), expected) << action_state_key(from) << " -> " << action_state_key(to);
        }
    }
}

TEST(LearningRules, CompletingNeedsEvidenceWhenTheRuleSaysSo) {
    LearningRules rules;
    ImprovementAction a = action(ActionState::in_progress, "2026-12-01", "2026-06-01");
    auto errors = check_transition(a, ActionState::completed, "", rules);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "state");
    EXPECT_NE(errors[0].message.find("evidence of what was done"), std::string::npos);
    rules.evidence_to_complete = false;
    EXPECT_TRUE(check_transition(a, ActionState::completed, "", rules).empty());
    rules.evidence_to_complete = true;
    a.evidence.push_back({d("2026-11-01"), EvidenceKind::output, "Templates live", "", "Nadia"});
    EXPECT_TRUE(check_transition(a, ActionState::completed, "", rules).empty());
}

TEST(LearningRules, SigningOffNeedsEvidenceOfImpactAndSupersedingAReason) {
    const LearningRules rules;
    ImprovementAction a = action(ActionState::completed, "2026-12-01", "2026-06-01");
    a.evidence.push_back({d("2026-11-01"), EvidenceKind::output, "Training delivered", "", "Liam"});
    EXPECT_TRUE(completed_without_impact(a));
    EXPECT_FALSE(check_transition(a, ActionState::evidenced, "", rules).empty());
    a.evidence.push_back({d("2026-11-10"), EvidenceKind::impact, "Dip sample: 17 of 20", "", "Liam"});
    EXPECT_FALSE(completed_without_impact(a));
    EXPECT_TRUE(check_transition(a, ActionState::evidenced, "", rules).empty());
    const auto no_reason = check_transition(a, ActionState::superseded, "  ", rules);
    ASSERT_EQ(no_reason.size(), 1u);
    EXPECT_EQ(no_reason[0].field, "note");
    EXPECT_FALSE(check_transition(action(ActionState::evidenced, "2026-12-01", "2026-06-01"), ActionState::in_progress, "x", rules).empty());
}

TEST(LearningRules, OverdueOnlyWhileOpenAndAfterTheDueDay) {
    const Date today = d("2026-11-23");
    EXPECT_FALSE(improvement_overdue(action(ActionState::in_progress, "2026-11-23", "2026-06-01"), today));  // due today
    EXPECT_TRUE(improvement_overdue(action(ActionState::in_progress, "2026-11-22", "2026-06-01"), today));
    EXPECT_TRUE(improvement_overdue(action(ActionState::proposed, "2026-01-01", "2025-06-01"), today));
    EXPECT_FALSE(improvement_overdue(action(ActionState::completed, "2026-01-01", "2025-06-01"), today));
    EXPECT_FALSE(improvement_overdue(action(ActionState::superseded, "2026-01-01", "2025-06-01"), today));
}

TEST(LearningRules, StaleCountsFromTheLastUpdateOrEvidence) {
    LearningRules rules;
    rules.stale_days = 60;
    const Date today = d("2026-11-23");
    ImprovementAction a = action(ActionState::agreed, "2027-06-01", "2026-09-24");  // 60 days ago
    EXPECT_FALSE(improvement_stale(a, today, rules));
    a.created_on = d("2026-09-23");  // 61 days ago
    EXPECT_TRUE(improvement_stale(a, today, rules));
    a.updates.push_back({d("2026-11-01"), "Nadia", ActionState::agreed, ActionState::agreed, "Progress"});
    EXPECT_FALSE(improvement_stale(a, today, rules));
    a.updates.clear();
    a.evidence.push_back({d("2026-11-20"), EvidenceKind::output, "Done", "", "Nadia"});
    EXPECT_EQ(last_activity(a), d("2026-11-20"));
    EXPECT_FALSE(improvement_stale(a, today, rules));
    a.evidence.clear();
    a.state = ActionState::completed;
    EXPECT_FALSE(improvement_stale(a, today, rules));  // a completed action waits for evidence, not updates
}

TEST(LearningRules, OnlyAnActionUnderWayGoesWithoutARecentUpdate) {
    LearningRules rules;
    rules.stale_days = 60;
    const Date today = d("2026-11-23");
    ImprovementAction a = action(ActionState::proposed, "2027-06-01", "2026-06-01");  // raised 175 days ago
    EXPECT_TRUE(improvement_open(a));
    EXPECT_FALSE(improvement_stale(a, today, rules));  // waiting on the partnership to agree it, not on its lead
    EXPECT_TRUE(improvement_overdue(action(ActionState::proposed, "2026-11-01", "2026-06-01"), today));  // late all the same
    for (const auto state : {ActionState::agreed, ActionState::in_progress}) {
        a.state = state;
        EXPECT_TRUE(improvement_stale(a, today, rules));
    }
    for (const auto state : {ActionState::completed, ActionState::evidenced, ActionState::superseded}) {
        a.state = state;
        EXPECT_FALSE(improvement_stale(a, today, rules));
    }
}

TEST(LearningRules, AnActionMustBeOwnedByAnAgencyOfThePartnership) {
    const LearningRules rules;
    ImprovementContext context;
    context.agencies.push_back({AgencyId{1}, PartnershipId{1}, "Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"});
    context.people.push_back({PersonId{1}, PartnershipId{1}, "Nadia", "", AgencyId{1}, "n@example.org"});
    context.groups.push_back(GroupId{4});
    ImprovementAction out;
    const ImprovementInput good{"Do it", "1", "1", "2026-12-01", "It worked", "4", "neglect"};
    EXPECT_TRUE(validate_improvement(good, rules, context, d("2026-11-23"), out).empty());
    EXPECT_EQ(out.priority, "Neglect");
    ImprovementInput elsewhere = good;
    elsewhere.agency_id = "99";  // another partnership's agency
    auto errors = validate_improvement(elsewhere, rules, context, d("2026-11-23"), out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "agency_id");
    EXPECT_EQ(errors[0].message, "The owning agency must be an agency of this partnership");
    ImprovementInput past = good;
    past.due = "2026-11-22";
    past.priority = "Knitting";
    out = ImprovementAction{};
    errors = validate_improvement(past, rules, context, d("2026-11-23"), out);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "due");
    EXPECT_EQ(errors[1].field, "priority");
}

TEST(LearningRules, GradesOutsideTheScaleAreRefusedAndNothingChanges) {
    const AuditCycle c = cycle();
    std::vector<StandardAnswer> answers;
    auto bad = graded({"1", "2", "5", "2", "2", "2", "2", "2"});
    auto errors = validate_answers(c, bad, false, d("2026-11-23"), answers);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "grade-3");
    EXPECT_TRUE(answers.empty());
    const AuditCycle rag = cycle(GradeScale::rag);
    errors = validate_answers(rag, graded({"2", "green"}), false, d("2026-11-23"), answers);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "grade-1");
    EXPECT_TRUE(validate_answers(rag, graded({"green", "amber"}), false, d("2026-11-23"), answers).empty());
    EXPECT_EQ(answers.size(), 8u);  // every standard, graded or not yet
}

TEST(LearningRules, SubmittingNeedsEveryStandardAndAnOpenCycle) {
    AuditCycle c = cycle();
    std::vector<StandardAnswer> answers;
    auto errors = validate_answers(c, graded({"1", "2"}), true, d("2026-11-23"), answers);
    EXPECT_EQ(errors.size(), 12u);  // six grades and six narratives missing
    const auto all = graded({"1", "2", "2", "3", "2", "2", "1", "2"});
    EXPECT_TRUE(validate_answers(c, all, true, d("2026-12-31"), answers).empty());  // the closing day counts
    errors = validate_answers(c, all, true, d("2027-01-01"), answers);
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].field, "submit");
    EXPECT_NE(errors[0].message.find("closed on 31 December 2026"), std::string::npos);
    c.closed = true;
    EXPECT_FALSE(validate_answers(c, all, true, d("2026-11-23"), answers).empty());
}

TEST(LearningRules, ModeratedGradesCountAndGapsFollowTheScale) {
    const AuditCycle c = cycle();
    std::vector<StandardAnswer> answers;
    ASSERT_TRUE(validate_answers(c, graded({"1", "2", "2", "2", "2", "2", "2", "2"}), true, d("2026-11-23"), answers).empty());
    EXPECT_FALSE(validate_moderation(c, {{"5", "7", ""}}, answers).empty());
    EXPECT_EQ(answers[4].moderated_grade, "");
    ASSERT_TRUE(validate_moderation(c, {{"5", "3", "No training needs analysis"}}, answers).empty());
    EXPECT_EQ(effective_grade(answers[4]), "3");
    EXPECT_TRUE(is_gap(GradeScale::four_point, "3"));
    EXPECT_FALSE(is_gap(GradeScale::four_point, "2"));
    EXPECT_TRUE(is_gap(GradeScale::rag, "amber"));
    EXPECT_FALSE(is_gap(GradeScale::rag, "green"));

    AuditReturn r1{AuditReturnId{1}, c.id, PartnershipId{1}, AgencyId{1}, ReturnStatus::submitted, answers};
    std::vector<StandardAnswer> other;
    ASSERT_TRUE(validate_answers(c, graded({"3", "2", "2", "2", "4", "2", "2", "2"}), true, d("2026-11-23"), other).empty());
    AuditReturn r2{AuditReturnId{2}, c.id, PartnershipId{1}, AgencyId{2}, ReturnStatus::submitted, other};
    AuditReturn draft{AuditReturnId{3}, c.id, PartnershipId{1}, AgencyId{3}, ReturnStatus::draft, other};
    const auto results = results_by_standard(c, {r1, r2, draft});
    ASSERT_EQ(results.size(), 8u);
    EXPECT_EQ(results[0].graded, 2);  // the draft does not count
    EXPECT_EQ(results[0].gaps, 1);
    EXPECT_DOUBLE_EQ(*results[0].mean_rank, 2.0);
    EXPECT_EQ(results[4].gaps, 2);   // moderated 3 and self-assessed 4
    EXPECT_DOUBLE_EQ(*results[4].mean_rank, 3.5);
    // Meeting the standard: graded and not a gap, counted from the returns.
    EXPECT_DOUBLE_EQ(*share_meeting(results[0]), 0.5);
    EXPECT_DOUBLE_EQ(*share_meeting(results[4]), 0.0);
    EXPECT_DOUBLE_EQ(*share_meeting(results[1]), 1.0);
    EXPECT_FALSE(share_meeting(StandardResult{}).has_value()) << "none graded is no figure, not 0%";
}

TEST(LearningRules, TheLetterToAnAgencyFollowsModerationOfItsSubmittedReturn) {
    AuditReturn r;
    EXPECT_FALSE(letter_ready(r));  // a draft
    r.status = ReturnStatus::submitted;
    r.submitted_on = d("2026-11-20");
    EXPECT_FALSE(letter_ready(r));  // submitted, not yet moderated
    r.moderated_on = d("2026-11-23");
    EXPECT_TRUE(letter_ready(r));
}

TEST(LearningRules, ACycleIsComparedWithTheLastOfItsKindThatOpenedBeforeIt) {
    AuditCycle now = cycle();
    now.id = AuditCycleId{5};
    now.opens = d("2026-11-03");
    AuditCycle last = now, older = now, s175 = now, later = now;
    last.id = AuditCycleId{3};
    last.opens = d("2025-11-03");
    older.id = AuditCycleId{1};
    older.opens = d("2024-11-03");
    s175.id = AuditCycleId{4};
    s175.kind = AuditKind::section_175;
    s175.opens = d("2026-01-10");
    later.id = AuditCycleId{6};
    later.opens = d("2027-11-03");
    const auto before = cycle_before(now, {older, later, now, s175, last});
    ASSERT_TRUE(before.has_value());
    EXPECT_EQ(before->id, last.id);
    EXPECT_FALSE(cycle_before(older, {older, later, now, s175, last}).has_value()) << "the first of its kind";
}

TEST(LearningRules, ThisCycleAgainstTheLast) {
    const AuditCycle now = cycle();
    AuditCycle before = cycle();
    before.id = AuditCycleId{0};
    AuditReturn r_now, r_before;
    r_now.answers = {{"1", "1"}, {"2", "3"}, {"3", "2"}, {"9", "2"}};
    r_before.answers = {{"1", "2"}, {"2", "2"}, {"3", "2", "", "", "3"}};
    const auto trends = compare_returns(now, r_now, before, r_before);
    ASSERT_EQ(trends.size(), 4u);
    EXPECT_EQ(trends[0].trend, Trend::better);
    EXPECT_EQ(trends[1].trend, Trend::worse);
    EXPECT_EQ(trends[2].trend, Trend::better);  // last time moderated down to 3
    EXPECT_EQ(trends[3].trend, Trend::new_standard);
    AuditCycle rag = cycle(GradeScale::rag);
    AuditReturn r_rag;
    r_rag.answers = {{"1", "red"}};
    EXPECT_EQ(compare_returns(rag, r_rag, before, r_before)[0].trend, Trend::worse);  // across scales: a gap now, none before
}

TEST(LearningRules, AReturnIsSharedOnlyIntoAnOpenCycleAskingTheSameQuestions) {
    const AuditCycle here = cycle();
    AuditReturn ret;
    ret.id = AuditReturnId{7};
    ret.status = ReturnStatus::submitted;
    ret.submitted_on = d("2026-11-20");
    ret.submitted_by = "Pat Police";
    for (int i = 1; i <= 8; ++i) ret.answers.push_back({std::to_string(i), "2", "We meet it", "Policy", "3", "Challenged"});
    AuditCycle there = cycle();
    there.id = AuditCycleId{40};
    there.partnership = PartnershipId{2};
    std::reverse(there.standards.begin(), there.standards.end());  // same codes, another order
    const Date today = d("2026-11-23");

    EXPECT_FALSE(share_refusal(here, ret, there, std::nullopt, today));
    AuditReturn draft;
    draft.id = AuditReturnId{41};
    draft.version = 3;
    EXPECT_FALSE(share_refusal(here, ret, there, draft, today));  // a draft there gives way

    AuditReturn own = draft;
    own.status = ReturnStatus::submitted;
    own.submitted_on = d("2026-11-02");
    EXPECT_EQ(share_refusal(here, ret, there, own, today), "The organisation submitted its own return there on 2 November 2026");
    AuditCycle closed = there;
    closed.closed = true;
    EXPECT_NE(share_refusal(here, ret, closed, std::nullopt, today)->find("not open"), std::string::npos);
    EXPECT_TRUE(share_refusal(here, ret, there, std::nullopt, d("2027-01-01")));  // after its closing day
    AuditCycle rag = there;
    rag.scale = GradeScale::rag;
    EXPECT_NE(share_refusal(here, ret, rag, std::nullopt, today)->find("grades"), std::string::npos);
    AuditCycle fewer = there;
    fewer.standards.pop_back();  // no standard 1 there
    fewer.standards.push_back({"9", "Online safety", ""});
    EXPECT_EQ(share_refusal(here, ret, fewer, std::nullopt, today), "Its cycle asks different standards; it also asks 9; it does not ask 1");
    AuditCycle s175 = there;
    s175.kind = AuditKind::section_175;
    EXPECT_TRUE(share_refusal(here, ret, s175, std::nullopt, today));

    const AuditReturn copy = shared_copy(ret, draft, there, AgencyId{12}, {PartnershipId{1}, "Knowsley", ret.id, today});
    EXPECT_EQ(copy.id, draft.id);
    EXPECT_EQ(copy.version, 3);
    EXPECT_EQ(copy.partnership, PartnershipId{2});
    EXPECT_EQ(copy.agency, AgencyId{12});
    EXPECT_EQ(copy.status, ReturnStatus::submitted);
    EXPECT_EQ(copy.submitted_on, d("2026-11-20"));
    ASSERT_EQ(copy.answers.size(), 8u);
    EXPECT_EQ(copy.answers[0].code, "8");  // the receiving cycle's order
    EXPECT_EQ(copy.answers[0].grade, "2");
    EXPECT_EQ(copy.answers[0].narrative, "We meet it");
    EXPECT_EQ(copy.answers[0].moderated_grade, "");  // moderation stays with each partnership
    EXPECT_EQ(copy.answers[0].moderation_note, "");
    EXPECT_EQ(copy.challenge_notes, "");
    ASSERT_TRUE(copy.shared_from);
    EXPECT_EQ(copy.shared_from->source, ret.id);
    // Shared once: the same return is not shared into the same place again.
    EXPECT_EQ(share_refusal(here, ret, there, copy, today), "Already shared on 23 November 2026");
}
