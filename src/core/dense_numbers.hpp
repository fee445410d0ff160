#pragma once
// Dense numbers for distinct strings: the first string met is 0, the next new one 1, and so on.
// The dataset's computations number a year's children this way (a million rows, a few hundred
// thousand children) to sort and index integers rather than text, and an import remembers each
// id's digest by it. A table of its own, open-addressed in 16 bytes a slot, where
// std::unordered_map allocated a node per child and missed the cache three times a lookup
// (docs/decisions/0047). A string of up to 15 lower-case hex digits (a child's digest) is held in
// its slot as a number, so finding it reads no memory but the slot (decision 0049).
#include <cstdint>
#include <string_view>
#include <vector>

namespace assure {

class DenseNumbers {
public:
    // Room for about `expected` strings before the table grows. The strings are not copied:
    // each must outlive the table.
    explicit DenseNumbers(std::size_t expected = 0);
    // The string's number, given it now when it is new.
    int number(std::string_view s);
    // Tells the table a string is about to be numbered, so its slot is on its way to the cache
    // by then: a year's children are a table of many megabytes, met in no order.
    void expect(std::string_view s) const;
    // The number of `rows[i].child`, the child of the row kAhead on expected first: for a loop
    // over a year's rows in their order.
    template <class Rows>
    int number_child_of(const Rows& rows, std::size_t i) {
        if (i + kAhead < rows.size()) expect(rows[i + kAhead].child);
        return number(rows[i].child);
    }
    // The string's number, or -1 when it has none.
    [[nodiscard]] int find(std::string_view s) const;
    [[nodiscard]] int size() const { return size_; }

private:
    // How far ahead to expect: about as many lookups as the memory has misses in flight.
    static constexpr std::size_t kAhead = 16;
    // A packed key: its digits, four bits each, and its length in the top four bits; no other
    // string has the same. Other strings are held by their address and length.
    static constexpr std::uint32_t kPacked = 0xffffffff;
    struct Key {
        std::uint64_t bits = 0;     // packed, or the address
        std::uint32_t length = 0;   // kPacked, or the length
    };
    struct Slot {  // a Key and its number, in 16 bytes
        std::uint64_t bits = 0;
        std::uint32_t length = 0;
        std::int32_t value = -1;  // -1: empty
    };
    static Key key_of(std::string_view s);
    static bool same(const Slot& slot, const Key& key);
    [[nodiscard]] std::size_t home(const Key& k) const;
    [[nodiscard]] int find(const Key& k) const;
    void grow();

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    int size_ = 0;
};

}  // namespace assure
