#pragma once
// Multi-agency chronologies for reviews (issue 18 item 2): each agency's rows checked one by
// one, merged into one timeline, the long silences and the days several agencies were
// involved flagged, and people's names replaced consistently for the anonymised view: what
// partnerships did with Chronolator's Word macros.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

inline constexpr std::size_t kMaxChronologyRows = 2000;       // one agency's upload
inline constexpr std::size_t kMaxChronologyEvent = 4000;      // characters, as a long case note
inline constexpr std::size_t kMaxChronologySource = 200;
inline constexpr int kDefaultChronologyGapDays = 28;

struct ChronologyEntry {
    std::int64_t id = 0;
    PartnershipId partnership;
    CaseId case_id;
    AgencyId agency;
    Date on;
    int minute = -1;        // minutes after midnight; -1 when the agency gave no time
    std::string event;      // what happened
    std::string source;     // where the agency's record of it is ("Case note", "Crime report")
    std::string analysis;   // the agency's comment on it: what it shows, what was missed
    std::string added_by;   // who recorded it, by name
    Instant added_at = 0;
};

// What a person typed on the form, or one row of an uploaded sheet, before it is trusted.
struct ChronologyRowInput {
    std::string date;  // 2016-03-14 (the form) or 14/03/2016 (a sheet)
    std::string time;  // "" or 09:30
    std::string event;
    std::string source;
    std::string analysis;
};

// "09:30" for a minute of the day; "" for none.
std::string clock_time(int minute);

// Checks one row: a date that exists and is not after `today`, a time of day if any, the event
// described. Errors name the fields (`prefix` + "date" and so on) so a form can show them.
std::optional<ChronologyEntry> check_chronology_row(const ChronologyRowInput& in, Date today, FieldErrors& errors,
                                                   const std::string& prefix = {});

// An uploaded chronology, as CSV text with a heading row (Date, Time, Event, Source, Analysis;
// in any order, Time, Source and Analysis optional). All or none: every wrong row is named by
// its line in one error on `field` ("Row 4: enter the date the event happened…"), up to ten.
std::vector<ChronologyEntry> read_chronology_sheet(std::string_view csv, Date today, const std::string& field, FieldErrors& errors);
// The headings the template and the reader share, in the template's order.
const std::vector<std::string>& chronology_headings();

// The merged timeline's order: by date, a row with no time before the timed ones of its day,
// then by time, then by agency and by when it was recorded, so every reader sees one order.
void sort_timeline(std::vector<ChronologyEntry>& entries, const std::vector<std::pair<AgencyId, std::string>>& agency_names);

struct ChronologyGap {
    Date after;   // the last entry before the silence
    Date before;  // the first after it
    int days = 0; // days between the two
};
// Silences longer than `min_days` between consecutive entries of a sorted timeline.
std::vector<ChronologyGap> timeline_gaps(const std::vector<ChronologyEntry>& sorted, int min_days);

struct ChronologyOverlap {
    Date on;
    std::vector<AgencyId> agencies;  // two or more, in first-appearance order
};
// Days on which two or more agencies recorded an event: where a reviewer asks whether they knew
// of each other's involvement.
std::vector<ChronologyOverlap> timeline_overlaps(const std::vector<ChronologyEntry>& sorted);

// A name and what the anonymised view calls its bearer ("Sarah Jones" -> "Mother").
struct ChronologyAlias {
    std::int64_t id = 0;
    std::string name;
    std::string stands_for;
};
// Checks a new alias against those the case has: both parts given, not too long, and the name
// not already replaced (compared without regard to case).
FieldErrors check_alias(const ChronologyAlias& alias, const std::vector<ChronologyAlias>& existing);

// `text` with every whole-word occurrence of each alias's name (any case) replaced by what it
// stands for. Longer names are replaced first, so "Sarah Jones" is not left as "Mother Jones"
// by an alias for "Sarah"; text already replaced is not searched again.
std::string anonymise(std::string_view text, const std::vector<ChronologyAlias>& aliases);

}  // namespace assure
