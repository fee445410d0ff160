// The year's training by sector, quarter and trainer, over the store's side interface.
#include "app/ports/training_breakdown.hpp"
#include "app/training_breakdown.hpp"

namespace assure {

TrainingYearDetail training_year_detail(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_training);
    TrainingBreakdownCounts counts;
    std::vector<TrainerCount> trainers;
    s.store.read([&](Transaction& tx) {
        auto* with = dynamic_cast<TrainingBreakdownTransaction*>(&tx);
        if (with == nullptr) throw Failure(FailureCode::unavailable, "Training figures are not kept by this store", {}, "no TrainingBreakdownTransaction");
        counts = with->training_breakdown().breakdown(actor.partnership, year);
        trainers = with->training_breakdown().trainer_counts(actor.partnership, year, london_today(s));
    });
    return {training_breakdown(year, counts), training_pool(trainers)};
}

}  // namespace assure
