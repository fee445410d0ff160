// The per-case audit tool's rules (issue 20 item 5): a case by pseudonym, once per audit, with
// agencies of the partnership; grades 1–4 for the audit's questions, all of them to submit; the
// grades counted by question, the agreed grade standing for a moderated case; the findings the
// counts support, each naming its counts.
#include <gtest/gtest.h>

#include "core/case_audits.hpp"

using namespace assure;

namespace {

const std::vector<CaseAuditQuestion> kQuestions{{"1", "Was the child seen?"}, {"2", "Was information shared?"}};

AuditedCase audited(std::int64_t id, const char* pseudonym) {
    AuditedCase c;
    c.id = id;
    c.pseudonym = pseudonym;
    return c;
}

AgencyCaseAudit audit(std::int64_t case_id, std::int64_t agency, const char* g1, const char* g2, bool submitted = true) {
    return {case_id, AgencyId{agency}, {{"1", g1}, {"2", g2}}, submitted, "Someone", 0, 1};
}

}  // namespace

TEST(CaseAuditRules, ACaseIsAPseudonymOncePerAuditWithItsAgencies) {
    const std::vector<AgencyId> agencies{AgencyId{1}, AgencyId{2}};
    AuditedCase out;
    EXPECT_TRUE(check_audited_case({" Case A ", "Neglect, two children under five", {"1", "2", "2"}}, agencies, {}, out).empty());
    EXPECT_EQ(out.pseudonym, "Case A");
    EXPECT_EQ(out.agencies, (std::vector<AgencyId>{AgencyId{1}, AgencyId{2}})) << "each agency once";

    const auto twice = check_audited_case({"case a", "Another", {"1"}}, agencies, {audited(1, "Case A")}, out);
    ASSERT_EQ(twice.size(), 1u);
    EXPECT_EQ(twice[0].field, "pseudonym");

    const auto wrong = check_audited_case({"", "", {"9"}}, agencies, {}, out);
    ASSERT_EQ(wrong.size(), 3u);
    EXPECT_EQ(wrong[0].field, "pseudonym");
    EXPECT_EQ(wrong[1].field, "summary");
    EXPECT_EQ(wrong[2].message, "Select agencies of this partnership");
    EXPECT_EQ(check_audited_case({"Case B", "Summary", {}}, agencies, {}, out).at(0).message, "Select the agencies that will audit the case");
    EXPECT_EQ(check_audited_case({std::string(41, 'x'), "Summary", {"1"}}, agencies, {}, out).at(0).field, "pseudonym") << "a name is not a pseudonym";
}

TEST(CaseAuditRules, ADraftMayLeaveGradesOutASubmissionMayNot) {
    std::vector<CaseAnswer> out;
    EXPECT_TRUE(check_case_answers(kQuestions, {{"1", "2", "Seen alone twice"}}, false, out).empty());
    ASSERT_EQ(out.size(), 2u) << "one answer per question, in the audit's order";
    EXPECT_EQ(out[1].grade, "");
    const auto missing = check_case_answers(kQuestions, {{"1", "2", ""}}, true, out);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].field, "grade_2");
    const auto wrong = check_case_answers(kQuestions, {{"1", "5", ""}, {"2", "1", ""}, {"7", "1", ""}}, true, out);
    ASSERT_EQ(wrong.size(), 2u);
    EXPECT_EQ(wrong[0].field, "grade_1");
    EXPECT_EQ(wrong[1].message, "Question 7 is not one of this audit's");
}

TEST(CaseAuditRules, TheAgreedGradeStandsForAModeratedCase) {
    const std::vector<AuditedCase> cases{audited(1, "Case A"), audited(2, "Case B")};
    const std::vector<AgencyCaseAudit> audits{audit(1, 1, "3", "2"), audit(1, 2, "4", "2"), audit(2, 1, "2", "3"), audit(2, 2, "1", "1", false)};
    const std::vector<CaseModeration> moderated{{1, Date{2017, 3, 14}, {{"1", "3"}, {"2", "2"}}, "", "Unit", 1}};
    const auto r = case_audit_results(kQuestions, cases, audits, moderated);
    ASSERT_EQ(r.size(), 2u);
    // Question 1: case A's agreed 3; case B's one submitted audit, 2 (the draft is not counted).
    EXPECT_EQ(r[0].graded, 2);
    EXPECT_EQ(r[0].counts[1], 1);
    EXPECT_EQ(r[0].counts[2], 1);
    EXPECT_EQ(r[0].counts[3], 0) << "the police's 4 gave way to the agreed grade";
    EXPECT_EQ(r[0].moderated_cases, 1);
    EXPECT_EQ(r[1].graded, 2);
    EXPECT_EQ(r[1].good_or_better(), 1);
}

TEST(CaseAuditRules, FindingsAreDrawnWhereTheGradesAreClearAndNameTheirCounts) {
    CaseQuestionResult weak{kQuestions[0], {0, 1, 2, 1}, 4, 4};
    CaseQuestionResult strong{kQuestions[1], {1, 2, 1, 0}, 4, 2};
    CaseQuestionResult mixed{{"3", "Was the plan clear?"}, {0, 2, 1, 0}, 3, 0};
    CaseQuestionResult none{{"4", "Was there oversight?"}, {0, 0, 0, 0}, 0, 0};
    const auto drawn = draw_findings({weak, strong, mixed, none});
    ASSERT_EQ(drawn.size(), 2u) << "two of three good is neither";
    EXPECT_TRUE(drawn[0].development);
    EXPECT_EQ(drawn[0].text, "Question 1, Was the child seen? Graded requires improvement or worse in 3 of 4: 1 good, 2 requires improvement, "
                             "1 inadequate (4 grades, all agreed at moderation).");
    EXPECT_FALSE(drawn[1].development);
    EXPECT_EQ(drawn[1].text, "Question 2, Was information shared? Graded good or better in 3 of 4: 1 outstanding, 2 good, 1 requires improvement (4 grades).");
}
