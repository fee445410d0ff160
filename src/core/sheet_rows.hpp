#pragma once
// How an uploaded sheet's refused rows are told: each by the row the person sees, its
// problems joined, at most ten named and the rest counted, so the message stays readable.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"

namespace assure {

// Which column each known heading names, a heading matched by its letters and digits alone in
// lower case ("TypeOfEstablishment (name)" is "typeofestablishmentname"), the first of a field's
// headings kept. `fields`: heading key -> field.
std::map<std::string, int> heading_columns(const std::vector<std::string>& cells, const std::map<std::string, std::string>& fields);

// "Row 4: enter the date…; describe the event" from one row's field errors.
std::string row_message(int line, const FieldErrors& row_errors);
// The named rows joined by ". ", then "3 more rows also need correcting" past the tenth.
std::string wrong_rows_message(const std::vector<std::string>& wrong);

}  // namespace assure
