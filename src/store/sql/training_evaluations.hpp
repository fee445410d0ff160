#pragma once
// Training's evaluations over sql::Connection (see app/ports/training_evaluations.hpp's
// TrainingEvaluationTransaction).
#include "app/ports/training_evaluations.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlTrainingEvaluations final : public TrainingEvaluationRepo {
public:
    explicit SqlTrainingEvaluations(Connection& db) : db_(db) {}

    Page<Evaluation> evaluations(const EvaluationQuery& query) override;
    std::optional<Evaluation> find_evaluation(PartnershipId partnership, BookingId booking, EvaluationStage stage) override;
    EvaluationId insert_evaluation(const Evaluation& e) override;
    EvaluationCounts count_evaluations(PartnershipId partnership, std::optional<CourseId> course,
                                       std::optional<TrainingSessionId> session) override;
    std::vector<CourseEvaluationCounts> count_by_course(PartnershipId partnership, Date from, Date to) override;
    std::vector<WaitingEvaluation> waiting_for(PartnershipId partnership, const std::string& email) override;
    bool request_sent(BookingId booking, EvaluationStage stage) override;
    void insert_request(const EvaluationRequest& r, const std::string& token_digest) override;
    std::optional<EvaluationRequest> find_request(const std::string& token_digest) override;
    std::vector<Booking> attended(PartnershipId partnership, TrainingSessionId session) override;
    std::vector<ImpactEvidence> impact_evidence(PartnershipId partnership, CourseId course) override;
    ImpactEvidenceId insert_impact_evidence(const ImpactEvidence& e) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
