#pragma once
// A route's pattern, compiled, with the literal text a path must begin with to match it. The
// route table has some two hundred regexes tried in order; most are turned away by comparing
// that prefix (a pattern with no regex syntax at all by comparing the whole path), so a request
// runs std::regex only on the routes it could match. The regex still decides every match.
#include <regex>
#include <string>
#include <string_view>

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

private:
    std::regex regex_;
    LiteralPrefix prefix_;
};

}  // namespace assure::web
