#pragma once
// Use cases of API tokens: making one, and listing and revoking them, by their owner on a page,
// by an administrator for the accounts of their own partnership, and by the `assure token`
// command. Resolving a bearer token to its actor is in access.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/api_tokens.hpp"
#include "core/user.hpp"

namespace assure {

struct NewToken {
    std::string name = "cli";
    std::optional<int> expires_in_days = std::nullopt;  // none: the configured lifetime (SessionPolicy::api_token_days)
};

struct CreatedToken {
    std::string secret;  // shown once to whoever made it; only its digest is stored
    ApiToken token;
};

CreatedToken create_api_token(Services& s, const std::string& email, const NewToken& input);

// The signed-in person's own tokens.
Page<ApiToken> list_own_tokens(Services& s, const Actor& actor, const PageRequest& page);
ApiToken get_own_token(Services& s, const Actor& actor, std::int64_t token_id);
ApiToken revoke_own_token(Services& s, const Actor& actor, std::int64_t token_id);

// An administrator's view of one account's tokens: only accounts of their own partnership;
// another partnership's account or token is "not found", as if it were not there.
struct UserTokens {
    User user;
    Page<ApiToken> tokens;
};
UserTokens list_user_tokens(Services& s, const Actor& actor, UserId user, const PageRequest& page);
ApiToken get_user_token(Services& s, const Actor& actor, UserId user, std::int64_t token_id);
ApiToken revoke_user_token(Services& s, const Actor& actor, UserId user, std::int64_t token_id);

// `assure token list` and `assure token revoke`: whoever runs the command on the server may.
std::vector<ApiToken> tokens_of(Services& s, const std::string& email);
// Revokes the one token of that account with this name (not yet revoked); several such tokens
// are refused, naming their ids, so the command never guesses.
ApiToken revoke_token_named(Services& s, const std::string& email, const std::string& name);
ApiToken revoke_token_by_id(Services& s, const std::string& email, std::int64_t token_id);

}  // namespace assure
