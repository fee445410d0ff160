#include "core/search.hpp"

#include <array>

namespace assure {
namespace {

struct KindInfo {
    SearchKind kind;
    std::string_view key, label, one, many;
};

constexpr std::array<KindInfo, 8> kKinds{{
    {SearchKind::person, "person", "People", "person", "people"},
    {SearchKind::agency, "agency", "Agencies", "agency", "agencies"},
    {SearchKind::group, "group", "Groups", "group", "groups"},
    {SearchKind::meeting, "meeting", "Meetings and minutes", "meeting", "meetings"},
    {SearchKind::meeting_action, "meeting_action", "Meeting actions", "meeting action", "meeting actions"},
    {SearchKind::learning, "learning", "Learning", "learning record", "learning records"},
    {SearchKind::improvement_action, "improvement_action", "Improvement action plan", "improvement action",
     "improvement actions"},
    {SearchKind::document, "document", "Documents", "document", "documents"},
}};

const KindInfo& info(SearchKind kind) {
    for (const auto& k : kKinds) {
        if (k.kind == kind) return k;
    }
    return kKinds[0];
}

// Letters and digits (any byte of a UTF-8 sequence counts as a letter: names are not only ASCII).
bool word_char(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// The words in a piece of text, lower-cased: what lies between symbols and spaces.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (word_char(c)) {
            word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

// Letters, not bytes: a UTF-8 continuation byte is part of the letter before it.
std::size_t letters(std::string_view word) {
    std::size_t n = 0;
    for (const char c : word) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

struct Token {
    std::vector<std::string> words;
    bool negated = false;
    bool quoted = false;
    bool is_or = false;
};

std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> out;
    std::size_t i = 0;
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (i < text.size()) {
        if (space(text[i])) {
            ++i;
            continue;
        }
        Token t;
        if (text[i] == '-') {
            t.negated = true;
            ++i;
            if (i >= text.size() || space(text[i])) continue;  // a lone '-' is a symbol, not an operator
        }
        if (i < text.size() && text[i] == '"') {
            const auto end = text.find('"', i + 1);
            const auto stop = end == std::string_view::npos ? text.size() : end;
            t.words = words_of(text.substr(i + 1, stop - i - 1));
            t.quoted = true;
            i = stop == text.size() ? stop : stop + 1;
        } else {
            std::size_t j = i;
            while (j < text.size() && !space(text[j]) && text[j] != '"') ++j;
            const auto raw = text.substr(i, j - i);
            i = j;
            t.words = words_of(raw);
            if (!t.negated && t.words.size() == 1 && t.words[0] == "or" && raw.size() == 2) t.is_or = true;
        }
        if (!t.words.empty()) out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

const std::vector<SearchKind>& all_search_kinds() {
    static const std::vector<SearchKind> kinds = [] {
        std::vector<SearchKind> out;
        for (const auto& k : kKinds) out.push_back(k.kind);
        return out;
    }();
    return kinds;
}

std::string_view search_kind_key(SearchKind kind) { return info(kind).key; }

std::optional<SearchKind> parse_search_kind(std::string_view key) {
    for (const auto& k : kKinds) {
        if (k.key == key) return k.kind;
    }
    return std::nullopt;
}

std::string_view search_kind_label(SearchKind kind) { return info(kind).label; }

std::string search_kind_count(SearchKind kind, int n) {
    return std::to_string(n) + " " + std::string(n == 1 ? info(kind).one : info(kind).many);
}

std::variant<SearchTerms, FieldError> parse_search(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return FieldError{"q", "Enter a word or name to search for"};
    if (text.size() > search_max_chars) {
        return FieldError{"q", "Search for " + std::to_string(search_max_chars) + " characters or fewer"};
    }
    const auto tokens = tokens_of(text);
    SearchTerms terms;
    bool join_next = false;  // the previous token was `or`
    std::size_t words = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        const bool has_left = !terms.all_of.empty() && i > 0 && !tokens[i - 1].negated && !tokens[i - 1].is_or;
        const bool has_right = i + 1 < tokens.size() && !tokens[i + 1].negated && !tokens[i + 1].is_or;
        if (t.is_or) {
            // `or` joins the words either side; at the start, the end or beside another operator
            // it joins nothing and is left out, as websearch_to_tsquery leaves it.
            join_next = has_left && has_right;
            continue;
        }
        words += t.words.size();
        SearchPhrase phrase{t.words, !t.quoted && !t.negated && t.words.size() == 1 && letters(t.words[0]) >= search_word_start_min};
        if (t.negated) {
            terms.none_of.push_back(std::move(phrase));
        } else if (join_next) {
            terms.all_of.back().push_back(std::move(phrase));
        } else {
            terms.all_of.push_back({std::move(phrase)});
        }
        join_next = false;
    }
    if (terms.all_of.empty() && terms.none_of.empty()) {
        return FieldError{"q", "Enter words or names to search for, not only symbols such as - and \" or the word OR"};
    }
    if (terms.all_of.empty()) return FieldError{"q", "Enter a word to find as well as the words to leave out"};
    if (words > search_max_words) {
        return FieldError{"q", "Search for " + std::to_string(search_max_words) + " words or fewer"};
    }
    return terms;
}

}  // namespace assure
