// What a person's search text means (core/search.cpp), read as web search engines read it:
// words all needed, quotes keep words together, OR between words accepts either, `-` leaves a
// word out; symbols are not words; and the refusals a person reads for text that cannot be a
// search (nothing, only operators, only words to leave out, too long, too many words).
#include <gtest/gtest.h>

#include "core/search.hpp"

using namespace assure;

namespace {

// A word that may begin a longer one, and words matched whole.
SearchPhrase starts(const std::string& word) { return {{word}, true}; }
SearchPhrase whole(std::vector<std::string> words) { return {std::move(words), false}; }

SearchTerms terms(const std::string& text) {
    auto r = parse_search(text);
    EXPECT_TRUE(std::holds_alternative<SearchTerms>(r)) << text << ": " << std::get<FieldError>(r).message;
    return std::holds_alternative<SearchTerms>(r) ? std::get<SearchTerms>(r) : SearchTerms{};
}

std::string refusal(const std::string& text) {
    auto r = parse_search(text);
    EXPECT_TRUE(std::holds_alternative<FieldError>(r)) << text;
    if (!std::holds_alternative<FieldError>(r)) return "";
    EXPECT_EQ(std::get<FieldError>(r).field, "q");
    return std::get<FieldError>(r).message;
}

}  // namespace

TEST(SearchText, EveryWordIsNeededAndWordsAreLowerCasedWithoutSymbols) {
    EXPECT_EQ(terms("  Neglect   STRATEGY! "), (SearchTerms{{{starts("neglect")}, {starts("strategy")}}, {}}));
    EXPECT_EQ(terms("O'Brien"), (SearchTerms{{{whole({"o", "brien"})}}, {}})) << "the words of one token stay together";
    EXPECT_EQ(terms("Siân"), (SearchTerms{{{starts("si\xc3\xa2n")}}, {}})) << "letters beyond ASCII are letters";
}

TEST(SearchText, AWordOfThreeLettersOrMoreAlsoFindsTheLongerWordsItBegins) {
    EXPECT_EQ(terms("negl"), (SearchTerms{{{starts("negl")}}, {}}));
    EXPECT_EQ(terms("Child W"), (SearchTerms{{{starts("child")}, {whole({"w"})}}, {}})) << "one or two letters are whole";
    EXPECT_EQ(terms("ab"), (SearchTerms{{{whole({"ab"})}}, {}}));
    EXPECT_EQ(terms("Siâ"), (SearchTerms{{{starts("si\xc3\xa2")}}, {}})) << "three letters in four bytes";
    EXPECT_EQ(terms("\"neglect\""), (SearchTerms{{{whole({"neglect"})}}, {}})) << "quoted, the word is whole";
    EXPECT_EQ(terms("audit -draft"), (SearchTerms{{{starts("audit")}}, {whole({"draft"})}})) << "a word left out is whole";
}

TEST(SearchText, QuotesKeepWordsTogetherEvenUnclosed) {
    EXPECT_EQ(terms("\"rapid review\" panel"), (SearchTerms{{{whole({"rapid", "review"})}, {starts("panel")}}, {}}));
    EXPECT_EQ(terms("panel \"rapid review"), (SearchTerms{{{starts("panel")}, {whole({"rapid", "review"})}}, {}}));
}

TEST(SearchText, OrBetweenWordsAcceptsEitherAndIsLeftOutWhereItJoinsNothing) {
    EXPECT_EQ(terms("neglect or abuse audit"), (SearchTerms{{{starts("neglect"), starts("abuse")}, {starts("audit")}}, {}}));
    EXPECT_EQ(terms("neglect OR \"sexual abuse\""), (SearchTerms{{{starts("neglect"), whole({"sexual", "abuse"})}}, {}}));
    EXPECT_EQ(terms("or neglect or"), (SearchTerms{{{starts("neglect")}}, {}}));
    EXPECT_EQ(terms("\"or\""), (SearchTerms{{{whole({"or"})}}, {}})) << "quoted, it is a word";
}

TEST(SearchText, AMinusLeavesAWordOrPhraseOut) {
    EXPECT_EQ(terms("audit -draft -\"section 11\""), (SearchTerms{{{starts("audit")}}, {whole({"draft"}), whole({"section", "11"})}}));
    EXPECT_EQ(terms("Section 11 - Police"), (SearchTerms{{{starts("section")}, {whole({"11"})}, {starts("police")}}, {}}))
        << "a lone - is a symbol";
}

TEST(SearchText, NothingToSearchForIsRefusedWithWhatToDo) {
    EXPECT_EQ(refusal(""), "Enter a word or name to search for");
    EXPECT_EQ(refusal("   \t"), "Enter a word or name to search for");
    EXPECT_EQ(refusal("- \"\" OR -- ** &&"), "Enter words or names to search for, not only symbols such as - and \" or the word OR");
    EXPECT_EQ(refusal("-draft -policy"), "Enter a word to find as well as the words to leave out");
}

TEST(SearchText, LongTextIsRefusedNotCut) {
    EXPECT_EQ(refusal(std::string(1000, 'a')), "Search for 200 characters or fewer");
    EXPECT_EQ(refusal(std::string(201, 'a')), "Search for 200 characters or fewer");
    terms(std::string(200, 'a'));
    EXPECT_EQ(refusal("a b c d e f g h i j k l m n o p q"), "Search for 16 words or fewer");
}

TEST(SearchKinds, KeysRoundTripAndCountsSayOneOrMany) {
    for (const auto k : all_search_kinds()) EXPECT_EQ(parse_search_kind(search_kind_key(k)), k);
    EXPECT_FALSE(parse_search_kind("review_case"));
    EXPECT_EQ(search_kind_count(SearchKind::person, 1), "1 person");
    EXPECT_EQ(search_kind_count(SearchKind::person, 2), "2 people");
    EXPECT_EQ(search_kind_count(SearchKind::meeting_action, 3), "3 meeting actions");
    EXPECT_EQ(search_kind_label(SearchKind::improvement_action), "Improvement action plan");
}
