#pragma once
// Ports: training's evaluations (docs/decisions/0030-training-evaluation.md). A side interface
// of the SQL store's transaction, asked for by app/training/evaluations.cpp, as for documents
// and search: the evaluation stages reach no other area's code.
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/training_evaluation.hpp"

namespace assure {

// Order: id (the order they were given in).
struct EvaluationQuery {
    PartnershipId partnership;
    std::optional<CourseId> course;
    std::optional<TrainingSessionId> session;
    std::optional<EvaluationStage> stage;
    PageRequest page;
};

// A request sent by email: the booking and stage it asks about; the token itself is never kept,
// only its digest.
struct EvaluationRequest {
    PartnershipId partnership;
    BookingId booking;
    EvaluationStage stage = EvaluationStage::after_session;
    Instant sent_at = 0;
};

// A course's counts over the sessions held in a period (the yearly report's lines).
struct CourseEvaluationCounts {
    CourseId course;
    std::string title;
    EvaluationCounts counts;
};

// A request sent to a delegate and not yet answered: what their "My work" shows them.
struct WaitingEvaluation {
    BookingId booking;
    TrainingSessionId session;
    std::string course_title;
    Date on;  // the session's day
    EvaluationStage stage = EvaluationStage::after_session;
    Instant sent_at = 0;
};

struct TrainingEvaluationRepo {
    virtual ~TrainingEvaluationRepo() = default;

    virtual Page<Evaluation> evaluations(const EvaluationQuery& query) = 0;
    virtual std::optional<Evaluation> find_evaluation(PartnershipId partnership, BookingId booking, EvaluationStage stage) = 0;
    virtual EvaluationId insert_evaluation(const Evaluation& e) = 0;

    // Counted in SQL: the attended delegates of a course or a session (one of the two is given)
    // and the evaluations of those delegates.
    virtual EvaluationCounts count_evaluations(PartnershipId partnership, std::optional<CourseId> course,
                                               std::optional<TrainingSessionId> session) = 0;

    // The same counts by course, for the sessions dated from..to; courses with no delegate who
    // attended are left out. Order: lower(title), then id.
    virtual std::vector<CourseEvaluationCounts> count_by_course(PartnershipId partnership, Date from, Date to) = 0;

    // The requests sent to this email (lower case) whose stage has no answer yet, for bookings
    // still recorded as attended; soonest session first, at most 100.
    virtual std::vector<WaitingEvaluation> waiting_for(PartnershipId partnership, const std::string& email) = 0;

    // Whether a request for this booking and stage was sent already.
    virtual bool request_sent(BookingId booking, EvaluationStage stage) = 0;
    virtual void insert_request(const EvaluationRequest& r, const std::string& token_digest) = 0;
    // The request a token's digest names; none for a digest no request has.
    virtual std::optional<EvaluationRequest> find_request(const std::string& token_digest) = 0;
    // The session's attended bookings, in the order they arrived.
    virtual std::vector<Booking> attended(PartnershipId partnership, TrainingSessionId session) = 0;

    virtual std::vector<ImpactEvidence> impact_evidence(PartnershipId partnership, CourseId course) = 0;
    virtual ImpactEvidenceId insert_impact_evidence(const ImpactEvidence& e) = 0;
};

struct TrainingEvaluationTransaction {
    virtual ~TrainingEvaluationTransaction() = default;
    virtual TrainingEvaluationRepo& training_evaluations() = 0;
};

}  // namespace assure
