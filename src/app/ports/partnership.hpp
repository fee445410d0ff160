#pragma once
// Ports: partnerships, their agencies and people.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/agency_links.hpp"
#include "core/partnership.hpp"
#include "core/settings.hpp"
#include "app/paging.hpp"

namespace assure {

// The agencies a list shows, ordered by name (case-insensitively) then id.
struct AgencyQuery {
    PartnershipId partnership;
    std::optional<AgencyKind> kind;  // nullopt: either kind
    std::optional<bool> active;      // true: active only; false: deactivated only; nullopt: both
    std::string text;                // "" or part of the name, matched as typed (case-insensitively)
    PageRequest page;
};

// The people a list shows, ordered by name (case-insensitively) then id.
struct PersonQuery {
    PartnershipId partnership;
    std::optional<AgencyId> agency;  // nullopt: any agency or none
    std::optional<bool> active;      // as AgencyQuery::active
    std::string text;                // "" or part of the name, email or job title
    PageRequest page;
};

// Every person of one partnership, for a form's select box and for counts inside a transaction.
// Lists that people read use PersonQuery; labels for a page use PersonRepo::names.
struct PersonFilter {
    std::optional<AgencyId> agency;
    bool include_inactive = false;
};

struct PartnershipRepo {
    virtual ~PartnershipRepo() = default;
    virtual std::optional<Partnership> find(PartnershipId id) = 0;
    virtual std::optional<Partnership> find_by_slug(const std::string& slug) = 0;
    virtual std::vector<Partnership> list() = 0;
    // A partnership is never without its rule set: it is written with the partnership.
    virtual PartnershipId insert(const Partnership& p, const PartnershipRules& rules) = 0;
    // Writes the profile (name, area, logo text) and the rule set only if the stored version
    // still equals p.version, then bumps it. Returns false (and writes nothing) for a stale version.
    virtual bool update(const Partnership& p, const PartnershipRules& rules) = 0;
    // The partnership's rule set; nullopt only for a partnership made before settings existed
    // (migration 0009) that has not yet adopted the server's defaults.
    virtual std::optional<PartnershipRules> rules(PartnershipId id) = 0;
    // Gives a partnership without a rule set these rules. Returns false if it had one.
    virtual bool adopt_rules(PartnershipId id, const PartnershipRules& rules) = 0;
};

struct AgencyRepo {
    virtual ~AgencyRepo() = default;
    // Every agency of one partnership: for a form's select box and the checks of a change. An
    // agency is an organisation, so a partnership has tens, not thousands; lists that people
    // read page through query().
    virtual std::vector<Agency> list(PartnershipId partnership, bool include_inactive) = 0;
    virtual Page<Agency> query(const AgencyQuery& query) = 0;
    // The names of these agencies of the partnership, to label a page without loading the directory.
    virtual std::map<AgencyId, std::string> names(PartnershipId partnership, const std::vector<AgencyId>& ids) = 0;
    virtual std::optional<Agency> find(PartnershipId partnership, AgencyId id) = 0;
    // The active agencies of other partnerships joined to this one by an accepted link
    // (docs/decisions/0024), whichever side proposed it.
    virtual std::vector<Agency> linked(AgencyId agency) = 0;
    virtual AgencyId insert(const Agency& agency) = 0;
    // Writes `agency` only if the stored version still equals agency.version, then bumps it.
    // Returns false (and writes nothing) for a stale version.
    virtual bool update(const Agency& agency) = 0;
};

// The links a partnership is a side of, newest first (by id), whoever proposed them.
struct AgencyLinkQuery {
    PartnershipId partnership;
    PageRequest page;
};

// Links between agency records of different partnerships (core/agency_links.hpp). A link is
// not a partnership's own record: each query names the partnership that must be one side.
struct AgencyLinkRepo {
    virtual ~AgencyLinkRepo() = default;
    virtual Page<AgencyLink> query(const AgencyLinkQuery& query) = 0;
    // The link, if `partnership` is one of its sides.
    virtual std::optional<AgencyLink> find(PartnershipId partnership, std::int64_t id) = 0;
    // Every proposal or link between these two agencies, in either direction, with any proposal
    // from `from` to `to_partnership` (which names no agency there yet); oldest first.
    virtual std::vector<AgencyLink> between(AgencyId from, PartnershipId to_partnership, AgencyId to) = 0;
    virtual std::int64_t insert(const AgencyLink& link) = 0;
    // Accepts a proposal (to_agency, accepted_at, accepted_by) only if it is still at
    // link.version; bumps the version. False (and nothing written) when stale.
    virtual bool accept(const AgencyLink& link) = 0;
    virtual bool remove(std::int64_t id, int version) = 0;  // false when stale or gone
};

struct PersonRepo {
    virtual ~PersonRepo() = default;
    virtual std::vector<Person> list(PartnershipId partnership, const PersonFilter& filter) = 0;
    virtual Page<Person> query(const PersonQuery& query) = 0;
    // The names of these people of the partnership, to label a page without loading the directory.
    virtual std::map<PersonId, std::string> names(PartnershipId partnership, const std::vector<PersonId>& ids) = 0;
    // The agencies of these people of the partnership (independent people are left out), to say
    // on a page whose each row is, without loading the directory.
    virtual std::map<PersonId, AgencyId> agencies_of(PartnershipId partnership, const std::vector<PersonId>& ids) = 0;
    virtual std::optional<Person> find(PartnershipId partnership, PersonId id) = 0;
    virtual std::optional<Person> find_by_email(PartnershipId partnership, const std::string& email) = 0;
    virtual PersonId insert(const Person& person) = 0;
    virtual bool update(const Person& person) = 0;  // optimistic, as AgencyRepo::update
};

}  // namespace assure
