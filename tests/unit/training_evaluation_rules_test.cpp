// Training evaluation's rules, with no store: only delegates who attended evaluate, once per
// stage, the first stage from the session's day and the follow-up three months on; scores are
// 1-5 only; a certificate only for those who attended; and the results (means in tenths,
// response rates, the share reporting a change) worked out from counts. "Today" is a value passed in.
#include <gtest/gtest.h>

#include "core/training_evaluation.hpp"
#include "core/training_evaluation_mail.hpp"

using namespace assure;

namespace {

bool names(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors) if (e.field == field) return true;
    return false;
}

TrainingSession held_on(Date on) {
    TrainingSession t;
    t.id = TrainingSessionId{7};
    t.course = CourseId{1};
    t.course_title = "Exploring Neglect";
    t.on = on;
    t.starts_at = "09:30";
    t.ends_at = "12:30";
    return t;
}

Booking delegate(std::optional<Attendance> attendance, BookingStatus status = BookingStatus::booked) {
    Booking b;
    b.id = BookingId{3};
    b.name = "Sarah Hughes";
    b.email = "sarah@example.org";
    b.status = status;
    b.attendance = attendance;
    return b;
}

Evaluation first_stage(std::array<int, kEvaluationQuestions> scores = {4, 2, 4, 5}) {
    Evaluation e;
    e.stage = EvaluationStage::after_session;
    e.scores = scores;
    e.do_differently = "Use the Graded Care Profile at the first visit";
    return e;
}

}  // namespace

TEST(TrainingEvaluationRules, OnlyADelegateWhoAttendedEvaluates) {
    const auto t = held_on(Date{2026, 11, 10});
    const Date today{2026, 11, 18};
    EXPECT_TRUE(evaluation_refusal(delegate(Attendance::attended), t, EvaluationStage::after_session, today, false).empty());
    for (const auto a : {Attendance::no_show, Attendance::cancelled_late}) {
        const auto refusal = evaluation_refusal(delegate(a), t, EvaluationStage::after_session, today, false);
        ASSERT_EQ(refusal.size(), 1u);
        EXPECT_EQ(refusal[0].field, "booking");
        EXPECT_NE(refusal[0].message.find("Sarah Hughes"), std::string::npos);
    }
    EXPECT_TRUE(names(evaluation_refusal(delegate(std::nullopt), t, EvaluationStage::after_session, today, false), "booking"))
        << "no register mark yet";
    EXPECT_TRUE(names(evaluation_refusal(delegate(std::nullopt, BookingStatus::waiting), t, EvaluationStage::after_session, today, false),
                      "booking"));
}

TEST(TrainingEvaluationRules, OneAnswerPerStageTheFirstFromTheDayTheFollowUpThreeMonthsOn) {
    const auto t = held_on(Date{2026, 8, 31});
    const auto b = delegate(Attendance::attended);
    EXPECT_TRUE(names(evaluation_refusal(b, t, EvaluationStage::after_session, Date{2026, 11, 18}, true), "stage")) << "given already";
    EXPECT_TRUE(names(evaluation_refusal(b, t, EvaluationStage::after_session, Date{2026, 8, 30}, false), "stage")) << "before the day";
    EXPECT_TRUE(evaluation_refusal(b, t, EvaluationStage::after_session, Date{2026, 8, 31}, false).empty());
    // 31 August + 3 months is clamped to 30 November.
    EXPECT_EQ(follow_up_due(t.on), (Date{2026, 11, 30}));
    const auto early = evaluation_refusal(b, t, EvaluationStage::follow_up, Date{2026, 11, 29}, false);
    ASSERT_TRUE(names(early, "stage"));
    EXPECT_NE(early[0].message.find("30 November 2026"), std::string::npos) << early[0].message;
    EXPECT_TRUE(evaluation_refusal(b, t, EvaluationStage::follow_up, Date{2026, 11, 30}, false).empty());
}

TEST(TrainingEvaluationRules, ScoresAreOneToFiveOnlyAndTheFreeTextIsNeeded) {
    EXPECT_TRUE(validate_evaluation(first_stage()).empty());
    EXPECT_TRUE(names(validate_evaluation(first_stage({0, 2, 4, 5})), "outcomes_met"));
    EXPECT_TRUE(names(validate_evaluation(first_stage({4, 6, 4, 5})), "confidence_before"));
    EXPECT_TRUE(names(validate_evaluation(first_stage({4, 2, -1, 5})), "confidence_after"));
    Evaluation no_text = first_stage();
    no_text.do_differently = "  ";
    EXPECT_TRUE(names(validate_evaluation(no_text), "do_differently"));
    Evaluation bad_manager = first_stage();
    bad_manager.manager_email = "my manager";
    EXPECT_TRUE(names(validate_evaluation(bad_manager), "manager_email"));
    EXPECT_EQ(parse_score("5"), 5);
    EXPECT_EQ(parse_score(" 1 "), 1);
    for (const char* bad : {"0", "6", "4.5", "", "five", "10"}) EXPECT_FALSE(parse_score(bad)) << bad;
}

TEST(TrainingEvaluationRules, AFollowUpSaysWhetherPracticeChangedAndWhat) {
    Evaluation e;
    e.stage = EvaluationStage::follow_up;
    EXPECT_TRUE(names(validate_evaluation(e), "changed_practice"));
    EXPECT_TRUE(names(validate_evaluation(e), "practice_change"));
    e.changed_practice = true;
    e.practice_change = "Referrals now name the threshold";
    EXPECT_TRUE(validate_evaluation(e).empty());
    e.scores = {4, 0, 0, 0};
    EXPECT_TRUE(names(validate_evaluation(e), "stage")) << "the follow-up asks no scores";
}

TEST(TrainingEvaluationRules, ACertificateOnlyForADelegateWhoAttended) {
    EXPECT_TRUE(certificate_refusal(delegate(Attendance::attended)).empty());
    const auto no_show = certificate_refusal(delegate(Attendance::no_show));
    ASSERT_EQ(no_show.size(), 1u);
    EXPECT_EQ(no_show[0].field, "booking");
    EXPECT_NE(no_show[0].message.find("did not attend"), std::string::npos) << no_show[0].message;
    EXPECT_FALSE(certificate_refusal(delegate(Attendance::cancelled_late)).empty());
    EXPECT_FALSE(certificate_refusal(delegate(std::nullopt)).empty());
    EXPECT_FALSE(certificate_refusal(delegate(std::nullopt, BookingStatus::cancelled)).empty());
}

TEST(TrainingEvaluationRules, ResultsAreWorkedOutFromCounts) {
    EvaluationCounts c;
    c.attended = 30;
    c.after_session = 24;
    c.score_sums = {104, 65, 103, 111};  // 4.33, 2.71, 4.29, 4.625
    c.follow_up = 12;
    c.changed = 9;
    const auto r = evaluation_results(c);
    ASSERT_EQ(r.questions.size(), kEvaluationQuestions);
    EXPECT_EQ(r.questions[0].mean_tenths, 43);
    EXPECT_EQ(r.questions[1].mean_tenths, 27);
    EXPECT_EQ(r.questions[2].mean_tenths, 43);
    EXPECT_EQ(r.questions[3].mean_tenths, 46) << "4.625 is 4.6 to the tenth";
    EXPECT_EQ(r.after_session_response_percent, 80);
    EXPECT_EQ(r.follow_up_response_percent, 40);
    EXPECT_EQ(r.changed_percent, 75);
    EXPECT_EQ(r.confidence_rise_tenths, 16);
    EXPECT_EQ(tenths_text(43), "4.3");
    EXPECT_EQ(tenths_text(-5), "-0.5");
}

TEST(TrainingEvaluationRules, NoAnswersMeansNoFigureRatherThanZero) {
    const auto none = evaluation_results(EvaluationCounts{});
    EXPECT_FALSE(none.after_session_response_percent);
    EXPECT_FALSE(none.changed_percent);
    EXPECT_FALSE(none.questions[0].mean_tenths);
    EXPECT_FALSE(none.confidence_rise_tenths);
}

TEST(TrainingEvaluationRules, ImpactEvidenceLinksToAPageOfAssureOrAnHttpsAddress) {
    ImpactEvidence e;
    e.link = "/audits/3";
    e.note = "The audit found delegates' referrals named the threshold";
    EXPECT_TRUE(validate_impact_evidence(e).empty());
    e.link = "https://dataset.example.org/indicators/12";
    EXPECT_TRUE(validate_impact_evidence(e).empty());
    for (const char* bad : {"", "//evil.example/x", "javascript:alert(1)", "http://plain.example", "/audits/3 \"x"}) {
        e.link = bad;
        EXPECT_TRUE(names(validate_impact_evidence(e), "link")) << bad;
    }
    e.link = "/audits/3";
    e.note = "";
    EXPECT_TRUE(names(validate_impact_evidence(e), "note"));
}

TEST(TrainingEvaluationRules, TheRequestCarriesTheDelegatesOwnLinkAndNamesTheSession) {
    const auto t = held_on(Date{2026, 11, 10});
    const auto text = evaluation_request_text("Knowsley Safeguarding Children Partnership", t, delegate(Attendance::attended),
                                              EvaluationStage::after_session, "https://assure.example/training/evaluate/abc");
    EXPECT_NE(text.subject.find("Exploring Neglect"), std::string::npos);
    EXPECT_NE(text.body.find("https://assure.example/training/evaluate/abc"), std::string::npos);
    EXPECT_NE(text.body.find("10 November 2026"), std::string::npos);
    const auto later = evaluation_request_text("K", t, delegate(Attendance::attended), EvaluationStage::follow_up, "L");
    EXPECT_NE(later.body.find("3 months"), std::string::npos);
}

// The daily round sends the first stage from the session's day and the follow-up from its due
// day, each for kRequestCatchUpDays; nothing before, nothing after.
TEST(TrainingEvaluationRules, TheDailyRoundSendsEachStageWithinTwoWeeksOfItFallingDue) {
    const Date on{2026, 11, 10};
    using Stages = std::vector<EvaluationStage>;
    EXPECT_EQ(requests_due_by_job(on, Date{2026, 11, 9}), Stages{}) << "not before the session";
    EXPECT_EQ(requests_due_by_job(on, on), Stages{EvaluationStage::after_session});
    EXPECT_EQ(requests_due_by_job(on, Date{2026, 11, 24}), Stages{EvaluationStage::after_session}) << "14 days on: still sent";
    EXPECT_EQ(requests_due_by_job(on, Date{2026, 11, 25}), Stages{}) << "15 days on: left to the button";
    EXPECT_EQ(follow_up_due(on), (Date{2027, 2, 10}));
    EXPECT_EQ(requests_due_by_job(on, Date{2027, 2, 9}), Stages{});
    EXPECT_EQ(requests_due_by_job(on, Date{2027, 2, 10}), Stages{EvaluationStage::follow_up});
    EXPECT_EQ(requests_due_by_job(on, Date{2027, 2, 24}), Stages{EvaluationStage::follow_up});
    EXPECT_EQ(requests_due_by_job(on, Date{2027, 2, 25}), Stages{});
}

// The round reads sessions from earliest_session_for_job: every session whose follow-up is still
// within its two weeks is on or after it, even across a month's end (30 November's follow-up is
// due on 28 February).
TEST(TrainingEvaluationRules, TheDailyRoundReadsEverySessionWhoseRequestsCanStillBeDue) {
    for (const Date today : {Date{2027, 3, 14}, Date{2027, 3, 1}, Date{2027, 5, 31}, Date{2026, 12, 3}}) {
        const Date earliest = earliest_session_for_job(today);
        for (std::int64_t d = earliest.days() - 200; d <= today.days(); ++d) {
            const Date on = Date::from_days(d);
            if (!requests_due_by_job(on, today).empty()) {
                EXPECT_GE(on, earliest) << on.iso() << " on " << today.iso();
            }
        }
        EXPECT_LT(today.days() - earliest.days(), 130) << "a bounded read";
    }
}

// Courses put together: the total is worked out from the summed counts, so a course of 30
// weighs ten times one of 3, unlike a mean of the two courses' means.
TEST(TrainingEvaluationRules, TheTotalOfSeveralCoursesIsWorkedOutFromTheirSummedCounts) {
    EvaluationCounts big;
    big.attended = 40;
    big.after_session = 30;
    big.score_sums = {150, 60, 150, 150};  // outcomes met 5.0
    big.follow_up = 10;
    big.changed = 9;
    EvaluationCounts small;
    small.attended = 3;
    small.after_session = 3;
    small.score_sums = {6, 3, 6, 6};  // outcomes met 2.0
    small.follow_up = 2;
    small.changed = 0;
    const EvaluationCounts t = total_counts({big, small});
    EXPECT_EQ(t.attended, 43);
    EXPECT_EQ(t.after_session, 33);
    EXPECT_EQ(t.score_sums[0], 156);
    EXPECT_EQ(t.follow_up, 12);
    EXPECT_EQ(t.changed, 9);
    const auto r = evaluation_results(t);
    EXPECT_EQ(r.questions[0].mean_tenths, 47) << "156 / 33 = 4.73, not (5.0 + 2.0) / 2 = 3.5";
    EXPECT_EQ(r.changed_percent, 75) << "9 of 12 follow-ups, not the mean of 90% and 0%";
    EXPECT_EQ(r.after_session_response_percent, 77) << "33 of 43";
    EXPECT_EQ(total_counts({}), EvaluationCounts{});
}
