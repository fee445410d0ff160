#pragma once
// Dates as people read them on a page: "8 December 2026", "March 2027", "1 April 2026 to 31 March
// 2027". Pages write dates in words; forms, feeds, exports and the API keep ISO 8601.
#include <array>
#include <optional>
#include <string>

#include "core/date.hpp"

namespace assure {

inline constexpr std::array<const char*, 12> kMonthNames{"January", "February", "March",     "April",   "May",      "June",
                                                         "July",    "August",   "September", "October", "November", "December"};

std::string date_in_words(Date d);                          // "8 December 2026"
std::string month_in_words(Date d);                         // "December 2026"
std::string period_in_words(Date from, std::optional<Date> to,
                            const std::string& open_end = " onwards");  // "1 April 2026 to 31 March 2027"

}  // namespace assure
