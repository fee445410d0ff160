#pragma once
// A table of an enum's values with the key stored and sent over the API and the label people
// read, so each enum's words are written once.
#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace assure {

template <class E, std::size_t N>
struct Names {
    std::array<std::pair<E, std::pair<std::string_view, std::string_view>>, N> rows;
    [[nodiscard]] std::string_view key(E e) const {
        for (const auto& [v, kl] : rows) if (v == e) return kl.first;
        return "";
    }
    [[nodiscard]] std::string_view label(E e) const {
        for (const auto& [v, kl] : rows) if (v == e) return kl.second;
        return "";
    }
    [[nodiscard]] std::optional<E> parse(std::string_view k) const {
        for (const auto& [v, kl] : rows) if (kl.first == k) return v;
        return std::nullopt;
    }
    [[nodiscard]] std::vector<E> values() const {
        std::vector<E> out;
        for (const auto& row : rows) out.push_back(row.first);
        return out;
    }
};

}  // namespace assure
