// Reading typed form fields: whole numbers, dates, a person or agency of the partnership.
#include "core/fields.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace assure {

std::optional<std::int64_t> to_int(std::string_view raw) {
    std::int64_t v = 0;
    const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (raw.empty() || r.ec != std::errc{} || r.ptr != raw.data() + raw.size()) return std::nullopt;
    return v;
}

void check_length(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
                  const std::string& what) {
    if (char_count(value) > max) errors.push_back({field, what + " must be " + std::to_string(max) + " characters or fewer"});
}

// A person of the partnership, or none for "" / "none"; an error otherwise.
std::optional<PersonId> person_choice(FieldErrors& errors, const std::string& field, const std::string& raw,
                                      const std::vector<Person>& people, const std::string& message) {
    if (raw.empty() || raw == "none") return PersonId{};
    const auto v = to_int(raw);
    const bool known = v && std::any_of(people.begin(), people.end(), [&](const Person& p) { return p.id.value == *v; });
    if (!known) {
        errors.push_back({field, message});
        return std::nullopt;
    }
    return PersonId{*v};
}

std::optional<Date> date_field(FieldErrors& errors, const std::string& field, const std::string& raw,
                               const std::string& what, bool required) {
    const std::string t = trim(raw);
    if (t.empty()) {
        if (required) errors.push_back({field, "Enter " + what});
        return std::nullopt;
    }
    auto d = Date::parse(t);
    if (!d) errors.push_back({field, "Enter " + what + " as a real date"});
    return d;
}

std::optional<AgencyId> agency_choice(FieldErrors& errors, const std::string& field, const std::string& raw,
                                      const std::vector<Agency>& agencies, const std::string& message) {
    if (raw.empty() || raw == "none") return AgencyId{};
    const auto v = to_int(raw);
    const bool known = v && std::any_of(agencies.begin(), agencies.end(), [&](const Agency& a) { return a.id.value == *v; });
    if (!known) {
        errors.push_back({field, message});
        return std::nullopt;
    }
    return AgencyId{*v};
}

}  // namespace assure
