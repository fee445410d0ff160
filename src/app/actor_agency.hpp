#pragma once
// The agency a person speaks for: an agency's safeguarding lead or a statutory partner's lead
// answers for the agency their directory entry works for. Read in the caller's transaction.
#include <optional>

#include "app/context.hpp"

namespace assure {

// None for any other role, or a lead whose directory entry names no agency.
std::optional<AgencyId> agency_spoken_for(Transaction& tx, const Actor& actor);

}  // namespace assure
