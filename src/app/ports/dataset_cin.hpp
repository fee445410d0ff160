#pragma once
// The children in need census's records, a financial year read and replaced whole
// (core/dataset_cin.hpp). A side interface of the store's transaction.
#include "app/ports/dataset.hpp"
#include "core/dataset_cin.hpp"

namespace assure {

struct DatasetCinRepo {
    virtual ~DatasetCinRepo() = default;
    // The year's census: each list in child order, then by date.
    virtual CinCensus census(PartnershipId partnership, int year) = 0;
    // Only the year's referrals: the next year's re-referrals look back at them.
    virtual std::vector<CinReferral> referrals(PartnershipId partnership, int year) = 0;
    virtual void replace_census(PartnershipId partnership, int year, DatasetImportId by, const CinCensus& census) = 0;
    // The partnership's own numbers for the census's indicators; none: it uses the defaults.
    virtual std::optional<CinRules> rules(PartnershipId partnership) = 0;
    virtual void put_rules(PartnershipId partnership, const CinRules& rules) = 0;
};

struct DatasetCinTransaction {
    virtual ~DatasetCinTransaction() = default;
    virtual DatasetCinRepo& dataset_cin() = 0;
};

}  // namespace assure
