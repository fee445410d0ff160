#pragma once
// What the registers' rule files (registers, registers_risks, registers_voice) share: the
// definitions behind each register enum's key/label/parse/all functions, and the check of a
// free-text field. Included by those .cpp files only.
#include <string>
#include <string_view>

#include "core/failure.hpp"
#include "core/text.hpp"

// Defines lower_key, lower_label, parse_lower and all_lowers for Enum from a Names table
// (core/names.hpp); the declarations come from ASSURE_REGISTER_NAMES in the area's header.
#define ASSURE_REGISTER_NAMES_FROM(Enum, lower, table)                                   \
    std::string_view lower##_key(Enum v) { return table.key(v); }                        \
    std::string_view lower##_label(Enum v) { return table.label(v); }                    \
    std::optional<Enum> parse_##lower(std::string_view key) { return table.parse(key); } \
    std::vector<Enum> all_##lower##s() { return table.values(); }

namespace assure::register_rules {

// A required field must not be blank; any field must fit within `max` characters.
inline void text_field(FieldErrors& e, std::string_view field, const std::string& v, std::size_t max, const std::string& what,
                       bool required) {
    if (required && trim(v).empty()) {
        e.push_back({std::string(field), "Enter " + what});
    } else if (v.size() > max) {
        e.push_back({std::string(field), "The " + what + " must be " + std::to_string(max) + " characters or fewer"});
    }
}

}  // namespace assure::register_rules
