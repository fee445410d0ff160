#pragma once
// Working days in England and Wales: Monday to Friday less bank holidays. The regular
// holidays are computed for any year; one-off changes (jubilees, a coronation, a state
// funeral, a moved early May holiday) come from a table an administrator can extend.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace assure {

struct BankHoliday {
    Date date;
    std::string name;
    auto operator<=>(const BankHoliday&) const = default;
};

// A one-off change to the regular pattern: an extra holiday, or a regular one moved.
struct HolidayChange {
    Date date;                    // the day off
    std::string name;
    std::optional<Date> replaces; // the regular holiday that becomes a working day, if moved
};

// The changes proclaimed since 1995, shipped with Assure.
const std::vector<HolidayChange>& shipped_holiday_changes();

class WorkingCalendar {
public:
    explicit WorkingCalendar(std::vector<HolidayChange> changes = shipped_holiday_changes());

    // The bank holidays of `year`, in date order, after one-off changes.
    [[nodiscard]] std::vector<BankHoliday> bank_holidays(int year) const;
    [[nodiscard]] bool is_bank_holiday(Date d) const;
    [[nodiscard]] bool is_working_day(Date d) const;
    // The Nth working day after `from`; `from` itself is day 0 whatever day it is. N >= 0.
    [[nodiscard]] Date add_working_days(Date from, int n) const;
    // The Nth working day before `from` (the latest date that still leaves N working days
    // after it up to and including `from`'s working day). N >= 0.
    [[nodiscard]] Date subtract_working_days(Date from, int n) const;
    // Working days after `from` up to and including `to` (0 if `to` <= `from`).
    [[nodiscard]] int working_days_between(Date from, Date to) const;

    // The days (since 1970) of `year`'s bank holidays that fall on weekdays, in order.
    [[nodiscard]] std::vector<std::int64_t> weekday_holiday_days(int year) const;

private:
    std::vector<HolidayChange> changes_;
    // weekday_holiday_days for the kept years, worked out once: a list view counts every case's
    // clocks, and building each year's named list on every count was most of their cost.
    static constexpr int kFirstKeptYear = 1970, kLastKeptYear = 2100;
    std::vector<std::vector<std::int64_t>> kept_;
    friend class HolidaysOfYear;
};

Date easter_sunday(int year);  // Gregorian (anonymous algorithm)
std::vector<BankHoliday> regular_bank_holidays(int year);

}  // namespace assure
