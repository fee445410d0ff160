#pragma once
// NCSC's password guidance: length, and a deny-list of common and breached passwords; no
// composition rules (they make passwords harder to remember, not to guess).
#include <optional>
#include <string>

namespace assure {

// Why `password` is too easy to guess, in words for the person choosing it; nothing if it is
// not. Checks the shipped list (data/passwords) and what people make of a listed password to
// reach the minimum length.
std::optional<std::string> guessable_password(const std::string& password);

}  // namespace assure
