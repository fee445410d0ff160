// DenseNumbers: each distinct string gets the next number, the same string always the same
// one, across the table's growth, checked against std::unordered_map.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dense_numbers.hpp"

namespace assure {
namespace {

TEST(DenseNumbers, NumbersStringsInTheOrderTheyAreFirstMet) {
    DenseNumbers numbers;
    EXPECT_EQ(numbers.number("b"), 0);
    EXPECT_EQ(numbers.number("a"), 1);
    EXPECT_EQ(numbers.number("b"), 0);
    EXPECT_EQ(numbers.number(""), 2);
    EXPECT_EQ(numbers.number(""), 2);
    EXPECT_EQ(numbers.size(), 3);
    EXPECT_EQ(numbers.find("a"), 1);
    EXPECT_EQ(numbers.find("c"), -1);
    EXPECT_EQ(numbers.size(), 3);
}

TEST(DenseNumbers, AgreesWithAHashMapAsItGrowsFromTooSmall) {
    // Ids of every length up to 80, many repeated, into a table told to expect 16: it grows
    // many times on the way to thousands.
    std::mt19937 random(1);
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back(std::string(random() % 80, 'x') + std::to_string(random() % 3000));
    DenseNumbers numbers(16);
    std::unordered_map<std::string, int> expected;
    for (const auto& id : ids) {
        const int want = expected.try_emplace(id, static_cast<int>(expected.size())).first->second;
        ASSERT_EQ(numbers.number(id), want) << id;
    }
    EXPECT_EQ(numbers.size(), static_cast<int>(expected.size()));
    for (const auto& [id, n] : expected) EXPECT_EQ(numbers.find(id), n);
    EXPECT_EQ(numbers.find("not an id"), -1);
}

}  // namespace
}  // namespace assure
