#pragma once
// Ports: serious incident cases, their events and recommendations.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/reviews.hpp"
#include "core/reviews_timeliness.hpp"
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

// Who is asking, for need-to-know. The rule is core's (case_reach, Conflict::excludes); the store
// applies it in SQL to the panel, the declared interests and the commissioned reviewer it keeps.
struct CaseReader {
    UserId user;
    CaseReach reach = CaseReach::own_cases;
};

// The questions the lists of cases ask. Order: became aware, newest first, then newest id.
struct CaseQuery {
    PartnershipId partnership;
    std::optional<CaseReader> visible_to;  // none: every case of the partnership (the system's own work)
    bool open_only = false;                // not closed
    std::optional<Stage> stage;
    std::optional<Date> overdue_on;        // only cases whose next statutory date was before this day
    std::string reference_text;            // part of the reference, any case
    PageRequest page;
};

// Figures over the cases a query selects (its page ignored).
struct CaseCounts {
    int total = 0;
    int open = 0;
    int overdue = 0;               // as of the day asked
    int decided = 0;               // rapid reviews decided
    int became_local_reviews = 0;  // of those, decided on a local practice review
};

struct CaseRepo {
    virtual ~CaseRepo() = default;
    // Cases come back with their events, panel and declared interests; children carry
    // pseudonyms only, the identifiable details stay in Case::sealed_identities for the use case
    // to open when allowed.
    virtual Page<Case> list(const CaseQuery& query) = 0;
    virtual CaseCounts counts(const CaseQuery& query, Date today) = 0;
    // The two statutory clocks' outcomes on `today` (core/reviews_timeliness.hpp) over the cases
    // the query selects (its page ignored), a row per financial year that has any, oldest first.
    virtual std::vector<TimelinessYear> timeliness(const CaseQuery& query, Date today) = 0;
    virtual std::optional<Case> find(PartnershipId partnership, CaseId id) = 0;
    // `standing` is core's standing_of(c): the store keeps it for the lists to filter on.
    virtual CaseId insert(const Case& c, const CaseStanding& standing) = 0;
    // Writes the record (not its events) if the stored version still equals c.version.
    virtual bool update(const Case& c, const CaseStanding& standing) = 0;
    virtual void append_event(CaseId id, const CaseEvent& e) = 0;
    // Every case of the partnership, for numbering references.
    virtual int count(PartnershipId partnership) = 0;
    // Cases written before their standing was stored (an upgraded database), at most `limit`,
    // and the standing worked out for one of them. See settle_case_standings.
    virtual std::vector<Case> unsettled(int limit) = 0;
    virtual void settle(const Case& c, const CaseStanding& standing) = 0;
    virtual std::vector<Recommendation> recommendations(PartnershipId partnership, CaseId id) = 0;
    virtual RecommendationId add_recommendation(const Recommendation& r) = 0;
};

}  // namespace assure
