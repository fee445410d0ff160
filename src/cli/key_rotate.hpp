#pragma once
// `assure key rotate`: re-seal the database's children's details with a new case key.
#include <ostream>
#include <string>

#include "app/context.hpp"

namespace assure::cli {

// The new key from `new_key_file` (64 hex characters or 32 raw bytes, mode 0600) or, when that
// is empty, from `new_key_hex` (ASSURE_NEW_CASE_KEY). `s` runs with the current key, already
// checked against the database. Prints what was done and what the operator must do next.
int rotate_case_key_command(Services& s, const std::string& new_key_file, const std::string& new_key_hex, std::ostream& out);

}  // namespace assure::cli
