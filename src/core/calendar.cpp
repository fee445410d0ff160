#include "core/calendar.hpp"

#include <algorithm>
#include <stdexcept>

namespace assure {
namespace {

Date plus(Date d, int days) { return Date::from_days(d.days() + days); }

// The first `weekday` (0 = Monday) on or after d.
Date on_or_after(Date d, int weekday) { return plus(d, (weekday - d.weekday() + 7) % 7); }

// The last `weekday` on or before d.
Date on_or_before(Date d, int weekday) { return plus(d, -((d.weekday() - weekday + 7) % 7)); }

constexpr int kMonday = 0;
constexpr int kSaturday = 5;
constexpr int kSunday = 6;

}  // namespace

Date easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

std::vector<BankHoliday> regular_bank_holidays(int year) {
    std::vector<BankHoliday> out;
    // New Year's Day: a weekend 1 January gives the following Monday.
    const Date new_year{year, 1, 1};
    out.push_back({new_year.weekday() >= kSaturday ? on_or_after(new_year, kMonday) : new_year,
                   new_year.weekday() >= kSaturday ? "New Year’s Day (substitute day)" : "New Year’s Day"});
    const Date easter = easter_sunday(year);
    out.push_back({plus(easter, -2), "Good Friday"});
    out.push_back({plus(easter, 1), "Easter Monday"});
    out.push_back({on_or_after(Date{year, 5, 1}, kMonday), "Early May bank holiday"});
    out.push_back({on_or_before(Date{year, 5, 31}, kMonday), "Spring bank holiday"});
    out.push_back({on_or_before(Date{year, 8, 31}, kMonday), "Summer bank holiday"});
    // Christmas and Boxing Day: weekend days are replaced by the next free weekdays.
    const Date christmas{year, 12, 25};
    switch (christmas.weekday()) {
        case kSaturday:  // Sat 25, Sun 26 -> Mon 27, Tue 28
            out.push_back({Date{year, 12, 27}, "Christmas Day (substitute day)"});
            out.push_back({Date{year, 12, 28}, "Boxing Day (substitute day)"});
            break;
        case kSunday:  // Sun 25, Mon 26 -> Tue 27 for Christmas
            out.push_back({Date{year, 12, 26}, "Boxing Day"});
            out.push_back({Date{year, 12, 27}, "Christmas Day (substitute day)"});
            break;
        case 4:  // Fri 25, Sat 26 -> Mon 28 for Boxing Day
            out.push_back({christmas, "Christmas Day"});
            out.push_back({Date{year, 12, 28}, "Boxing Day (substitute day)"});
            break;
        default:
            out.push_back({christmas, "Christmas Day"});
            out.push_back({Date{year, 12, 26}, "Boxing Day"});
    }
    return out;
}

const std::vector<HolidayChange>& shipped_holiday_changes() {
    static const std::vector<HolidayChange> changes{
        {Date{1995, 5, 8}, "Early May bank holiday (VE Day)", Date{1995, 5, 1}},
        {Date{1999, 12, 31}, "Millennium celebrations", std::nullopt},
        {Date{2002, 6, 4}, "Spring bank holiday", Date{2002, 5, 27}},
        {Date{2002, 6, 3}, "Golden Jubilee bank holiday", std::nullopt},
        {Date{2011, 4, 29}, "Royal wedding", std::nullopt},
        {Date{2012, 6, 4}, "Spring bank holiday", Date{2012, 5, 28}},
        {Date{2012, 6, 5}, "Queen’s Diamond Jubilee", std::nullopt},
        {Date{2020, 5, 8}, "Early May bank holiday (VE Day)", Date{2020, 5, 4}},
        {Date{2022, 6, 2}, "Spring bank holiday", Date{2022, 5, 30}},
        {Date{2022, 6, 3}, "Platinum Jubilee bank holiday", std::nullopt},
        {Date{2022, 9, 19}, "Bank Holiday for the State Funeral of Queen Elizabeth II", std::nullopt},
        {Date{2023, 5, 8}, "Bank holiday for the coronation of King Charles III", std::nullopt},
    };
    return changes;
}

WorkingCalendar::WorkingCalendar(std::vector<HolidayChange> changes) : changes_(std::move(changes)) {}

std::vector<BankHoliday> WorkingCalendar::bank_holidays(int year) const {
    auto days = regular_bank_holidays(year);
    for (const auto& change : changes_) {
        if (change.replaces && change.replaces->year == year) {
            std::erase_if(days, [&](const BankHoliday& h) { return h.date == *change.replaces; });
        }
    }
    for (const auto& change : changes_) {
        if (change.date.year == year) days.push_back({change.date, change.name});
    }
    std::sort(days.begin(), days.end());
    return days;
}

bool WorkingCalendar::is_bank_holiday(Date d) const {
    const auto days = bank_holidays(d.year);
    return std::any_of(days.begin(), days.end(), [&](const BankHoliday& h) { return h.date == d; });
}

bool WorkingCalendar::is_working_day(Date d) const { return d.weekday() < kSaturday && !is_bank_holiday(d); }

Date WorkingCalendar::add_working_days(Date from, int n) const {
    if (n < 0) throw std::invalid_argument("add_working_days needs n >= 0");
    Date d = from;
    int year = d.year;
    auto holidays = bank_holidays(year);
    auto holiday = [&](Date x) {
        if (x.year != year) {
            year = x.year;
            holidays = bank_holidays(year);
        }
        return std::any_of(holidays.begin(), holidays.end(), [&](const BankHoliday& h) { return h.date == x; });
    };
    while (n > 0) {
        d = plus(d, 1);
        if (d.weekday() < kSaturday && !holiday(d)) --n;
    }
    return d;
}

Date WorkingCalendar::subtract_working_days(Date from, int n) const {
    if (n < 0) throw std::invalid_argument("subtract_working_days needs n >= 0");
    Date d = from;
    while (n > 0) {
        d = plus(d, -1);
        if (is_working_day(d)) --n;
    }
    return d;
}

int WorkingCalendar::working_days_between(Date from, Date to) const {
    int count = 0;
    for (Date d = plus(from, 1); d <= to; d = plus(d, 1)) {
        if (is_working_day(d)) ++count;
    }
    return count;
}

}  // namespace assure
