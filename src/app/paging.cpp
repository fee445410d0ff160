#include "app/paging.hpp"

#include "core/failure.hpp"

namespace assure {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr char kSeparator = '\x1f';  // unit separator: never typed into a sort key

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

// Hex keeps a cursor safe in a URL and a JSON string without escaping, and visibly opaque.
std::string encode_cursor(const std::vector<std::string>& key) {
    std::string joined;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (i) joined += kSeparator;
        joined += key[i];
    }
    std::string out;
    out.reserve(joined.size() * 2);
    for (unsigned char c : joined) {
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
    return out;
}

std::optional<std::vector<std::string>> decode_cursor(std::string_view cursor, std::size_t parts) {
    if (cursor.empty() || cursor.size() % 2 != 0 || cursor.size() > 1024) return std::nullopt;
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < cursor.size(); i += 2) {
        const int hi = hex_value(cursor[i]), lo = hex_value(cursor[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        const char c = static_cast<char>(hi * 16 + lo);
        if (c == kSeparator) out.emplace_back();
        else out.back() += c;
    }
    if (out.size() != parts) return std::nullopt;
    return out;
}

std::vector<std::string> cursor_parts(std::string_view cursor, std::size_t parts) {
    auto decoded = decode_cursor(cursor, parts);
    if (!decoded) throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
    return *decoded;
}

}  // namespace assure
