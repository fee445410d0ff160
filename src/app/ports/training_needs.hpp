#pragma once
// Port: training needs analyses and the agencies' returns to them (issue 16 item 5). A side
// interface of the SQL store's transaction, so that the widely included Transaction is unchanged.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/training_needs.hpp"

namespace assure {

struct NeedsRepo {
    virtual ~NeedsRepo() = default;
    // Every analysis of the partnership, newest opening first, each with its topics and the
    // agencies asked: one comes every two years.
    virtual std::vector<NeedsAnalysis> list(PartnershipId partnership) = 0;
    virtual std::optional<NeedsAnalysis> find(PartnershipId partnership, NeedsAnalysisId id) = 0;
    // Adds the analysis with its topics and a return not started for each agency asked;
    // nullopt when the partnership has one of that title already.
    virtual std::optional<NeedsAnalysisId> add(const NeedsAnalysis& a) = 0;
    // Changes the title and dates of an analysis whose version is `expected_version`, raising it;
    // false when stale or the title is another analysis's.
    virtual bool save(const NeedsAnalysis& a, int expected_version) = 0;

    // Every return of the analysis with its agency's name and its answers, in no set order.
    virtual std::vector<NeedsReturn> returns(PartnershipId partnership, NeedsAnalysisId analysis) = 0;
    // One agency's return; nullopt when the agency was not asked. Not locked: a save is refused
    // by its version when another came first.
    virtual std::optional<NeedsReturn> find_return(PartnershipId partnership, NeedsAnalysisId analysis, AgencyId agency) = 0;
    // The returns submitted to each of the partnership's analyses, in one statement.
    virtual std::map<NeedsAnalysisId, int> submitted_counts(PartnershipId partnership) = 0;
    // Replaces the return's answers when its version is `expected_version`, raising it; the
    // person submitting is kept with a submitted return. False when stale.
    virtual bool save_return(PartnershipId partnership, const NeedsReturn& r, int expected_version, UserId by) = 0;

    // The places on each course's sessions held from `from` to `to` inclusive, for the courses
    // that have any.
    virtual std::vector<std::pair<CourseId, int>> places_planned(PartnershipId partnership, Date from, Date to) = 0;
};

struct NeedsTransaction {
    virtual ~NeedsTransaction() = default;
    virtual NeedsRepo& training_needs() = 0;
};

}  // namespace assure
