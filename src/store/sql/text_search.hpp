#pragma once
// Text search in portable SQL: `lower(col) LIKE '%' || lower(?) || '%' ESCAPE '\'`, with the
// person's text bound through like_literal so that '%', '_' and '\' in it match only themselves.
#include <string>

namespace assure::sql {

// The SQL for "column contains the text bound to `param`", e.g. contains("name", "?4").
inline std::string contains(const std::string& column, const std::string& param) {
    return "lower(" + column + ") LIKE '%' || lower(" + param + ") || '%' ESCAPE '\\'";
}

inline std::string like_literal(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace assure::sql
