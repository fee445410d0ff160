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
#include "core/dataset_returns.hpp"
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

// An agency's return for one quarter. The figures it brought are in the dataset's values (as
// an import of kind "agency-return"), so the scorecard reads them with every other figure.
struct DatasetReturn {
    DatasetReturnId id;
    PartnershipId partnership;
    AgencyId agency;
    std::string agency_name;  // read with the return, never stored with it
    DatasetPeriod period;     // a quarter
    Date due_on;
    int figures = 0;          // indicators asked for
    std::optional<Date> submitted_on;  // the first submission, in England
    Instant submitted_at = 0;
    std::string submitted_by_label;
    int corrections = 0;      // figures corrected since
    int version = 1;
};

enum class DatasetReturnListState { all, outstanding, late, returned };

struct DatasetReturnQuery {
    PartnershipId partnership;
    DatasetReturnListState state = DatasetReturnListState::all;
    std::optional<AgencyId> agency;  // an agency lead's own
    std::string period;              // a quarter's key, "" for every quarter
    Date today;                      // late: not returned and due before today
    PageRequest page;                // by due date, then id
};

// Figures over what a query's partnership, agency and period select, as of its `today`.
struct DatasetReturnCounts {
    int outstanding = 0;  // not returned
    int late = 0;         // not returned and past the due date
    int returned = 0;
    int returned_late = 0;
};

// A returned figure that was changed, with the figure before and why.
struct FigureCorrection {
    std::int64_t id = 0;
    DatasetReturnId ret;
    std::string code;
    DatasetPeriod period;
    IndicatorValue before;
    IndicatorValue after;
    std::string reason;
    UserId by;
    std::string by_label;
    Instant at = 0;
};

// What the exception report says of an indicator that is red or off trend in a period: the
// owner's narrative and the action taken, with the action plan's action where there is one.
struct ExceptionNote {
    std::string code;
    DatasetPeriod period;
    std::string narrative;
    std::string action_taken;
    std::optional<ImprovementId> action;
    std::string action_text;   // the action's, read with the note (a join), never stored with it
    std::string action_state;
    std::string updated_by_label;
    Instant updated_at = 0;
    int version = 0;  // 0: not yet written
};

// The quarter's (or year's) narrative for one priority of the scorecard.
struct PriorityNarrative {
    std::string priority;
    DatasetPeriod period;
    std::string narrative;
    std::string updated_by_label;
    Instant updated_at = 0;
    int version = 0;  // 0: not yet written
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

    // ---- the agencies' returns ----
    // Working days after a quarter's end that its returns are due; the core default if unset.
    virtual int return_due_working_days(PartnershipId partnership) = 0;
    virtual void put_return_due_working_days(PartnershipId partnership, int days) = 0;
    // One return per agency and quarter: a second is refused by the database (a constraint).
    virtual DatasetReturnId insert_return(const DatasetReturn& r) = 0;
    virtual std::optional<DatasetReturn> find_return(PartnershipId partnership, DatasetReturnId id) = 0;
    // Writes the submission fields only if the stored version is still r.version, then bumps it.
    virtual bool update_return(const DatasetReturn& r) = 0;
    virtual Page<DatasetReturn> returns(const DatasetReturnQuery& query) = 0;
    virtual DatasetReturnCounts count_returns(const DatasetReturnQuery& query) = 0;
    // The agencies already asked for the quarter's return.
    virtual std::vector<AgencyId> agencies_asked(PartnershipId partnership, const DatasetPeriod& quarter) = 0;
    virtual void add_correction(PartnershipId partnership, const FigureCorrection& c) = 0;
    // Newest first.
    virtual Page<FigureCorrection> corrections(PartnershipId partnership, DatasetReturnId ret, const PageRequest& page) = 0;

    // ---- the exception report ----
    // A period's notes and narratives: at most one per indicator or priority, so a period's
    // are few (the catalogue's size) and read whole, by code or priority.
    virtual std::vector<ExceptionNote> exception_notes(PartnershipId partnership, const DatasetPeriod& period) = 0;
    // Inserts a note of version 0; else writes it only if the stored version is still n.version.
    virtual bool put_exception_note(PartnershipId partnership, const ExceptionNote& n) = 0;
    virtual std::vector<PriorityNarrative> priority_narratives(PartnershipId partnership, const DatasetPeriod& period) = 0;
    virtual bool put_priority_narrative(PartnershipId partnership, const PriorityNarrative& n) = 0;
};

}  // namespace assure
