#pragma once
// Port: the multi-agency dataset's store. The catalogue and benchmarks per partnership, the
// imports with their reports, and the records and figures they brought, kept per financial
// year so that a year's figures read one year's rows.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/dataset.hpp"
#include "core/dataset_records.hpp"
#include "core/ids.hpp"

namespace assure {

// An import as its report tells it. `period` is the financial year ("2016-17") of a record
// extract; the population and the agencies' figures carry their own years and periods.
struct DatasetImport {
    DatasetImportId id;
    PartnershipId partnership;
    std::string kind;  // ssda903-header, ssda903-episodes, ssda903-missing, missing, population, indicator-values
    std::string period;
    std::string file_name;
    int rows_read = 0;
    int rows_saved = 0;
    int rows_refused = 0;
    ImportChanges changes;
    std::optional<DatasetImportId> replaces;  // the earlier import of the same kind and period
    UserId by;
    std::string by_label;
    Instant at = 0;
};

// Which missing episodes: the looked-after children's (SSDA903) file, or the all-children file.
enum class MissingSource { looked_after, all_children };

struct DatasetRepo {
    virtual ~DatasetRepo() = default;
    // In scorecard order (position, then code); empty until the partnership adopts a catalogue.
    virtual std::vector<IndicatorDefinition> catalogue(PartnershipId partnership) = 0;
    // Adds the indicator, or replaces the one with its code.
    virtual void put_indicator(PartnershipId partnership, const IndicatorDefinition& d) = 0;
    virtual std::vector<Benchmark> benchmarks(PartnershipId partnership) = 0;
    virtual void put_benchmark(PartnershipId partnership, const Benchmark& b) = 0;

    virtual DatasetImportId insert_import(const DatasetImport& i) = 0;
    virtual std::optional<DatasetImport> latest_import(PartnershipId partnership, const std::string& kind, const std::string& period) = 0;
    // Newest first.
    virtual Page<DatasetImport> imports(PartnershipId partnership, const PageRequest& page) = 0;
    // The financial years some record extract or figure was imported for, oldest first.
    virtual std::vector<int> years(PartnershipId partnership) = 0;

    // A year's records replace that year's earlier ones of the same kind.
    virtual std::vector<ChildRecord> children(PartnershipId partnership, int year) = 0;
    virtual void replace_children(PartnershipId partnership, int year, DatasetImportId by, const std::vector<ChildRecord>& rows) = 0;
    virtual std::vector<EpisodeRecord> episodes(PartnershipId partnership, int year) = 0;
    virtual void replace_episodes(PartnershipId partnership, int year, DatasetImportId by, const std::vector<EpisodeRecord>& rows) = 0;
    virtual std::vector<MissingRecord> missing(PartnershipId partnership, int year, MissingSource source) = 0;
    virtual void replace_missing(PartnershipId partnership, int year, MissingSource source, DatasetImportId by,
                                 const std::vector<MissingRecord>& rows) = 0;

    // Mid-year estimates by year; a year imported again is replaced.
    virtual std::map<int, std::int64_t> population(PartnershipId partnership) = 0;
    virtual void put_population(PartnershipId partnership, const PopulationRecord& r, DatasetImportId by) = 0;
    // The agencies' figures for the periods of financial years `from`..`to`.
    virtual std::vector<IndicatorValue> returned_values(PartnershipId partnership, int from, int to) = 0;
    virtual void put_value(PartnershipId partnership, const ReturnedValue& v, DatasetImportId by) = 0;
};

}  // namespace assure
