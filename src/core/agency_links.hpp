#pragma once
// Links between agency records of different partnerships on one server (issue 14, item 2;
// docs/decisions/0024). An organisation that works with several partnerships has an agency
// record in each; a Section 11 or 175 return is shared only along an accepted link between two
// of them, never because two records carry the same organisation code (which either
// partnership types itself).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/partnership.hpp"

namespace assure {

enum class AgencyLinkStatus { proposed, accepted };

std::string_view agency_link_status_key(AgencyLinkStatus status);
std::optional<AgencyLinkStatus> parse_agency_link_status(std::string_view key);

// One link. `from` proposed it (or an administrator of the server set it); `to` accepted it,
// choosing which of its agencies is the same organisation. A proposal names no agency there.
struct AgencyLink {
    std::int64_t id = 0;
    PartnershipId from_partnership;
    AgencyId from_agency;
    PartnershipId to_partnership;
    AgencyId to_agency;  // not valid() while proposed
    AgencyLinkStatus status = AgencyLinkStatus::proposed;
    Instant proposed_at = 0;
    std::string proposed_by;  // the actor's label, as the audit trail has it
    Instant accepted_at = 0;  // 0 while proposed
    std::string accepted_by;
    int version = 1;

    // Shares returns only when both sides agreed (or an administrator of the server set it).
    [[nodiscard]] bool shares() const { return status == AgencyLinkStatus::accepted; }
    [[nodiscard]] bool involves(PartnershipId p) const { return from_partnership == p || to_partnership == p; }
    // The agency of this partnership's side (not valid() for the receiver of a proposal).
    [[nodiscard]] AgencyId agency_of(PartnershipId p) const { return p == from_partnership ? from_agency : to_agency; }
    [[nodiscard]] PartnershipId other_partnership(PartnershipId p) const {
        return p == from_partnership ? to_partnership : from_partnership;
    }
};

// A proposal from `ours` to another partnership. Field errors name "agency_id" and "partnership".
FieldErrors validate_link_proposal(const std::optional<Agency>& ours, PartnershipId proposer,
                                   const std::optional<Partnership>& there);

// Accepting `link` as `acceptor` with its agency `theirs`. Only the partnership a proposal was
// made to accepts it, and only while it is proposed; the agency must be its own and active.
FieldErrors validate_link_acceptance(const AgencyLink& link, PartnershipId acceptor, const std::optional<Agency>& theirs);

}  // namespace assure
