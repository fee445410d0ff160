#pragma once
// Ports: serious incident cases, their events and recommendations.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/reviews.hpp"
#include "app/paging.hpp"

namespace assure {

// A review's recommendation, to be turned into actions by the learning area.
struct Recommendation {
    RecommendationId id;
    CaseId case_id;
    PartnershipId partnership;
    int number = 0;
    std::string text;
    std::vector<AgencyId> agencies;
    std::string theme;  // the partnership priority it serves, e.g. "Neglect"
    int version = 1;
};

struct CaseRepo {
    virtual ~CaseRepo() = default;
    // Cases come back with their events; children carry pseudonyms only, the identifiable
    // details stay in Case::sealed_identities for the use case to open when allowed.
    virtual std::vector<Case> list(PartnershipId partnership) = 0;
    virtual std::optional<Case> find(PartnershipId partnership, CaseId id) = 0;
    virtual CaseId insert(const Case& c) = 0;
    // Writes the record (not its events) if the stored version still equals c.version.
    virtual bool update(const Case& c) = 0;
    virtual void append_event(CaseId id, const CaseEvent& e) = 0;
    virtual int count(PartnershipId partnership) = 0;
    virtual std::vector<Recommendation> recommendations(PartnershipId partnership, CaseId id) = 0;
    virtual RecommendationId add_recommendation(const Recommendation& r) = 0;
};

}  // namespace assure
