#pragma once
// Small text rules shared by every form: trimming, length limits, email shape.
#include <string>
#include <string_view>

namespace assure {

std::string trim(std::string_view text);
std::string lower(std::string_view text);
// A deliberately plain check: one @, something before it, a dot in the domain, no spaces.
// Deliverability is proven by use, not by a regular expression.
bool looks_like_email(std::string_view text);
// Counts Unicode code points, so that a limit of 200 characters means what a person thinks.
std::size_t char_count(std::string_view utf8);
bool is_valid_utf8(std::string_view text);
// A count with its noun in the right number: "1 meeting", "2 meetings", "0 meetings".
std::string count_of(long long n, std::string_view one, std::string_view many);

}  // namespace assure
