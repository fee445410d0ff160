#pragma once
// Ports: partnerships, their agencies and people.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/partnership.hpp"
#include "app/paging.hpp"

namespace assure {

struct PersonFilter {
    std::optional<AgencyId> agency;
    bool include_inactive = false;
};

struct PartnershipRepo {
    virtual ~PartnershipRepo() = default;
    virtual std::optional<Partnership> find(PartnershipId id) = 0;
    virtual std::optional<Partnership> find_by_slug(const std::string& slug) = 0;
    virtual std::vector<Partnership> list() = 0;
    virtual PartnershipId insert(const Partnership& p) = 0;
};

struct AgencyRepo {
    virtual ~AgencyRepo() = default;
    virtual std::vector<Agency> list(PartnershipId partnership, bool include_inactive) = 0;
    virtual std::optional<Agency> find(PartnershipId partnership, AgencyId id) = 0;
    // The active agencies, in every partnership on this server, of the organisation with this code.
    virtual std::vector<Agency> with_organisation(const std::string& code) = 0;
    virtual AgencyId insert(const Agency& agency) = 0;
    // Writes `agency` only if the stored version still equals agency.version, then bumps it.
    // Returns false (and writes nothing) for a stale version.
    virtual bool update(const Agency& agency) = 0;
};

struct PersonRepo {
    virtual ~PersonRepo() = default;
    virtual std::vector<Person> list(PartnershipId partnership, const PersonFilter& filter) = 0;
    virtual std::optional<Person> find(PartnershipId partnership, PersonId id) = 0;
    virtual std::optional<Person> find_by_email(PartnershipId partnership, const std::string& email) = 0;
    virtual PersonId insert(const Person& person) = 0;
    virtual bool update(const Person& person) = 0;  // optimistic, as AgencyRepo::update
};

}  // namespace assure
