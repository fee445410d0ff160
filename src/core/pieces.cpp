#include "core/pieces.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

namespace assure {

void run_in_turn(std::vector<Task>& tasks) {
    for (auto& t : tasks) t();
}

std::size_t line_breaks(std::string_view text) {
    constexpr std::uint64_t kNewlines = 0x0A0A0A0A0A0A0A0AULL;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    std::size_t n = 0;
    std::size_t at = 0;
    for (; at + 8 <= text.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        const std::uint64_t x = word ^ kNewlines;  // a zero byte where a line break was
        // The high bit of each byte that is zero, exactly (no carry between bytes).
        const std::uint64_t zero = ~(((x & kLow7) + kLow7) | x | kLow7);
        n += static_cast<std::size_t>(std::popcount(zero));
    }
    for (; at < text.size(); ++at) n += text[at] == '\n' ? 1 : 0;
    return n;
}

}  // namespace assure
