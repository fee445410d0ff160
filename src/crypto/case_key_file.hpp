#pragma once
// Where the case key comes from: ASSURE_CASE_KEY (64 hexadecimal characters) or a key file
// holding the key as 64 hexadecimal characters (a final newline allowed) or as 32 raw bytes.
// Anything else is refused with a message saying what was found and what is wanted, so a key is
// never read as another key.
#include <string>

namespace assure::crypto {

// The 32 bytes of a key given as 64 hexadecimal characters; `what` names where it came from.
std::string case_key_from_hex(const std::string& hex, const std::string& what);

// The key in an existing file. Refuses a file that its group or others may read ("run
// chmod 600 FILE"), a file that is not a regular file, and any content but the two forms.
std::string read_case_key_file(const std::string& path);

// The case key: from `hex_from_env` if given, else from `key_file`, which is created (mode
// 0600, 32 random bytes) when it does not exist. Sets `created`.
std::string load_case_key(const std::string& hex_from_env, const std::string& key_file, bool& created);

}  // namespace assure::crypto
