#pragma once
// Booking several people at once (issue 16 item 2: an agency's training coordinator books their
// staff): the list as typed, one person per line, "Name, email".
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/failure.hpp"

namespace assure {

inline constexpr std::size_t kMaxGroupBooking = 30;

struct GroupLine {
    int line = 0;  // as typed, counting blank lines, for the error messages
    std::string name;
    std::string email;  // lower case
};

// Reads one person per line, name and email separated by a comma or a tab; blank lines are
// skipped. Every wrong line is named in one error on `field`: "Line 3: enter an email address
// like name@example.org". Also refused: no one, more than kMaxGroupBooking, an email twice.
std::vector<GroupLine> parse_group_lines(const std::string& text, const std::string& field, FieldErrors& errors);
// The same checks of people given one by one (the API's list), each wrong one named by its place:
// "Person 2: enter an email address like name@example.org".
std::vector<GroupLine> check_group_people(const std::vector<std::pair<std::string, std::string>>& people, const std::string& field,
                                          FieldErrors& errors);

}  // namespace assure
