#pragma once
// A route's pattern, compiled, with the literal text a path must begin with to match it. The
// route table has some two hundred regexes tried in order; most are turned away by comparing
// that prefix (a pattern with no regex syntax at all by comparing the whole path), so a request
// runs std::regex only on the routes it could match. The regex still decides every match.
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace assure::web {

struct LiteralPrefix {
    std::string text;     // what every matching path begins with
    bool whole = false;   // the pattern is all literal: a path matches only if it equals `text`
};

// "/agencies/(\d+)" -> "/agencies/"; "/agencies" -> whole; "/reviews?" -> "/review" (a
// quantifier takes back the character it applies to); a top-level "|" -> "".
LiteralPrefix literal_prefix(std::string_view pattern);

class RoutePattern {
public:
    explicit RoutePattern(const std::string& pattern) : regex_(pattern), prefix_(literal_prefix(pattern)) {}
    [[nodiscard]] bool match(const std::string& path, std::smatch& groups) const {
        if (prefix_.whole ? path != prefix_.text : path.compare(0, prefix_.text.size(), prefix_.text) != 0) return false;
        return std::regex_match(path, groups, regex_);
    }
    [[nodiscard]] const LiteralPrefix& prefix() const { return prefix_; }

private:
    std::regex regex_;
    LiteralPrefix prefix_;
};

// The routes a path could match, found by the path's first segment ("p" for "/p/knowsley/") so
// that a request compares itself with a handful of routes rather than all of them. A route
// whose literal prefix holds its whole first segment is listed under that segment; any other
// (a top-level alternative, a quantifier inside the first segment) under every segment. Each
// list keeps the table's order, so the first route that matches is the one it always was.
class RouteIndex {
public:
    // Routes are added in the table's order, `route` counting from 0.
    void add(std::size_t route, const LiteralPrefix& prefix);
    [[nodiscard]] const std::vector<std::size_t>& candidates(std::string_view path) const;

    // "agencies" for "/agencies/12"; "" for "/" or a path not starting with "/".
    static std::string_view first_segment(std::string_view path);

private:
    std::unordered_map<std::string, std::vector<std::size_t>> by_segment_;
    std::vector<std::size_t> anywhere_;  // routes that may match a path of any first segment
};

}  // namespace assure::web
