#include "core/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace assure::core::embedded_password_lists {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const std::unordered_set<std::string>& common() {
    static const std::unordered_set<std::string> list = [] {
        std::unordered_set<std::string> out;
        for (const auto& [file, text] : core::embedded_password_lists::files()) {
            std::size_t start = 0;
            while (start < text.size()) {
                auto end = text.find('\n', start);
                if (end == std::string_view::npos) end = text.size();
                auto line = text.substr(start, end - start);
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                if (!line.empty() && line.rfind("#!comment", 0) != 0) out.insert(lower(line));
                start = end + 1;
            }
        }
        return out;
    }();
    return list;
}

bool listed(const std::string& s) { return !s.empty() && common().count(s) > 0; }

// The password without the digits and symbols people add before and after a word.
std::string core_word(const std::string& s) {
    const auto letter = [](unsigned char c) { return std::isalpha(c) != 0 || c >= 0x80; };
    const auto first = std::find_if(s.begin(), s.end(), letter);
    const auto last = std::find_if(s.rbegin(), s.rend(), letter).base();
    return first < last ? std::string(first, last) : std::string();
}

// The shortest unit the password repeats ("abcabcabc" -> "abc"), or the password itself.
std::string repeated_unit(const std::string& s) {
    for (std::size_t n = 1; n <= s.size() / 2; ++n) {
        if (s.size() % n != 0) continue;
        bool repeats = true;
        for (std::size_t i = n; i < s.size() && repeats; ++i) repeats = s[i] == s[i - n];
        if (repeats) return s.substr(0, n);
    }
    return s;
}

// Runs along a row of the keyboard or the digits, either way, wrapping round.
bool keyboard_run(const std::string& s) {
    static const std::vector<std::string> rows = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
                                                  "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"};
    for (auto row : rows) {
        for (int way = 0; way < 2; ++way) {
            std::string wrapped;
            while (wrapped.size() < s.size() + row.size()) wrapped += row;
            if (wrapped.find(s) != std::string::npos) return true;
            std::reverse(row.begin(), row.end());
        }
    }
    return false;
}

}  // namespace

std::optional<std::string> guessable_password(const std::string& password) {
    const std::string p = lower(password);
    const std::string word = core_word(p);
    const std::string unit = repeated_unit(p);
    const std::string pattern =
        "This password is a repeated or a keyboard pattern. Choose one that is harder to guess, such as three random words";
    if (unit.size() <= 3) return pattern;  // "aaaaaaaaaaaa", "abcabcabcabc": said as what it is
    if (listed(p) || listed(word) || listed(unit) || listed(repeated_unit(word))) {
        return "This is a commonly used password, or one with numbers or symbols added. Choose one that is harder to "
               "guess, such as three random words";
    }
    if (keyboard_run(p) || keyboard_run(unit)) return pattern;
    return std::nullopt;
}

}  // namespace assure
