// The learning rules with fixed dates: the action state machine, overdue and stale flags,
// completing and signing off with and without evidence, audit grading, moderation, results
// by standard and year-on-year comparison.
#include <gtest/gtest.h>

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
    EXPECT_NE(errors[0].message.find("closed on 2026-12-31"), std::string::npos);
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
