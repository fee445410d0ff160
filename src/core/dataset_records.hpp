#pragma once
// The local authority's record-level extracts as the dataset keeps them, and the strict
// readers that turn an uploaded CSV into them. Identifiers are degraded as they are read:
// the child's id goes through the caller's keyed hash and is never kept, a date of birth
// keeps only its month and year, and postcodes are read past and dropped.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/date.hpp"

namespace assure {

// SSDA903 header: one row per child.
struct ChildRecord {
    std::string child;  // the keyed hash, never the local authority's id
    int sex = 0;        // 1 male, 2 female (DfE codes)
    int birth_year = 0;
    int birth_month = 0;
    std::string ethnic;
    int line = 0;  // in the file it came from, for the import report
};

// SSDA903 episodes: one row per episode of care.
struct EpisodeRecord {
    std::string child;
    Date start;                // DECOM
    std::optional<Date> end;   // DEC; none while the episode is open
    std::string rne;           // reason for new episode: S, P, L, T, U, B
    std::string ls;            // legal status
    std::string cin;           // category of need, N1..N8
    std::string place;         // placement type
    std::string rec;           // reason episode ceased (X1: a new episode follows in the same period of care)
    std::string reason_place_change;
    int line = 0;
};

// Missing (M) or away from placement without authorisation (A), in the 903 missing table's columns,
// with the days a return interview was offered and accepted where the source has them (optional
// columns RHI_OFFERED and RHI_ACCEPTED).
struct MissingRecord {
    std::string child;
    char kind = 'M';
    Date start;
    std::optional<Date> end;
    std::optional<Date> rhi_offered, rhi_accepted;
    int line = 0;
};

// ONS mid-year estimate of children aged 0-17; `year` is the mid-year, used for the financial
// year that starts in it.
struct PopulationRecord {
    int year = 0;
    std::int64_t children = 0;
    int line = 0;
};

// An agency's figure for one indicator and period: a value, or a numerator and denominator
// from which the value is recomputed.
struct ReturnedValue {
    std::string code;
    DatasetPeriod period;
    std::optional<double> value;
    std::optional<std::int64_t> numerator;
    std::optional<std::int64_t> denominator;
    int line = 0;
};

struct Refusal {
    int line = 0;          // 1 is the heading row; 0 the file as a whole
    std::string column;    // the column at fault, if one is
    std::string reason;
    bool operator==(const Refusal&) const = default;
};

template <class Row>
struct Parsed {
    std::vector<Row> rows;          // the valid rows
    std::vector<Refusal> refused;   // one per refused row (or one for the file)
    int rows_read = 0;              // data rows, not counting the heading
    bool file_refused = false;      // not a file of this kind: nothing can be taken from it
};

// The keyed hash the import replaces a child's id with (per partnership, so no two share one).
using Pseudonymise = std::function<std::string(std::string_view child_id)>;

// dd/mm/yyyy, as the DfE extracts write dates; rejects dates that do not exist (29/02/2017).
std::optional<Date> parse_uk_date(std::string_view text);

Parsed<ChildRecord> read_ssda903_header(std::string_view csv, const Pseudonymise& pseudonymise);
Parsed<EpisodeRecord> read_ssda903_episodes(std::string_view csv, const Pseudonymise& pseudonymise);
Parsed<MissingRecord> read_missing(std::string_view csv, const Pseudonymise& pseudonymise);
Parsed<PopulationRecord> read_population(std::string_view csv);
// Columns code, period, and value or numerator and denominator; `known` says which codes exist.
Parsed<ReturnedValue> read_indicator_values(std::string_view csv, const std::function<bool(std::string_view)>& known);

// A row as one line of text, to compare two imports of the same period row by row.
std::string canonical(const ChildRecord& r);
std::string canonical(const EpisodeRecord& r);
std::string canonical(const MissingRecord& r);
std::string canonical(const PopulationRecord& r);
std::string canonical(const ReturnedValue& r);

}  // namespace assure
