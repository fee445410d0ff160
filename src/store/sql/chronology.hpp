#pragma once
// Review chronologies, over sql::Connection (app/ports/chronology.hpp).
#include "app/ports/chronology.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlChronology final : public ChronologyRepo {
public:
    explicit SqlChronology(Connection& db) : db_(db) {}
    std::vector<ChronologyEntry> entries(PartnershipId partnership, CaseId case_id) override;
    std::optional<ChronologyEntry> find_entry(PartnershipId partnership, CaseId case_id, std::int64_t id) override;
    std::int64_t insert_entry(const ChronologyEntry& e) override;
    bool remove_entry(PartnershipId partnership, CaseId case_id, std::int64_t id) override;
    int remove_agency_entries(PartnershipId partnership, CaseId case_id, AgencyId agency) override;
    std::vector<ChronologyAlias> aliases(PartnershipId partnership, CaseId case_id) override;
    std::int64_t insert_alias(PartnershipId partnership, CaseId case_id, const ChronologyAlias& a) override;
    bool remove_alias(PartnershipId partnership, CaseId case_id, std::int64_t id) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
