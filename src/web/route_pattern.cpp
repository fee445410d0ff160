#include "web/route_pattern.hpp"

namespace assure::web {

LiteralPrefix literal_prefix(std::string_view pattern) {
    // An alternative at the top level means the pattern has no one beginning.
    int depth = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            return {};
        }
    }
    static constexpr std::string_view special = "\\()[]{}.*+?|^$";
    const std::size_t end = pattern.find_first_of(special);
    if (end == std::string_view::npos) return {std::string(pattern), true};
    std::string_view prefix = pattern.substr(0, end);
    const char next = pattern[end];
    if (!prefix.empty() && (next == '?' || next == '*' || next == '+' || next == '{')) prefix.remove_suffix(1);
    return {std::string(prefix), false};
}

}  // namespace assure::web
