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

WorkingCalendar::WorkingCalendar(std::vector<HolidayChange> changes) : changes_(std::move(changes)) {
    kept_.reserve(kLastKeptYear - kFirstKeptYear + 1);
    for (int year = kFirstKeptYear; year <= kLastKeptYear; ++year) kept_.push_back(weekday_holiday_days(year));
}

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

std::vector<std::int64_t> WorkingCalendar::weekday_holiday_days(int year) const {
    std::vector<std::int64_t> days;
    for (const auto& h : bank_holidays(year)) {
        if (h.date.weekday() < kSaturday) days.push_back(h.date.days());
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

// One year's weekday holidays while a count walks through that year: the calendar's kept list,
// or, for a year outside the kept ones, a list worked out once for the walk.
class HolidaysOfYear {
public:
    explicit HolidaysOfYear(const WorkingCalendar& calendar) : calendar_(calendar) {}
    const std::vector<std::int64_t>& of(int year) {
        if (year >= WorkingCalendar::kFirstKeptYear && year <= WorkingCalendar::kLastKeptYear) {
            return calendar_.kept_[static_cast<std::size_t>(year - WorkingCalendar::kFirstKeptYear)];
        }
        if (year != year_) {
            year_ = year;
            days_ = calendar_.weekday_holiday_days(year);
        }
        return days_;
    }
    bool contains(Date d) {
        const auto& days = of(d.year);
        return std::binary_search(days.begin(), days.end(), d.days());
    }

private:
    const WorkingCalendar& calendar_;
    int year_ = 0;
    std::vector<std::int64_t> days_;
};

namespace {

// Monday-to-Friday days in the days numbered (from, to].
std::int64_t weekdays_after_up_to(std::int64_t from, std::int64_t to) {
    // Day 0 (1 January 1970) was a Thursday: day n is weekday (n + 3) % 7, Monday being 0.
    const auto weekdays_before = [](std::int64_t n) {  // in days numbered [0, n), n >= 0
        const std::int64_t weeks = n / 7, rest = n % 7;
        std::int64_t count = weeks * 5;
        for (std::int64_t i = 0; i < rest; ++i) count += ((weeks * 7 + i + 3) % 7) < kSaturday ? 1 : 0;
        return count;
    };
    // Shift both ends by whole weeks so they are not negative; weekdays do not move.
    const std::int64_t shift = from < 0 ? ((-from) / 7 + 1) * 7 : 0;
    return weekdays_before(to + shift + 1) - weekdays_before(from + shift + 1);
}

}  // namespace

bool WorkingCalendar::is_bank_holiday(Date d) const {
    const auto days = bank_holidays(d.year);
    return std::any_of(days.begin(), days.end(), [&](const BankHoliday& h) { return h.date == d; });
}

bool WorkingCalendar::is_working_day(Date d) const { return d.weekday() < kSaturday && !is_bank_holiday(d); }

Date WorkingCalendar::add_working_days(Date from, int n) const {
    if (n < 0) throw std::invalid_argument("add_working_days needs n >= 0");
    HolidaysOfYear holidays(*this);
    Date d = from;
    while (n > 0) {
        d = plus(d, 1);
        if (d.weekday() < kSaturday && !holidays.contains(d)) --n;
    }
    return d;
}

Date WorkingCalendar::subtract_working_days(Date from, int n) const {
    if (n < 0) throw std::invalid_argument("subtract_working_days needs n >= 0");
    HolidaysOfYear holidays(*this);
    Date d = from;
    while (n > 0) {
        d = plus(d, -1);
        if (d.weekday() < kSaturday && !holidays.contains(d)) --n;
    }
    return d;
}

// Weekdays in the span, less the weekday bank holidays inside it: by arithmetic and one list of
// holidays a year, whatever the span's length.
int WorkingCalendar::working_days_between(Date from, Date to) const {
    if (to <= from) return 0;
    std::int64_t count = weekdays_after_up_to(from.days(), to.days());
    HolidaysOfYear holidays(*this);
    for (int year = from.year; year <= to.year; ++year) {
        for (const std::int64_t day : holidays.of(year)) {
            if (day > from.days() && day <= to.days()) --count;
        }
    }
    return static_cast<int>(count);
}

}  // namespace assure
