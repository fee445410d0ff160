#pragma once
// Strong identifier types: an AgencyId cannot be passed where a PersonId is wanted.
#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace assure {

template <class Tag>
struct Id {
    std::int64_t value = 0;
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    [[nodiscard]] constexpr bool valid() const { return value > 0; }
    [[nodiscard]] std::string str() const { return std::to_string(value); }
    auto operator<=>(const Id&) const = default;
};

using PartnershipId = Id<struct PartnershipTag>;
using AgencyId = Id<struct AgencyTag>;
using PersonId = Id<struct PersonTag>;
using UserId = Id<struct UserTag>;
using CaseId = Id<struct CaseTag>;
using RecommendationId = Id<struct RecommendationTag>;
using GroupId = Id<struct GroupTag>;
using MembershipId = Id<struct MembershipTag>;
using MeetingId = Id<struct MeetingTag>;
using ActionId = Id<struct ActionTag>;
using InterestId = Id<struct InterestTag>;
using LearningSourceId = Id<struct LearningSourceTag>;
using ImprovementId = Id<struct ImprovementTag>;
using AuditCycleId = Id<struct AuditCycleTag>;
using AuditReturnId = Id<struct AuditReturnTag>;
using BriefingId = Id<struct BriefingTag>;

}  // namespace assure

template <class Tag>
struct std::hash<assure::Id<Tag>> {
    std::size_t operator()(const assure::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
