#pragma once
// Ports: learning and improvement.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/learning.hpp"
#include "app/paging.hpp"

namespace assure {

// Learning sources, improvement actions, Section 11/175 cycles and returns, briefings.
struct LearningRepo {
    virtual ~LearningRepo() = default;
    virtual std::vector<LearningSource> sources(PartnershipId partnership) = 0;
    virtual std::optional<LearningSource> find_source(PartnershipId partnership, LearningSourceId id) = 0;
    virtual LearningSourceId insert_source(const LearningSource& s) = 0;
    virtual bool update_source(const LearningSource& s) = 0;  // optimistic on s.version

    virtual std::vector<ImprovementAction> improvements(PartnershipId partnership) = 0;
    virtual std::optional<ImprovementAction> find_improvement(PartnershipId partnership, ImprovementId id) = 0;
    virtual ImprovementId insert_improvement(const ImprovementAction& a) = 0;
    virtual bool update_improvement(const ImprovementAction& a) = 0;

    virtual std::vector<AuditCycle> cycles(PartnershipId partnership) = 0;
    virtual std::optional<AuditCycle> find_cycle(PartnershipId partnership, AuditCycleId id) = 0;
    virtual AuditCycleId insert_cycle(const AuditCycle& c) = 0;
    virtual bool update_cycle(const AuditCycle& c) = 0;

    virtual std::vector<AuditReturn> returns(PartnershipId partnership) = 0;
    virtual std::optional<AuditReturn> find_return(PartnershipId partnership, AuditReturnId id) = 0;
    virtual AuditReturnId insert_return(const AuditReturn& r) = 0;
    virtual bool update_return(const AuditReturn& r) = 0;

    virtual std::vector<Briefing> briefings(PartnershipId partnership) = 0;
    virtual BriefingId insert_briefing(const Briefing& b) = 0;
};

}  // namespace assure
