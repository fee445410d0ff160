#pragma once
// Calendar dates and instants. Dates are civil (no time zone); instants are Unix seconds.
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

std::string iso_instant(Instant at);              // 2026-11-22T12:00:00Z
std::string display_instant(Instant at);          // 22 Nov 2026, 12:00
Date date_of(Instant at);

}  // namespace assure
