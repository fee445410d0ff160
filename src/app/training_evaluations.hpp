#pragma once
// Use cases of training's evaluation in three stages (docs/decisions/0030-training-evaluation.md):
// requests sent by email with a link of the delegate's own, answers given through that link
// (no account needed), by the delegate signed in, or recorded by the business unit; results per
// course and per session; impact evidence; and the certificate of a delegate who attended.
#include <array>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/ports/training_evaluations.hpp"
#include "core/training_evaluation.hpp"

namespace assure {

// What a person typed, as text: read by core's parsers and named in its errors.
struct EvaluationInput {
    std::string stage;  // "after_session" or "follow_up"; a tokened link gives its own
    std::array<std::string, kEvaluationQuestions> scores;  // in EvaluationQuestion's order
    std::string do_differently, manager_email;
    std::string changed_practice;  // "yes" or "no"
    std::string practice_change, manager_view;
};
struct EvaluationFilter {
    std::string course_id, session_id, stage;  // "" for all
};
struct ImpactInput {
    std::string source, link, note;
};

// The business unit records a delegate's evaluation (a paper form, the API), or a delegate
// signed in records their own (the booking's email is their account's). Only delegates who
// attended, once per stage; scores 1-5.
Evaluation record_evaluation(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking, const EvaluationInput& input);
// The evaluations (with the delegates' names and answers): the business unit only.
Page<Evaluation> list_evaluations(Services& s, const Actor& actor, const EvaluationFilter& filter, const PageRequest& page);
// Results counted from the evaluations; anyone who sees training reads them (no names).
EvaluationResults course_evaluation_results(Services& s, const Actor& actor, CourseId course);
EvaluationResults session_evaluation_results(Services& s, const Actor& actor, TrainingSessionId session);

// Sends each attended delegate of the session, by the mail queue, the requests now due that
// they have not been sent: the first stage from the session's day, the follow-up from its due
// day (to the delegate, and to the manager they named); none for a stage already answered.
// `site` is the address the links start
// with ("https://assure.example.org"). Answers how many of each were queued.
struct SentRequests {
    int after_session = 0;
    int follow_up = 0;
};
SentRequests send_evaluation_requests(Services& s, const Actor& actor, TrainingSessionId session, const std::string& site);
inline constexpr const char* kEvaluationPath = "/training/evaluate/";

// The server's daily job: for every partnership, each attended delegate of a session is sent
// by itself the request core's requests_due_by_job names for today (the first stage once the
// register says they attended, the follow-up from its due day, to their manager too), by the
// same rules as the button: once per booking and stage, and none for a stage answered. Running
// it twice, or on two servers, sends nothing twice. Audited as the partnership's system.
SentRequests queue_due_evaluation_requests(Services& s, Date today, const std::string& site);

// The year's evaluation for the yearly report: the sessions held in the year, each course's
// results and the total, all worked out in core from counts the store adds up (the total from
// the summed counts, never a mean of the courses' means). Anyone who sees training reads it.
struct CourseEvaluationResults {
    CourseId course;
    std::string title;
    EvaluationResults results;
};
struct YearEvaluation {
    EvaluationResults total;
    std::vector<CourseEvaluationResults> courses;
};
YearEvaluation year_evaluation(Services& s, const Actor& actor, FinancialYear year);

// The evaluations waiting for the signed-in person: requests sent to their account's email
// and not answered yet, each answered on the page evaluation_answer_href names.
std::vector<WaitingEvaluation> my_waiting_evaluations(Services& s, const Actor& actor);
std::string evaluation_answer_href(TrainingSessionId session, BookingId booking, EvaluationStage stage);

// What a tokened link opens: the session, the delegate and the stage; whether it was answered.
// not_found for a token no request has.
struct EvaluationInvitation {
    std::string partnership_name;
    TrainingSession session;
    Booking booking;
    EvaluationStage stage = EvaluationStage::after_session;
    bool answered = false;
    FieldErrors closed;  // why it cannot be answered now (not yet open), if so
};
EvaluationInvitation open_evaluation(Services& s, const std::string& token);
Evaluation evaluate_by_token(Services& s, const std::string& token, const EvaluationInput& input);
// What the signed-in form of one's own booking shows (the business unit may open anyone's):
// as open_evaluation, for the stage named ("after_session" or "follow_up").
EvaluationInvitation open_own_evaluation(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking,
                                         const std::string& stage);

ImpactEvidence add_impact_evidence(Services& s, const Actor& actor, CourseId course, const ImpactInput& input);
std::vector<ImpactEvidence> list_impact_evidence(Services& s, const Actor& actor, CourseId course);

// A certificate of attendance: the business unit's for any delegate, a delegate's own (signed
// in, by email, or through their evaluation link). Refused, naming "booking", for anyone who
// did not attend.
struct Certificate {
    std::string partnership_name;
    std::string delegate;
    Course course;
    TrainingSession session;
};
Certificate certificate_for(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking);
Certificate certificate_by_token(Services& s, const std::string& token);

std::string evaluation_audit_json(const Evaluation& e);

}  // namespace assure
