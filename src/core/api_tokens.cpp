#include "core/api_tokens.hpp"

#include "core/text.hpp"

namespace assure {

TokenState token_state(const ApiToken& token, Instant now) {
    if (token.revoked) return TokenState::revoked;
    if (now >= token.expires_at) return TokenState::expired;
    return TokenState::live;
}

std::string_view token_state_label(TokenState state) {
    switch (state) {
        case TokenState::live: return "Active";
        case TokenState::expired: return "Expired";
        case TokenState::revoked: return "Revoked";
    }
    return "Unknown";
}

bool token_needs_touch(const ApiToken& token, Instant now, std::int64_t touch_every_seconds) {
    return now - token.last_used_at >= touch_every_seconds;
}

FieldErrors validate_new_token(const std::string& name, int days) {
    FieldErrors errors;
    if (trim(name).empty()) {
        errors.push_back({"name", "Enter what the token is for"});
    } else if (name.size() > kTokenNameMax) {
        errors.push_back({"name", "The token's name must be " + std::to_string(kTokenNameMax) + " characters or fewer"});
    }
    if (days < 1 || days > kTokenDaysMax) {
        errors.push_back({"expires_in_days", "A token lasts from 1 to " + std::to_string(kTokenDaysMax) + " days"});
    }
    return errors;
}

Instant token_expiry(Instant created_at, int days) { return created_at + std::int64_t{days} * 24 * 60 * 60; }

}  // namespace assure
