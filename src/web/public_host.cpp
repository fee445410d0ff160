#include "web/public_host.hpp"

namespace assure::web {

std::string host_name(std::string_view host_header) {
    // "[::1]:8080" and other bracketed addresses are never a partnership's name.
    const std::string_view name = host_header.substr(0, host_header.find(':'));
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
            out += c;
        } else {
            return {};
        }
    }
    while (!out.empty() && out.back() == '.') out.pop_back();  // "example.org." is the same name
    return out;
}

}  // namespace assure::web
