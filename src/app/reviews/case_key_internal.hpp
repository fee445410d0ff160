#pragma once
// What the case key check and a rotation share: the known text and how a key is tried on it.
#include <optional>
#include <string>

#include "app/ports.hpp"

namespace assure::case_key_detail {

// What is sealed in the check. Not secret: knowing it does not help to find the key.
inline constexpr const char* kCanaryText = "assure case key check";

// What `sealed` opens to with this sealer's key; nullopt if it was sealed with another.
std::optional<std::string> opened(const Sealer& sealer, const std::string& sealed);

}  // namespace assure::case_key_detail
