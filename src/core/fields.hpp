#pragma once
// Reading what a person typed into a form: each reader adds a field error naming what to do
// and returns nullopt when the text is not what was asked for.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/partnership.hpp"

namespace assure {

// A whole number written out in full ("12", not "12abc" or ""), or nullopt.
std::optional<std::int64_t> to_int(std::string_view raw);
void check_length(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
                  const std::string& what);
// A person of the partnership, or none for "" / "none"; an error otherwise.
std::optional<PersonId> person_choice(FieldErrors& errors, const std::string& field, const std::string& raw,
                                      const std::vector<Person>& people, const std::string& message);
// An agency of the partnership, or none for "" / "none"; an error otherwise.
std::optional<AgencyId> agency_choice(FieldErrors& errors, const std::string& field, const std::string& raw,
                                      const std::vector<Agency>& agencies, const std::string& message);
std::optional<Date> date_field(FieldErrors& errors, const std::string& field, const std::string& raw,
                               const std::string& what, bool required);

}  // namespace assure
