#pragma once
// Search across the partnership's records (issue 19 item 4; docs/decisions/0026-search-and-my-work.md).
// Pure rules: the kinds of record that can be found, and what a person's search text means.
// The text is read the way web search engines read it (and PostgreSQL's websearch_to_tsquery):
// words must all appear, "quoted words" appear together, `or` between words accepts either,
// and a word after `-` must not appear. Each engine is then asked the same question.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/failure.hpp"

namespace assure {

// What a search can find. Case records, the registers and documents on cases are not here:
// they are need-to-know and are never entered in the index.
enum class SearchKind { person, agency, group, meeting, meeting_action, learning, improvement_action, document };

const std::vector<SearchKind>& all_search_kinds();     // in the order results are grouped
std::string_view search_kind_key(SearchKind kind);     // "meeting_action"
std::optional<SearchKind> parse_search_kind(std::string_view key);
std::string_view search_kind_label(SearchKind kind);   // "Meeting actions" (a group's heading)
// "3 meeting actions", "1 person", "2 people".
std::string search_kind_count(SearchKind kind, int n);

// One thing the results must have: a word, or several words together (a quoted phrase). An
// alternative is a list of such things, any one of which will do ("neglect or abuse").
// A word typed on its own, of search_word_start_min letters or more, also finds the longer words
// it begins ("negl" finds "neglect" and "neglected"; "Mars" finds "Marsden"): people search by the
// first letters of a name. Quoted, or left out with `-`, a word is matched whole.
struct SearchPhrase {
    std::vector<std::string> words;  // lower-case words, letters and digits only
    bool word_start = false;         // its one word may begin a longer word
    bool operator==(const SearchPhrase&) const = default;
};
inline constexpr std::size_t search_word_start_min = 3;

struct SearchTerms {
    std::vector<std::vector<SearchPhrase>> all_of;  // each: alternatives, at least one must match
    std::vector<SearchPhrase> none_of;              // none of these may appear
    bool operator==(const SearchTerms&) const = default;
};

inline constexpr std::size_t search_max_chars = 200;
inline constexpr std::size_t search_max_words = 16;

// The terms of `text`, or the field error (on "q") a person reads: nothing entered, too long,
// nothing but symbols, or only words to leave out.
std::variant<SearchTerms, FieldError> parse_search(std::string_view text);

}  // namespace assure
