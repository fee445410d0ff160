#pragma once
// Training needs analyses and agencies' returns, over sql::Connection (app/ports/training_needs.hpp).
#include "app/ports/training_needs.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlNeeds final : public NeedsRepo {
public:
    explicit SqlNeeds(Connection& db) : db_(db) {}
    std::vector<NeedsAnalysis> list(PartnershipId partnership) override;
    std::optional<NeedsAnalysis> find(PartnershipId partnership, NeedsAnalysisId id) override;
    std::optional<NeedsAnalysisId> add(const NeedsAnalysis& a) override;
    bool save(const NeedsAnalysis& a, int expected_version) override;
    std::vector<NeedsReturn> returns(PartnershipId partnership, NeedsAnalysisId analysis) override;
    std::optional<NeedsReturn> find_return(PartnershipId partnership, NeedsAnalysisId analysis, AgencyId agency) override;
    std::map<NeedsAnalysisId, int> submitted_counts(PartnershipId partnership) override;
    bool save_return(PartnershipId partnership, const NeedsReturn& r, int expected_version, UserId by) override;
    std::vector<std::pair<CourseId, int>> places_planned(PartnershipId partnership, Date from, Date to) override;

private:
    // Fills each analysis's topics and agencies asked: two statements for any number of them.
    void fill(PartnershipId partnership, std::vector<NeedsAnalysis>& analyses, NeedsAnalysisId only);
    Connection& db_;
};

}  // namespace assure::sql
