#include "core/date_words.hpp"

namespace assure {

namespace {
const char* month_name(int month) { return kMonthNames.at(static_cast<std::size_t>(month - 1)); }
}  // namespace

std::string date_in_words(Date d) { return std::to_string(d.day) + " " + month_name(d.month) + " " + std::to_string(d.year); }

std::string month_in_words(Date d) { return std::string(month_name(d.month)) + " " + std::to_string(d.year); }

std::string period_in_words(Date from, std::optional<Date> to, const std::string& open_end) {
    if (!to) return date_in_words(from) + open_end;
    if (*to == from) return date_in_words(from);
    return date_in_words(from) + " to " + date_in_words(*to);
}

}  // namespace assure
