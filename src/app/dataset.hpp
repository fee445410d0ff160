#pragma once
// Use cases of the multi-agency dataset: import a file (the local authority's extracts, the
// population, the agencies' figures) and read the scorecard.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/dataset.hpp"
#include "core/dataset_records.hpp"

namespace assure {

enum class ImportKind { ssda903_header, ssda903_episodes, ssda903_missing, missing, cin_census, population, indicator_values };
std::optional<ImportKind> parse_import_kind(std::string_view key);
std::string_view import_kind_key(ImportKind kind);
const std::vector<ImportKind>& all_import_kinds();
// Record extracts are imported for one financial year; the population and returns carry their own.
bool import_kind_has_period(ImportKind kind);

struct ImportRequest {
    std::string kind;          // ssda903-header, …
    std::string period;        // "2016-17" for a record extract
    std::string file_name;
    std::string_view content;  // the CSV (the CIN census: its XML)
    bool accept_valid = false; // save the valid rows even if some were refused
};

struct ImportReport {
    std::string kind;
    std::string period;
    std::string file_name;
    int rows_read = 0;
    int rows_valid = 0;  // rows that passed every check
    int rows_saved = 0;  // rows_valid once saved, else 0
    std::vector<Refusal> refused;
    bool file_refused = false;  // not a file of this kind
    bool saved = false;         // false: nothing of this import was saved
    ImportChanges changes;
    std::optional<DatasetImportId> id;
    std::optional<DatasetImportId> replaces;
};

// Reads the file, refuses what is wrong row by row, and saves nothing unless every row is valid
// or the person accepted the valid rows. A second import of the kind and period replaces the
// first (the report says what changed); the import and its audit row commit together.
// Throws Failure::invalid for an unknown kind or a bad period, and unavailable without a case key.
ImportReport import_dataset_file(Services& s, const Actor& actor, const ImportRequest& request);

// The indicator catalogue a partnership works to: its own, or the default until it has one.
std::vector<IndicatorDefinition> dataset_catalogue(Services& s, const Actor& actor);

struct ScorecardLine {
    IndicatorDefinition definition;
    IndicatorValue value;            // the period's figure
    std::optional<double> previous;  // the period before's, for the direction of travel
    Rag rag = Rag::none;
    Travel travel = Travel::none;
    std::vector<Benchmark> benchmarks;  // the latest year up to the period's, one per area
    std::vector<IndicatorValue> trend;  // oldest first, ending with the period's figure
};

struct Scorecard {
    DatasetPeriod period;
    std::vector<DatasetPeriod> periods;  // those the person can choose, newest first
    std::vector<ScorecardLine> lines;
};

// Every indicator's figure for `period` (none: the latest year with data) with its target,
// RAG, benchmarks, direction of travel and, if `with_trend`, its trend: five years for a
// year, eight quarters for a quarter.
Scorecard read_scorecard(Services& s, const Actor& actor, std::optional<DatasetPeriod> period, bool with_trend);

// Import history, newest first.
Page<DatasetImport> list_dataset_imports(Services& s, const Actor& actor, const PageRequest& page);

}  // namespace assure
