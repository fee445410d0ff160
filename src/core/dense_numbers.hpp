#pragma once
// Dense numbers for distinct strings: the first string met is 0, the next new one 1, and so on.
// The dataset's computations number a year's children this way (a million rows, a few hundred
// thousand children) to sort and index integers rather than text, and an import remembers each
// id's digest by it. A table of its own, open-addressed in 16 bytes a slot, where
// std::unordered_map allocated a node per child and missed the cache three times a lookup
// (docs/decisions/0047).
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
    // The string's number, or -1 when it has none.
    [[nodiscard]] int find(std::string_view s) const;
    [[nodiscard]] int size() const { return size_; }

private:
    struct Slot {
        const char* data = nullptr;
        std::uint32_t length = 0;
        std::int32_t value = -1;  // -1: empty
    };
    [[nodiscard]] std::size_t home(std::string_view s) const;
    void grow();

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    int size_ = 0;
};

}  // namespace assure
