#include "core/dense_numbers.hpp"

#include <algorithm>
#include <bit>
#include <functional>

namespace assure {

DenseNumbers::DenseNumbers(std::size_t expected) {
    // At most two thirds full (a lookup then probes a slot or two), and no larger: every slot is
    // memory the first lookups touch, and a year's table is a few megabytes.
    const std::size_t slots = std::bit_ceil(std::max<std::size_t>(16, expected));
    slots_.resize(slots);
    mask_ = slots - 1;
}

std::size_t DenseNumbers::home(std::string_view s) const { return std::hash<std::string_view>{}(s) & mask_; }

int DenseNumbers::number(std::string_view s) {
    for (std::size_t i = home(s);; i = (i + 1) & mask_) {
        Slot& slot = slots_[i];
        if (slot.value < 0) {
            if (static_cast<std::size_t>(size_ + 1) * 3 > slots_.size() * 2) {
                grow();
                return number(s);
            }
            slot = {s.data(), static_cast<std::uint32_t>(s.size()), size_};
            return size_++;
        }
        if (std::string_view(slot.data, slot.length) == s) return slot.value;
    }
}

int DenseNumbers::find(std::string_view s) const {
    for (std::size_t i = home(s);; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.value < 0) return -1;
        if (std::string_view(slot.data, slot.length) == s) return slot.value;
    }
}

void DenseNumbers::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.value < 0) continue;
        std::size_t i = home({slot.data, slot.length});
        while (slots_[i].value >= 0) i = (i + 1) & mask_;
        slots_[i] = slot;
    }
}

}  // namespace assure
