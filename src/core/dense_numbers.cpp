#include "core/dense_numbers.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <functional>

namespace assure {
namespace {

// Each byte's hex digit, or 16 when it is not one (upper case is not: "AB" and "ab" differ).
constexpr std::array<std::uint8_t, 256> kDigit = [] {
    std::array<std::uint8_t, 256> digits{};
    digits.fill(16);
    for (int c = '0'; c <= '9'; ++c) digits[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) digits[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 10);
    return digits;
}();

}  // namespace

DenseNumbers::DenseNumbers(std::size_t expected) {
    // At most two thirds full (a lookup then probes a slot or two), and no larger: every slot is
    // memory the first lookups touch, and a year's table is a few megabytes.
    static_assert(sizeof(Slot) == 16);
    const std::size_t slots = std::bit_ceil(std::max<std::size_t>(16, expected));
    slots_.resize(slots);
    mask_ = slots - 1;
}

DenseNumbers::Key DenseNumbers::key_of(std::string_view s) {
    if (s.size() <= 15) {
        std::uint64_t bits = 0;
        std::uint8_t seen = 0;
        for (const char c : s) {
            const std::uint8_t digit = kDigit[static_cast<unsigned char>(c)];
            seen |= digit;
            bits = (bits << 4) | (digit & 0xf);
        }
        if (seen < 16) return {bits | (static_cast<std::uint64_t>(s.size()) << 60), kPacked};
    }
    return {reinterpret_cast<std::uintptr_t>(s.data()), static_cast<std::uint32_t>(s.size())};
}

bool DenseNumbers::same(const Slot& slot, const Key& key) {
    if (slot.length != key.length) return false;
    if (key.length == kPacked || slot.bits == key.bits) return slot.bits == key.bits;
    return std::memcmp(reinterpret_cast<const char*>(slot.bits), reinterpret_cast<const char*>(key.bits), key.length) == 0;
}

std::size_t DenseNumbers::home(const Key& k) const {
    if (k.length == kPacked) return static_cast<std::size_t>((k.bits * 0x9e3779b97f4a7c15ULL) >> 32) & mask_;  // Fibonacci hashing
    return std::hash<std::string_view>{}({reinterpret_cast<const char*>(k.bits), k.length}) & mask_;
}

int DenseNumbers::number(std::string_view s) {
    const Key key = key_of(s);
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
        Slot& slot = slots_[i];
        if (slot.value < 0) {
            if (static_cast<std::size_t>(size_ + 1) * 3 > slots_.size() * 2) {
                grow();
                return number(s);
            }
            slot = {key.bits, key.length, size_};
            return size_++;
        }
        if (same(slot, key)) return slot.value;
    }
}

void DenseNumbers::expect(std::string_view s) const { __builtin_prefetch(&slots_[home(key_of(s))]); }

int DenseNumbers::find(std::string_view s) const { return find(key_of(s)); }

int DenseNumbers::find(const Key& key) const {
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.value < 0) return -1;
        if (same(slot, key)) return slot.value;
    }
}

void DenseNumbers::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.value < 0) continue;
        std::size_t i = home({slot.bits, slot.length});
        while (slots_[i].value >= 0) i = (i + 1) & mask_;
        slots_[i] = slot;
    }
}

}  // namespace assure
