// Training evaluation's use cases on the real store (a SQLite file per test) with a clock the
// test moves: requests sent by the mail queue with a link of the delegate's own, answers only
// from delegates who attended and once per stage, the follow-up three months on (to the manager
// too), results counted from the answers, certificates only for those who attended, and an
// audit row with every change. Bad input saves nothing.
#include <gtest/gtest.h>

#include <set>

#include "app/mail.hpp"
#include "app/training.hpp"
#include "app/training_evaluations.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

FieldErrors refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.fields();
    }
    ADD_FAILURE() << "accepted";
    return {};
}

FailureCode failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.code();
    }
    ADD_FAILURE() << "no failure";
    return FailureCode::unavailable;
}

Instant noon(Date d) { return d.days() * 86400 + 12 * 3600; }

EvaluationInput first_stage(const char* outcomes = "4", const std::string& manager = "") {
    EvaluationInput in;
    in.stage = "after_session";
    in.scores = {outcomes, "2", "4", "5"};
    in.do_differently = "Use the Graded Care Profile at the first visit";
    in.manager_email = manager;
    return in;
}

EvaluationInput follow_up(const char* changed) {
    EvaluationInput in;
    in.stage = "follow_up";
    in.changed_practice = changed;
    in.practice_change = "I now use the Graded Care Profile with every family on a plan";
    return in;
}

// A session of Exploring Neglect on 10 November 2026: Person 1 and Person 3 attended, Person 2
// did not; the clock then stands at 18 November 2026.
struct Fixture {
    World w;
    Actor bu = w.as(Role::business_unit);
    Course course;
    TrainingSession session;
    std::vector<Booking> booked;

    Fixture() {
        w.clock.at = noon(Date{2026, 10, 1});
        course = add_course(w.services, bu, CourseInput{"Exploring Neglect", "multi_agency_core", "Recognise neglect", "Everyone", "360", {}});
        session = add_session(w.services, bu, SessionInput{course.id.str(), "2026-11-10", "09:30", "16:00", "Kirkby", "", "20", "T"});
        for (int n = 1; n <= 3; ++n) {
            booked.push_back(book_place(w.services, bu, session.id,
                                        BookingInput{"Person " + std::to_string(n), "p" + std::to_string(n) + "@example.org", ""}));
        }
        w.clock.at = noon(Date{2026, 11, 10});
        take_register(w.services, bu, session.id,
                      {{booked[0].id.str(), "attended"}, {booked[1].id.str(), "no_show"}, {booked[2].id.str(), "attended"}});
        w.clock.at = noon(Date{2026, 11, 18});
    }

    std::vector<MailMessage> outbox() { return list_outbox(w.services, bu, "", PageRequest{PageRequest::max_limit, ""}).items; }
    // The token in the newest request sent to `to` for the stage's words.
    std::string token_for(const std::string& to) {
        for (const auto& m : outbox()) {
            if (m.kind != MailKind::evaluation_request || m.to != to) continue;
            const auto at = m.body.find(kEvaluationPath);
            if (at == std::string::npos) continue;
            const auto start = at + std::string(kEvaluationPath).size();
            return m.body.substr(start, m.body.find('\n', start) - start);
        }
        ADD_FAILURE() << "no request to " << to;
        return "";
    }
    std::size_t evaluations() {
        return list_evaluations(w.services, bu, {}, PageRequest{PageRequest::max_limit, ""}).items.size();
    }
};

}  // namespace

TEST(TrainingEvaluationUseCases, RequestsGoToDelegatesWhoAttendedOnceWithALinkOfTheirOwn) {
    Fixture f;
    const auto sent = send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test");
    EXPECT_EQ(sent.after_session, 2);
    EXPECT_EQ(sent.follow_up, 0) << "the follow-up is not due until 10 February 2027";
    std::set<std::string> to;
    for (const auto& m : f.outbox()) {
        if (m.kind == MailKind::evaluation_request) to.insert(m.to);
    }
    EXPECT_EQ(to, (std::set<std::string>{"p1@example.org", "p3@example.org"})) << "not the delegate who did not attend";
    const std::string token = f.token_for("p1@example.org");
    EXPECT_FALSE(token.empty());
    EXPECT_EQ(f.w.audit_actions().back(), "training_evaluation.request");
    // Sent once: a second press queues nothing more.
    const auto again = send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test");
    EXPECT_EQ(again.after_session, 0);
    const auto opened = open_evaluation(f.w.services, token);
    EXPECT_EQ(opened.booking.name, "Person 1");
    EXPECT_EQ(opened.stage, EvaluationStage::after_session);
    EXPECT_FALSE(opened.answered);
    EXPECT_TRUE(opened.closed.empty());
    EXPECT_EQ(failure_of([&] { open_evaluation(f.w.services, "not-a-token-of-ours"); }), FailureCode::not_found);
    EXPECT_EQ(failure_of([&] { send_evaluation_requests(f.w.services, f.w.as(Role::member), f.session.id, "x"); }),
              FailureCode::forbidden);
}

TEST(TrainingEvaluationUseCases, ADelegateAnswersOnceThroughTheirLinkAndBadAnswersSaveNothing) {
    Fixture f;
    send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test");
    const std::string token = f.token_for("p1@example.org");
    const auto audits = f.w.audit_count();
    EXPECT_EQ(refusal([&] { evaluate_by_token(f.w.services, token, first_stage("6")); }).at(0).field, "outcomes_met");
    EXPECT_EQ(refusal([&] { evaluate_by_token(f.w.services, token, first_stage("")); }).at(0).field, "outcomes_met");
    EXPECT_EQ(f.evaluations(), 0u);
    EXPECT_EQ(f.w.audit_count(), audits) << "nothing saved, nothing audited";
    const Evaluation e = evaluate_by_token(f.w.services, token, first_stage("4", "manager@example.org"));
    EXPECT_EQ(e.scores, (std::array<int, kEvaluationQuestions>{4, 2, 4, 5}));
    EXPECT_EQ(f.w.last_audit().action, "training_evaluation.create");
    EXPECT_NE(f.w.last_audit().actor_label.find("Person 1"), std::string::npos) << "the delegate is named in the trail";
    EXPECT_EQ(failure_of([&] { evaluate_by_token(f.w.services, token, first_stage()); }), FailureCode::conflict) << "once per stage";
    EXPECT_TRUE(open_evaluation(f.w.services, token).answered);
    EXPECT_EQ(f.evaluations(), 1u);
}

TEST(TrainingEvaluationUseCases, OnlyDelegatesWhoAttendedEvaluate) {
    Fixture f;
    const auto no_show = refusal([&] { record_evaluation(f.w.services, f.bu, f.session.id, f.booked[1].id, first_stage()); });
    ASSERT_EQ(no_show.size(), 1u);
    EXPECT_EQ(no_show[0].field, "booking");
    EXPECT_EQ(f.evaluations(), 0u);
    EXPECT_EQ(refusal([&] { record_evaluation(f.w.services, f.bu, f.session.id, f.booked[0].id, EvaluationInput{}); }).at(0).field,
              "stage");
    record_evaluation(f.w.services, f.bu, f.session.id, f.booked[0].id, first_stage());
    EXPECT_EQ(f.evaluations(), 1u);
    // Someone else's booking is not a member's to answer.
    EXPECT_EQ(failure_of([&] { record_evaluation(f.w.services, f.w.as(Role::member), f.session.id, f.booked[2].id, first_stage()); }),
              FailureCode::forbidden);
}

TEST(TrainingEvaluationUseCases, TheFollowUpOpensThreeMonthsOnAndAsksTheManagerToo) {
    Fixture f;
    send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test");
    evaluate_by_token(f.w.services, f.token_for("p1@example.org"), first_stage("5", "manager@example.org"));
    EXPECT_EQ(refusal([&] { record_evaluation(f.w.services, f.bu, f.session.id, f.booked[0].id, follow_up("yes")); }).at(0).field, "stage")
        << "not before 10 February 2027";
    f.w.clock.at = noon(Date{2027, 2, 10});
    const auto sent = send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test");
    EXPECT_EQ(sent.after_session, 0);
    EXPECT_EQ(sent.follow_up, 2);
    const std::string manager_token = f.token_for("manager@example.org");
    const std::string token = f.token_for("p1@example.org");
    EXPECT_EQ(manager_token, token) << "the manager answers with the practitioner";
    EXPECT_EQ(open_evaluation(f.w.services, token).stage, EvaluationStage::follow_up);
    EXPECT_EQ(refusal([&] { evaluate_by_token(f.w.services, token, follow_up("perhaps")); }).at(0).field, "changed_practice");
    evaluate_by_token(f.w.services, token, follow_up("yes"));
    evaluate_by_token(f.w.services, f.token_for("p3@example.org"), follow_up("no"));

    const auto r = session_evaluation_results(f.w.services, f.w.as(Role::member), f.session.id);
    EXPECT_EQ(r.attended, 2);
    EXPECT_EQ(r.after_session, 1);
    EXPECT_EQ(r.after_session_response_percent, 50);
    EXPECT_EQ(r.follow_up, 2);
    EXPECT_EQ(r.changed_percent, 50);
    EXPECT_EQ(r.questions[0].mean_tenths, 50);
    const auto by_course = course_evaluation_results(f.w.services, f.bu, f.course.id);
    EXPECT_EQ(by_course.follow_up_response_percent, 100);
    EXPECT_EQ(failure_of([&] { list_evaluations(f.w.services, f.w.as(Role::member), {}, {}); }), FailureCode::forbidden)
        << "the answers name delegates: the business unit only";
    EXPECT_EQ(list_evaluations(f.w.services, f.bu, {"", f.session.id.str(), "follow_up"}, {}).items.size(), 2u);
    EXPECT_EQ(refusal([&] { list_evaluations(f.w.services, f.bu, {"x", "", "later"}, {}); }).size(), 2u);
}

TEST(TrainingEvaluationUseCases, RequestsWaitForTheSessionsDay) {
    Fixture f;
    f.w.clock.at = noon(Date{2026, 11, 9});
    EXPECT_EQ(refusal([&] { send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test"); }).at(0).field, "session");
}

TEST(TrainingEvaluationUseCases, ACertificateOnlyForADelegateWhoAttended) {
    Fixture f;
    const auto c = certificate_for(f.w.services, f.bu, f.session.id, f.booked[0].id);
    EXPECT_EQ(c.delegate, "Person 1");
    EXPECT_EQ(c.course.title, "Exploring Neglect");
    const auto no_show = refusal([&] { certificate_for(f.w.services, f.bu, f.session.id, f.booked[1].id); });
    ASSERT_EQ(no_show.size(), 1u);
    EXPECT_EQ(no_show[0].field, "booking");
    EXPECT_NE(no_show[0].message.find("Person 2 did not attend"), std::string::npos) << no_show[0].message;
    EXPECT_EQ(failure_of([&] { certificate_for(f.w.services, f.w.as(Role::member), f.session.id, f.booked[0].id); }),
              FailureCode::forbidden);
    send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test");
    EXPECT_EQ(certificate_by_token(f.w.services, f.token_for("p3@example.org")).delegate, "Person 3");
}

TEST(TrainingEvaluationUseCases, ImpactEvidenceIsTheBusinessUnitsAndIsAudited) {
    Fixture f;
    EXPECT_EQ(failure_of([&] { add_impact_evidence(f.w.services, f.w.as(Role::member), f.course.id, {"audit", "/audits/1", "x"}); }),
              FailureCode::forbidden);
    const auto bad = refusal([&] { add_impact_evidence(f.w.services, f.bu, f.course.id, {"survey", "javascript:x", ""}); });
    EXPECT_EQ(bad.size(), 3u);
    EXPECT_TRUE(list_impact_evidence(f.w.services, f.bu, f.course.id).empty());
    add_impact_evidence(f.w.services, f.bu, f.course.id, {"audit", "/audits/1", "Neglect audit: the Graded Care Profile used in 8 of 10 cases"});
    EXPECT_EQ(f.w.audit_actions().back(), "training_impact_evidence.create");
    const auto listed = list_impact_evidence(f.w.services, f.w.as(Role::member), f.course.id);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].source, ImpactSource::audit);
}

namespace {

int requests_in(Fixture& f) {
    int n = 0;
    for (const auto& m : f.outbox()) n += m.kind == MailKind::evaluation_request ? 1 : 0;
    return n;
}

}  // namespace

// The server's daily round: the first stage once the register is taken, the follow-up from its
// due day (the manager too), none for a stage answered, and nothing twice however often it runs.
TEST(TrainingEvaluationUseCases, TheDailyRoundSendsTheRequestsDueOnceWhateverHowOftenItRuns) {
    Fixture f;
    // Person 3's answers came in on paper: no request for that stage.
    record_evaluation(f.w.services, f.bu, f.session.id, f.booked[2].id, first_stage("3"));
    const auto sent = queue_due_evaluation_requests(f.w.services, Date{2026, 11, 18}, "https://assure.test");
    EXPECT_EQ(sent.after_session, 1);
    EXPECT_EQ(sent.follow_up, 0);
    EXPECT_EQ(requests_in(f), 1);
    const std::string token = f.token_for("p1@example.org");
    EXPECT_EQ(open_evaluation(f.w.services, token).booking.name, "Person 1");
    EXPECT_EQ(f.w.last_audit().action, "training_evaluation.request");
    EXPECT_EQ(f.w.last_audit().actor_label, "system") << "sent by the server, not a person";
    const auto again = queue_due_evaluation_requests(f.w.services, Date{2026, 11, 18}, "https://assure.test");
    EXPECT_EQ(again.after_session + again.follow_up, 0);
    EXPECT_EQ(requests_in(f), 1) << "a second run sends nothing twice";
    // The button afterwards finds nothing left to send either.
    EXPECT_EQ(send_evaluation_requests(f.w.services, f.bu, f.session.id, "https://assure.test").after_session, 0);

    evaluate_by_token(f.w.services, token, first_stage("5", "manager@example.org"));
    f.w.clock.at = noon(Date{2027, 2, 9});
    EXPECT_EQ(queue_due_evaluation_requests(f.w.services, Date{2027, 2, 9}, "https://assure.test").follow_up, 0) << "not due yet";
    f.w.clock.at = noon(Date{2027, 2, 12});
    const auto follow = queue_due_evaluation_requests(f.w.services, Date{2027, 2, 12}, "https://assure.test");
    EXPECT_EQ(follow.follow_up, 2);
    EXPECT_EQ(follow.after_session, 0);
    EXPECT_EQ(requests_in(f), 4) << "Person 1, their manager and Person 3";
    EXPECT_EQ(f.token_for("manager@example.org"), f.token_for("p1@example.org"));
    EXPECT_EQ(queue_due_evaluation_requests(f.w.services, Date{2027, 2, 13}, "https://assure.test").follow_up, 0);
    EXPECT_EQ(requests_in(f), 4);
}

TEST(TrainingEvaluationUseCases, TheDailyRoundWaitsForTheRegisterAndLeavesOldSessionsToTheButton) {
    Fixture f;
    f.w.clock.at = noon(Date{2026, 11, 1});
    const auto later = add_session(f.w.services, f.bu, SessionInput{f.course.id.str(), "2026-11-20", "09:30", "12:30", "Kirkby", "", "20", "T"});
    const auto b = book_place(f.w.services, f.bu, later.id, BookingInput{"Person 4", "p4@example.org", ""});
    f.w.clock.at = noon(Date{2026, 11, 20});
    // The register of the 20 November session is not taken yet: only the 10 November session's delegates.
    EXPECT_EQ(queue_due_evaluation_requests(f.w.services, Date{2026, 11, 20}, "https://assure.test").after_session, 2);
    take_register(f.w.services, f.bu, later.id, {{b.id.str(), "attended"}});
    EXPECT_EQ(queue_due_evaluation_requests(f.w.services, Date{2026, 11, 21}, "https://assure.test").after_session, 1)
        << "once the register says they attended";

    Fixture old;
    old.w.clock.at = noon(Date{2026, 11, 25});
    EXPECT_EQ(queue_due_evaluation_requests(old.w.services, Date{2026, 11, 25}, "https://assure.test").after_session, 0)
        << "15 days after the session: left to the business unit's button";
    EXPECT_EQ(send_evaluation_requests(old.w.services, old.bu, old.session.id, "https://assure.test").after_session, 2);
}

// The yearly report's evaluation: the year's sessions, each course's results and the total from
// the summed counts.
TEST(TrainingEvaluationUseCases, TheYearsEvaluationIsWorkedOutFromTheYearsAnswers) {
    Fixture f;
    f.w.clock.at = noon(Date{2026, 11, 1});
    const Course other = add_course(f.w.services, f.bu, CourseInput{"Compromised Care", "multi_agency_core", "Recognise", "Everyone", "180", {}});
    const auto t = add_session(f.w.services, f.bu, SessionInput{other.id.str(), "2026-11-12", "09:30", "12:30", "Kirkby", "", "20", "T"});
    std::vector<AttendanceMark> marks;
    std::vector<BookingId> ids;
    for (int n = 4; n <= 7; ++n) {
        const auto b = book_place(f.w.services, f.bu, t.id, BookingInput{"Person " + std::to_string(n), "p" + std::to_string(n) + "@example.org", ""});
        marks.push_back({b.id.str(), "attended"});
        ids.push_back(b.id);
    }
    f.w.clock.at = noon(Date{2026, 11, 12});
    take_register(f.w.services, f.bu, t.id, marks);
    f.w.clock.at = noon(Date{2026, 11, 18});
    record_evaluation(f.w.services, f.bu, f.session.id, f.booked[0].id, first_stage("5"));  // Exploring Neglect: 1 of 2, scores 5
    for (const auto& id : ids) record_evaluation(f.w.services, f.bu, t.id, id, first_stage("2"));  // Compromised Care: 4 of 4, scores 2

    const YearEvaluation y = year_evaluation(f.w.services, f.w.as(Role::member), FinancialYear{2026});
    ASSERT_EQ(y.courses.size(), 2u);
    EXPECT_EQ(y.courses[0].title, "Compromised Care") << "by title";
    EXPECT_EQ(y.courses[0].results.questions[0].mean_tenths, 20);
    EXPECT_EQ(y.courses[1].results.questions[0].mean_tenths, 50);
    EXPECT_EQ(y.total.attended, 6);
    EXPECT_EQ(y.total.after_session, 5);
    EXPECT_EQ(y.total.after_session_response_percent, 83);
    EXPECT_EQ(y.total.questions[0].mean_tenths, 26) << "(5 + 2 x 4) / 5 = 2.6, not the mean of the courses' 3.5";
    const YearEvaluation before = year_evaluation(f.w.services, f.bu, FinancialYear{2025});
    EXPECT_TRUE(before.courses.empty());
    EXPECT_EQ(before.total.attended, 0);
    EXPECT_FALSE(before.total.after_session_response_percent.has_value());
}

// A delegate with an account sees the requests sent to them and not answered, and answers on
// the signed-in form of their own booking; no one else's.
TEST(TrainingEvaluationUseCases, ADelegateSignedInSeesTheEvaluationsWaitingForThem) {
    Fixture f;
    const Actor p1 = f.w.add_user(f.w.add_person(Person{PersonId{}, f.w.partnership, "Person 1", "Social worker", AgencyId{}, "P1@example.org"}),
                                  Role::member);
    EXPECT_TRUE(my_waiting_evaluations(f.w.services, p1).empty()) << "nothing asked yet";
    queue_due_evaluation_requests(f.w.services, Date{2026, 11, 18}, "https://assure.test");
    const auto waiting = my_waiting_evaluations(f.w.services, p1);
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].booking, f.booked[0].id);
    EXPECT_EQ(waiting[0].session, f.session.id);
    EXPECT_EQ(waiting[0].course_title, "Exploring Neglect");
    EXPECT_EQ(waiting[0].on, (Date{2026, 11, 10}));
    EXPECT_EQ(waiting[0].stage, EvaluationStage::after_session);
    EXPECT_EQ(evaluation_answer_href(waiting[0].session, waiting[0].booking, waiting[0].stage),
              "/training/sessions/" + f.session.id.str() + "/bookings/" + f.booked[0].id.str() + "/evaluation/after_session");
    EXPECT_TRUE(my_waiting_evaluations(f.w.services, f.w.as(Role::member)).empty()) << "another person's requests are not theirs";

    const auto opened = open_own_evaluation(f.w.services, p1, f.session.id, f.booked[0].id, "after_session");
    EXPECT_FALSE(opened.answered);
    EXPECT_TRUE(opened.closed.empty());
    EXPECT_EQ(failure_of([&] { open_own_evaluation(f.w.services, p1, f.session.id, f.booked[2].id, "after_session"); }),
              FailureCode::forbidden);
    EXPECT_EQ(failure_of([&] { open_own_evaluation(f.w.services, p1, f.session.id, f.booked[0].id, "later"); }), FailureCode::not_found);
    EXPECT_FALSE(open_own_evaluation(f.w.services, p1, f.session.id, f.booked[0].id, "follow_up").closed.empty()) << "not open yet";
    record_evaluation(f.w.services, p1, f.session.id, f.booked[0].id, first_stage());
    EXPECT_TRUE(my_waiting_evaluations(f.w.services, p1).empty()) << "answered: no longer waiting";
    EXPECT_TRUE(open_own_evaluation(f.w.services, p1, f.session.id, f.booked[0].id, "after_session").answered);
}
