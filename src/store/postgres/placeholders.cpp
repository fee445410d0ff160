#include "store/postgres/placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace assure::postgres {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The index just past a quoted run that starts at `i` with `quote` ('' or "" escape the quote).
std::size_t past_quoted(std::string_view sql, std::size_t i, char quote) {
    for (++i; i < sql.size(); ++i) {
        if (sql[i] != quote) continue;
        if (i + 1 < sql.size() && sql[i + 1] == quote) {
            ++i;
        } else {
            return i + 1;
        }
    }
    return sql.size();
}

}  // namespace

Rewritten rewrite_placeholders(std::string_view sql) {
    Rewritten out;
    out.sql.reserve(sql.size() + 16);
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        std::size_t end = i + 1;
        if (c == '\'' || c == '"') {
            end = past_quoted(sql, i, c);
        } else if (c == '-' && sql.substr(i, 2) == "--") {
            end = std::min(sql.find('\n', i), sql.size());
        } else if (c == '/' && sql.substr(i, 2) == "/*") {
            const auto close = sql.find("*/", i + 2);
            end = close == std::string_view::npos ? sql.size() : close + 2;
        } else if (c == '?') {
            int number = 0;
            while (end < sql.size() && digit(sql[end])) number = number * 10 + (sql[end++] - '0');
            if (end == i + 1) number = out.parameters + 1;
            out.parameters = std::max(out.parameters, number);
            out.sql += '$' + std::to_string(number);
            i = end;
            continue;
        }
        out.sql.append(sql.substr(i, end - i));
        i = end;
    }
    return out;
}

std::string without_password(std::string_view url) {
    std::string out(url);
    // postgresql://user:secret@host/db -> postgresql://user@host/db
    if (const auto scheme = out.find("://"); scheme != std::string::npos) {
        const auto start = scheme + 3;
        const auto authority_end = std::min(out.find_first_of("/?", start), out.size());
        const auto at = out.rfind('@', authority_end);
        if (at != std::string::npos && at >= start) {
            const auto colon = out.find(':', start);
            if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
        }
    }
    // …?password=secret&sslmode=require -> …?sslmode=require
    for (auto p = out.find("password="); p != std::string::npos; p = out.find("password=", p)) {
        if (p == 0 || (out[p - 1] != '?' && out[p - 1] != '&')) {
            p += 9;
            continue;
        }
        auto end = out.find('&', p);
        if (end == std::string::npos) {
            out.erase(p - 1);  // and the separator before it
        } else {
            out.erase(p, end + 1 - p);
        }
    }
    return out;
}

}  // namespace assure::postgres
