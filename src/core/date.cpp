#include "core/date.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace assure {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return lengths.at(static_cast<std::size_t>(month - 1));
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (!y || !m || !d || *y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) {
        return std::nullopt;
    }
    return Date{*y, *m, *d};
}

// Howard Hinnant's civil-date algorithms (public domain), exact for the proleptic Gregorian calendar.
std::int64_t Date::days() const {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
    return Date{y, static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (index 3 when Monday is 0).
    const std::int64_t d = days();
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string Date::iso() const {
    if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return buffer;
    }
    // By hand: an import writes a date for each of a million rows, and snprintf was a visible
    // part of that.
    std::string out = "0000-00-00";
    out[0] = static_cast<char>('0' + year / 1000);
    out[1] = static_cast<char>('0' + year / 100 % 10);
    out[2] = static_cast<char>('0' + year / 10 % 10);
    out[3] = static_cast<char>('0' + year % 10);
    out[5] = static_cast<char>('0' + month / 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
}

namespace {

constexpr Instant kSecondsPerDay = 86400;
constexpr Instant kOneHour = 3600;

// Britain's clocks change at 01:00 UTC on the last Sunday of March and of October.
Instant clock_change(int year, int month) {
    const Date last{year, month, days_in_month(year, month)};
    const Date last_sunday = Date::from_days(last.days() - (last.weekday() + 1) % 7);
    return last_sunday.days() * kSecondsPerDay + kOneHour;
}

}  // namespace

Date utc_date(Instant at) {
    return Date::from_days(at >= 0 ? at / kSecondsPerDay : (at - kSecondsPerDay + 1) / kSecondsPerDay);
}

int london_offset(Instant at) {
    const int year = utc_date(at).year;
    return at >= clock_change(year, 3) && at < clock_change(year, 10) ? static_cast<int>(kOneHour) : 0;
}

Date london_date(Instant at) { return utc_date(at + london_offset(at)); }

Instant london_midnight(Date d) {
    // Clocks never change at midnight, so midnight is an hour before UTC's exactly when the
    // hour before UTC's midnight is already in summer time.
    const Instant utc_midnight = d.days() * kSecondsPerDay;
    const Instant an_hour_before = utc_midnight - kOneHour;
    return london_offset(an_hour_before) != 0 ? an_hour_before : utc_midnight;
}

Instant moved_to_london_date(Instant at, Date d) {
    const Instant whole_days = at + (d.days() - london_date(at).days()) * kSecondsPerDay;
    // Whole days keep UTC's time of day; London's differs by the change in offset between them.
    return whole_days + london_offset(at) - london_offset(whole_days);
}

std::string iso_instant(Instant at) {
    const Date d = utc_date(at);
    const std::int64_t secs = at - d.days() * kSecondsPerDay;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", d.iso().c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buffer;
}

// GOV.UK's style for dates and times: the month in full, then the time on a 12-hour clock
// ("9am", "1:05pm"), with "midnight" and "midday" for 00:00 and 12:00.
std::string display_instant(Instant at) {
    static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                        "July",    "August",   "September", "October", "November", "December"};
    const Instant wall = at + london_offset(at);  // London's clock time, counted as if it were UTC
    const Date d = utc_date(wall);
    const std::int64_t secs = wall - d.days() * kSecondsPerDay;
    const int hour = static_cast<int>(secs / 3600);
    const int minute = static_cast<int>(secs / 60 % 60);
    char time[16];
    if (minute == 0 && (hour == 0 || hour == 12)) {
        std::snprintf(time, sizeof time, "%s", hour == 0 ? "midnight" : "midday");
    } else {
        const int twelve = hour % 12 == 0 ? 12 : hour % 12;
        const char* half = hour < 12 ? "am" : "pm";
        if (minute == 0) std::snprintf(time, sizeof time, "%d%s", twelve, half);
        else std::snprintf(time, sizeof time, "%d:%02d%s", twelve, minute, half);
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%d %s %d at %s", d.day, months.at(static_cast<std::size_t>(d.month - 1)), d.year, time);
    return buffer;
}

Date add_months_clamped(Date d, int months) {
    const int index = d.year * 12 + (d.month - 1) + months;
    Date out{index / 12, index % 12 + 1, 1};
    out.day = std::min(d.day, days_in_month(out.year, out.month));
    return out;
}

}  // namespace assure
