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

std::string_view RouteIndex::first_segment(std::string_view path) {
    if (path.empty() || path[0] != '/') return {};
    path.remove_prefix(1);
    return path.substr(0, path.find('/'));
}

void RouteIndex::add(std::size_t route, const LiteralPrefix& prefix) {
    // The first segment is whole when the literal text goes past it (a '/' follows) or is all
    // of the pattern.
    const std::string_view text = prefix.text;
    const bool starts = !text.empty() && text[0] == '/';
    const bool whole_segment = starts && (prefix.whole || text.find('/', 1) != std::string_view::npos);
    if (!whole_segment) {
        anywhere_.push_back(route);
        for (auto& [segment, routes] : by_segment_) routes.push_back(route);
        return;
    }
    auto [it, added] = by_segment_.try_emplace(std::string(first_segment(text)));
    if (added) it->second = anywhere_;  // the earlier routes that may match anything come first
    it->second.push_back(route);
}

const std::vector<std::size_t>& RouteIndex::candidates(std::string_view path) const {
    const auto it = by_segment_.find(std::string(first_segment(path)));
    return it == by_segment_.end() ? anywhere_ : it->second;
}

}  // namespace assure::web
