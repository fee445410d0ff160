#pragma once
// The year's training by sector, quarter and trainer, over sql::Connection
// (app/ports/training_breakdown.hpp).
#include "app/ports/training_breakdown.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlTrainingBreakdown final : public TrainingBreakdownRepo {
public:
    explicit SqlTrainingBreakdown(Connection& db) : db_(db) {}
    TrainingBreakdownCounts breakdown(PartnershipId partnership, FinancialYear year) override;
    std::vector<TrainerCount> trainer_counts(PartnershipId partnership, FinancialYear year, Date today) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
