#pragma once
// Calendar dates and instants. Dates are civil (no time zone); instants are Unix seconds.
// A date a person means ("today", "due on") is a date in England: london_date, not utc_date.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assure {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;

    // Parses exactly YYYY-MM-DD and rejects dates that do not exist (2023-02-29).
    static std::optional<Date> parse(std::string_view text);
    static Date from_days(std::int64_t days_since_epoch);
    [[nodiscard]] std::int64_t days() const;  // days since 1970-01-01
    [[nodiscard]] std::string iso() const;
    [[nodiscard]] int weekday() const;        // 0 = Monday … 6 = Sunday
};

bool is_leap_year(int year);
// Calendar months later (or earlier), the day clamped to the month: 31 Aug + 6 months = 28 or 29 Feb.
Date add_months_clamped(Date d, int months);
int days_in_month(int year, int month);

using Instant = std::int64_t;  // seconds since the Unix epoch, UTC

std::string iso_instant(Instant at);              // 2026-11-22T12:00:00Z, for machines
std::string display_instant(Instant at);          // "22 November 2026 at 1:05pm" on London's clocks, for people
Date utc_date(Instant at);                        // the date at Greenwich, whatever the season

// ---- time in England (Europe/London) ---------------------------------------------------
// Computed from the UK summer-time rule rather than read from tzdata: libstdc++ 12 has no
// std::chrono time zones, and the rule has been fixed since 1996 (docs/decisions/0009).

// Seconds London's clocks are ahead of UTC at `at`: 3600 in British Summer Time (from 01:00
// UTC on the last Sunday of March until 01:00 UTC on the last Sunday of October), else 0.
int london_offset(Instant at);
// The date on a calendar in England at `at`: the "today" every statutory clock counts from.
Date london_date(Instant at);
// The instant London's day `d` begins (00:00 GMT or BST), so a range of days a person picks
// covers exactly those days on their clocks.
Instant london_midnight(Date d);
// The instant on London date `d` at the same London clock time as `at` (an hour moved across
// a clock change, so it is never on another day): a clock that runs on a chosen date.
Instant moved_to_london_date(Instant at, Date d);

}  // namespace assure
