#pragma once
// Reading the parts of a keyset cursor (app/paging.hpp) that are whole numbers: ids, instants.
#include <charconv>
#include <cstdint>
#include <string>

#include "core/failure.hpp"

namespace assure::sql {

inline std::int64_t cursor_number(const std::string& part) {
    std::int64_t v = 0;
    const auto r = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || r.ec != std::errc{} || r.ptr != part.data() + part.size()) {
        throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
    }
    return v;
}

}  // namespace assure::sql
