#include "core/pieces.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

namespace assure {

void run_in_turn(std::vector<Task>& tasks) {
    for (auto& t : tasks) t();
}

std::size_t line_breaks(std::string_view text) {
    constexpr std::uint64_t kNewlines = 0x0A0A0A0A0A0A0A0AULL;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FFULL;
    std::size_t n = 0;
    std::size_t at = 0;
    while (at + 8 <= text.size()) {
        // Each byte of `tally` counts the line breaks at its place in up to 255 words; then the
        // bytes are added up (in pairs, then by a multiply), so no word costs a popcount.
        std::uint64_t tally = 0;
        for (int words = 0; words < 255 && at + 8 <= text.size(); ++words, at += 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + at, 8);
            const std::uint64_t x = word ^ kNewlines;  // a zero byte where a line break was
            // The high bit of each byte that is zero, exactly (no carry between bytes), moved to
            // the byte's low bit.
            tally += (~(((x & kLow7) + kLow7) | x | kLow7)) >> 7;
        }
        const std::uint64_t pairs = (tally & kEvenBytes) + ((tally >> 8) & kEvenBytes);
        n += static_cast<std::size_t>((pairs * 0x0001000100010001ULL) >> 48);
    }
    for (; at < text.size(); ++at) n += text[at] == '\n' ? 1 : 0;
    return n;
}

InOrder::InOrder(std::size_t count, std::function<void(std::size_t)> join) : done_(count, false), join_(std::move(join)) {}

void InOrder::done(std::size_t piece) {
    std::unique_lock lock(mutex_);
    done_[piece] = true;
    if (joining_) return;  // the thread joining will come to this piece in its turn
    joining_ = true;
    while (next_ < done_.size() && done_[next_]) {
        const std::size_t joined = next_++;
        lock.unlock();
        join_(joined);
        lock.lock();
    }
    joining_ = false;
}

bool shared_between(std::vector<std::vector<std::uint64_t>> lists) {
    std::vector<std::uint64_t> all;
    for (auto& l : lists) {
        std::sort(l.begin(), l.end());
        l.erase(std::unique(l.begin(), l.end()), l.end());
        all.insert(all.end(), l.begin(), l.end());
    }
    std::sort(all.begin(), all.end());
    return std::adjacent_find(all.begin(), all.end()) != all.end();
}

}  // namespace assure
