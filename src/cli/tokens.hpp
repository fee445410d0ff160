#pragma once
// `assure token list` and `assure token revoke`: what the token pages do, for whoever runs the
// server (an account's owner may have no other way to stop a token they lost).
#include <cstdint>
#include <ostream>
#include <string>

#include "app/context.hpp"

namespace assure::cli {

// One line per token, newest first: id, state, name, made, expires, last used.
int list_tokens(Services& s, const std::string& email, std::ostream& out);

// By --name (refused if several unrevoked tokens share it) or by --id from `token list`.
int revoke_token(Services& s, const std::string& email, const std::string& name, std::int64_t id, std::ostream& out);

}  // namespace assure::cli
