#pragma once
// Port: the register of schools, colleges and early years settings, and the rounds of school
// audits (issue 20 item 3). A side interface of the SQL store's transaction, as chronologies
// and agencies' statements are, so that the widely included Transaction is unchanged.
#include <optional>
#include <string>
#include <vector>

#include "core/schools.hpp"

namespace assure {

struct SchoolRepo {
    virtual ~SchoolRepo() = default;
    // The register with each setting's agency name and state and its lead's name and email, by name.
    virtual std::vector<School> list(PartnershipId partnership) = 0;
    virtual std::optional<School> find(PartnershipId partnership, AgencyId agency) = 0;
    virtual std::optional<School> find_by_urn(PartnershipId partnership, const std::string& urn) = 0;
    // Stores `s`, its version one more than `expected_version`: a new row when that is 0. False
    // when the row is not at `expected_version`, or (new) the agency or the URN is there already.
    virtual bool save(const School& s, int expected_version) = 0;

    virtual void add_round(PartnershipId partnership, const SchoolRound& round) = 0;
    virtual std::optional<SchoolRound> round(PartnershipId partnership, AuditCycleId cycle) = 0;
};

struct SchoolTransaction {
    virtual ~SchoolTransaction() = default;
    virtual SchoolRepo& schools() = 0;
};

}  // namespace assure
