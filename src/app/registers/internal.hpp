#pragma once
// What the registers' use cases share: reading typed choices into core's enums with a field
// error, and the ids a list showed (for the access log).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/registers.hpp"
#include "core/text.hpp"

namespace assure::registers_detail {

// "" is none (an error when required); a key the parser does not know is an error.
template <class Parse>
auto enum_field(FieldErrors& errors, const std::string& field, const std::string& raw, Parse parse, const std::string& message,
                bool required) -> decltype(parse(std::string_view())) {
    const std::string key = trim(raw);
    if (key.empty()) {
        if (required) errors.push_back({field, message});
        return std::nullopt;
    }
    auto v = parse(key);
    if (!v) errors.push_back({field, message});
    return v;
}

inline std::optional<FinancialYear> optional_year(FieldErrors& errors, const std::string& raw) {
    const std::string t = trim(raw);
    if (t.empty()) return std::nullopt;
    auto y = FinancialYear::parse(t);
    if (!y) errors.push_back({"year", "Enter the financial year like 2016-17"});
    return y;
}

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(item.id.str());
    return out;
}

}  // namespace assure::registers_detail
