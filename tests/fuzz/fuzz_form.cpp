// libFuzzer target: a url-encoded form or query string as the server decodes it (cpp-httplib's
// own functions, as web/http_server.cpp calls them), then the UTF-8 check every field passes at
// the edge (core/text.cpp's is_valid_utf8, web/server.cpp). A string the check accepts must
// really be UTF-8: no overlong form, no surrogate, nothing above U+10FFFF.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/text.hpp"

namespace {

// A plain reference decoder: true if `s` is well-formed UTF-8 (RFC 3629).
bool reference_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        const std::uint32_t min = n == 1 ? 0x80 : n == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    httplib::Params params;
    httplib::detail::parse_query_text(input, params);
    for (const auto& [name, value] : params) {
        if (assure::is_valid_utf8(name) != reference_utf8(name)) __builtin_trap();
        if (assure::is_valid_utf8(value) != reference_utf8(value)) __builtin_trap();
    }
    const std::string path = httplib::detail::decode_url(input, false);
    if (assure::is_valid_utf8(path) != reference_utf8(path)) __builtin_trap();
    return 0;
}
