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

// Numbers `ids` in a table told to expect 16, so it grows many times, against a hash map.
void expect_numbered_as_a_hash_map_would(const std::vector<std::string>& ids) {
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

TEST(DenseNumbers, AgreesWithAHashMapAsItGrowsFromTooSmall) {
    // Ids of every length up to 80, many repeated, into a table told to expect 16: it grows
    // many times on the way to thousands.
    std::mt19937 random(1);
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back(std::string(random() % 80, 'x') + std::to_string(random() % 3000));
    expect_numbered_as_a_hash_map_would(ids);
}

// Children's digests are up to 15 lower-case hex digits, held as numbers: strings that differ
// only in length, leading zeros, case or one character past the fifteenth stay apart, and hex
// and non-hex strings mix in one table.
TEST(DenseNumbers, KeepsApartStringsThatLookAlikeAsNumbers) {
    const std::vector<std::string> ids = {"",    "0",   "00",  "000000000000000", "0000000000000000", "a",   "A",   "ab",
                                          "AB",  "aB",  "g",   "0a",  "a0",  "fffffffffffffff", "ffffffffffffffff", "123", "0123",
                                          "12 3", "12g", "1230", "f0f0f0f0f0f0f0f", "f0f0f0f0f0f0f0g"};
    DenseNumbers numbers;
    for (std::size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(numbers.number(ids[i]), static_cast<int>(i)) << ids[i];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(numbers.number(ids[i]), static_cast<int>(i)) << ids[i];
        EXPECT_EQ(numbers.find(std::string(ids[i])), static_cast<int>(i)) << ids[i];
    }
    EXPECT_EQ(numbers.find("1"), -1);
    EXPECT_EQ(numbers.find("00000000000000"), -1);
}

TEST(DenseNumbers, AgreesWithAHashMapOnDigestsAsItGrows) {
    // 15-digit digests, and shorter hex, many repeated, through many growths.
    std::mt19937_64 random(2);
    std::vector<std::string> ids;
    constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 20000; ++i) {
        std::string id(random() % 4 == 0 ? random() % 15 : 15, '0');
        for (auto& c : id) c = kHex[random() % (i % 2 == 0 ? 16 : 2)];  // half of them from two digits, to collide more
        ids.push_back(id);
        if (i % 3 == 0) ids.push_back(ids[random() % ids.size()]);
    }
    expect_numbered_as_a_hash_map_would(ids);
}

// A loop over rows numbers each row's child, whatever rows it expects ahead.
TEST(DenseNumbers, NumbersEachRowsChildAsNumberWould) {
    struct Row {
        std::string child;
    };
    std::vector<Row> rows;
    for (int i = 0; i < 100; ++i) rows.push_back({std::to_string(i % 37)});
    DenseNumbers by_row;
    DenseNumbers by_string;
    for (std::size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(by_row.number_child_of(rows, i), by_string.number(rows[i].child)) << i;
    EXPECT_EQ(by_row.size(), 37);
}

}  // namespace
}  // namespace assure
