// What counts as readable text: well-formed UTF-8 only, so a form field that holds anything else
// is refused at the edge rather than stored or shown.
#include <gtest/gtest.h>

#include "core/text.hpp"

using assure::is_valid_utf8;

TEST(Text, WellFormedUtf8IsAccepted) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Child O, Zoë, Łódź, 日本, 😀"));
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(Text, MalformedUtf8IsRefused) {
    EXPECT_FALSE(is_valid_utf8(std::string("\xC3", 1)));        // cut short
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));                     // overlong "/"
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));                 // overlong, three bytes
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));                 // a surrogate, U+D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));             // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xFF"));
    EXPECT_FALSE(is_valid_utf8("a\x80" "b"));                      // a continuation byte alone
}
