#pragma once
// API tokens: a bearer secret a program uses in a person's name. The rules of when one works
// are here, tested with a frozen clock; only a digest of the secret is ever stored.
#include <cstdint>
#include <string>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

struct ApiToken {
    std::string token_hash;  // hex SHA-256 of the bearer value
    UserId user;
    std::string name;        // what it is for, as its owner named it
    Instant created_at = 0;
    bool revoked = false;
    std::int64_t id = 0;     // what pages and commands name it by: never the digest
    Instant expires_at = 0;
    Instant last_used_at = 0;  // 0: never used
    Instant revoked_at = 0;
};

inline constexpr int kTokenDaysDefault = 90;
inline constexpr int kTokenDaysMax = 366;  // a token that outlives a year is one nobody remembers
inline constexpr std::size_t kTokenNameMax = 100;

enum class TokenState { live, expired, revoked };

TokenState token_state(const ApiToken& token, Instant now);
std::string_view token_state_label(TokenState state);  // "Active", "Expired", "Revoked"

// Like a session's last_seen: rewritten at most once in `touch_every_seconds`, so a program
// calling the API many times a second does not make each call a database write.
bool token_needs_touch(const ApiToken& token, Instant now, std::int64_t touch_every_seconds);

// The field errors of a new token's name and lifetime in days (none when both are good).
FieldErrors validate_new_token(const std::string& name, int days);
Instant token_expiry(Instant created_at, int days);

}  // namespace assure
