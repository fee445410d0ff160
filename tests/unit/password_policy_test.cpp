// NCSC's password guidance: length and a deny-list of common passwords (and what people make of
// them to reach the length), no composition rules.
#include <gtest/gtest.h>

#include "core/password_policy.hpp"
#include "core/user.hpp"

using namespace assure;

TEST(PasswordPolicy, TheShortestAllowedIsTwelveCharacters) {
    EXPECT_TRUE(validate_new_password("short phrase").empty()) << "12 characters with a space";
    const auto too_short = validate_new_password("tulip lamps");
    ASSERT_EQ(too_short.size(), 1u);
    EXPECT_EQ(too_short[0].message, "Password must be 12 characters or more");
}

TEST(PasswordPolicy, ThreeRandomWordsPassWithoutCapitalsDigitsOrSymbols) {
    for (const char* ok : {"correct horse battery staple", "kettle orbit marmalade", "a long enough password",
                           "lanternfishgrapevine", "Rhubarb Tandem Quilt"}) {
        EXPECT_FALSE(guessable_password(ok)) << ok;
        EXPECT_TRUE(validate_new_password(ok).empty()) << ok;
    }
}

TEST(PasswordPolicy, ListedPasswordsAndWhatPeopleMakeOfThemAreRefused) {
    // The shipped list is John the Ripper's (data/passwords): "password", "monkey", "dragon",
    // "iloveyou", "trustno1", "qwerty123" are among its entries.
    for (const char* bad : {"Password1234", "password1234!", "!!monkey2024!!", "dragon123456", "iloveyou2026",
                            "monkeymonkey", "passwordpassword", "trustno1trustno1"}) {
        const auto why = guessable_password(bad);
        ASSERT_TRUE(why) << bad;
        EXPECT_NE(why->find("commonly used password"), std::string::npos) << bad << ": " << *why;
    }
}

TEST(PasswordPolicy, RepeatsAndKeyboardRunsAreRefused) {
    for (const char* bad : {"aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "123456789012", "qwertyuiopas",
                            "lkjhgfdsapoiu", "zxcvbnmzxcvbnm", "0987654321098"}) {
        const auto why = guessable_password(bad);
        ASSERT_TRUE(why) << bad;
    }
    const auto errors = validate_new_password("aaaaaaaaaaaa", "new_password");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "new_password");
    EXPECT_EQ(errors[0].message,
              "This password is a repeated or a keyboard pattern. Choose one that is harder to guess, such as three random words");
}
