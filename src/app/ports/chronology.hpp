#pragma once
// Port: review chronologies (issue 18 item 2). A side interface of the SQL store's transaction,
// as partners and documents are, so that the widely included Transaction is unchanged.
#include <optional>
#include <vector>

#include "core/chronology.hpp"

namespace assure {

struct ChronologyRepo {
    virtual ~ChronologyRepo() = default;
    // Every entry of the case, in the order recorded (the use case sorts the timeline).
    virtual std::vector<ChronologyEntry> entries(PartnershipId partnership, CaseId case_id) = 0;
    virtual std::optional<ChronologyEntry> find_entry(PartnershipId partnership, CaseId case_id, std::int64_t id) = 0;
    virtual std::int64_t insert_entry(const ChronologyEntry& e) = 0;
    // False when it was not there (removed meanwhile, or another case's).
    virtual bool remove_entry(PartnershipId partnership, CaseId case_id, std::int64_t id) = 0;
    // Removes one agency's entries on the case, before its new upload; answers how many.
    virtual int remove_agency_entries(PartnershipId partnership, CaseId case_id, AgencyId agency) = 0;

    // The case's names and what the anonymised view calls them, in the order added.
    virtual std::vector<ChronologyAlias> aliases(PartnershipId partnership, CaseId case_id) = 0;
    virtual std::int64_t insert_alias(PartnershipId partnership, CaseId case_id, const ChronologyAlias& a) = 0;
    virtual bool remove_alias(PartnershipId partnership, CaseId case_id, std::int64_t id) = 0;
};

struct ChronologyTransaction {
    virtual ~ChronologyTransaction() = default;
    virtual ChronologyRepo& chronology() = 0;
};

}  // namespace assure
