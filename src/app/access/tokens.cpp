// API tokens: made by the `assure token create` command, listed and revoked by their owner, by
// an administrator of the same partnership, or by the command.
#include "app/tokens.hpp"

#include <nlohmann/json.hpp>

#include "app/access.hpp"

namespace assure {
namespace {

// The audit record of a token: never its digest, which would let a reader of the trail match
// a captured token to its row.
nlohmann::json token_audit(const ApiToken& t) {
    return nlohmann::json{{"token", t.id}, {"name", t.name}, {"expires_at", t.expires_at}, {"revoked", t.revoked}};
}

User account_by_email(Transaction& tx, const std::string& email) {
    auto user = tx.users().find_by_email(email);
    if (!user) throw Failure(FailureCode::not_found, "No user account has the email address " + email);
    return *user;
}

// The token, if it is the user's; any other answer is "not found", so ids of other people's
// tokens cannot be probed.
ApiToken token_of(Transaction& tx, UserId user, std::int64_t token_id) {
    auto token = tx.api_tokens().find_by_id(token_id);
    if (!token || token->user != user) throw Failure::not_found("API token " + std::to_string(token_id));
    return *token;
}

// An account of the administrator's own partnership, or "not found".
User account_in_partnership(Transaction& tx, const Actor& actor, UserId id) {
    auto user = tx.users().find(id);
    if (!user || user->partnership != actor.partnership) throw Failure::not_found("user " + id.str());
    return *user;
}

ApiToken revoke(Services& s, Transaction& tx, const Actor& actor, ApiToken token, const char* by) {
    if (token.revoked) {
        throw Failure(FailureCode::invalid, "The token " + token.name + " was already revoked",
                      {{"token", "The token " + token.name + " was already revoked"}});
    }
    const ApiToken before = token;
    const Instant now = s.clock.now();
    if (!tx.api_tokens().revoke(token.id, now)) throw Failure::stale("API token");
    token.revoked = true;
    token.revoked_at = now;
    auto after = token_audit(token);
    after["by"] = by;
    record_audit(tx, actor, now, "api_token.revoke", "user", token.user.str(), token_audit(before).dump(), after.dump());
    return token;
}

Page<ApiToken> page_of_tokens(Services& s, UserId user, const PageRequest& page) {
    Page<ApiToken> out;
    s.store.read([&](Transaction& tx) { out = tx.api_tokens().list_for_user(user, page); });
    return out;
}

}  // namespace

std::string create_api_token(Services& s, const std::string& email, const std::string& name) {
    return create_api_token(s, email, NewToken{name}).secret;
}

CreatedToken create_api_token(Services& s, const std::string& email, const NewToken& input) {
    const int days = input.expires_in_days.value_or(s.sessions.api_token_days);
    if (auto errors = validate_new_token(input.name, days); !errors.empty()) throw Failure::invalid(std::move(errors));
    CreatedToken out{s.tokens.random_token(), {}};
    s.store.write([&](Transaction& tx) {
        const User user = account_by_email(tx, email);
        if (!user.active) throw Failure(FailureCode::invalid, "The user account " + email + " is deactivated");
        if (user.must_change_password) {
            throw Failure(FailureCode::invalid, "The user account " + email +
                                                    " must first sign in and change the password an administrator set");
        }
        const Instant now = s.clock.now();
        out.token = ApiToken{s.tokens.digest(out.secret), user.id, input.name, now, false};
        out.token.expires_at = token_expiry(now, days);
        tx.api_tokens().insert(out.token);
        out.token = *tx.api_tokens().find(out.token.token_hash);
        record_audit(tx, Actor::system(user.partnership), now, "api_token.create", "user", user.id.str(), "",
                     token_audit(out.token).dump());
    });
    return out;
}

Page<ApiToken> list_own_tokens(Services& s, const Actor& actor, const PageRequest& page) {
    require(actor, Permission::signed_in);
    return page_of_tokens(s, actor.user, page);
}

ApiToken get_own_token(Services& s, const Actor& actor, std::int64_t token_id) {
    require(actor, Permission::signed_in);
    ApiToken out;
    s.store.read([&](Transaction& tx) { out = token_of(tx, actor.user, token_id); });
    return out;
}

ApiToken revoke_own_token(Services& s, const Actor& actor, std::int64_t token_id) {
    require(actor, Permission::signed_in);
    ApiToken out;
    s.store.write([&](Transaction& tx) { out = revoke(s, tx, actor, token_of(tx, actor.user, token_id), "its owner"); });
    return out;
}

UserTokens list_user_tokens(Services& s, const Actor& actor, UserId user, const PageRequest& page) {
    require(actor, Permission::manage_users);
    UserTokens out;
    s.store.read([&](Transaction& tx) {
        out.user = account_in_partnership(tx, actor, user);
        out.tokens = tx.api_tokens().list_for_user(user, page);
    });
    return out;
}

ApiToken get_user_token(Services& s, const Actor& actor, UserId user, std::int64_t token_id) {
    require(actor, Permission::manage_users);
    ApiToken out;
    s.store.read([&](Transaction& tx) {
        account_in_partnership(tx, actor, user);
        out = token_of(tx, user, token_id);
    });
    return out;
}

ApiToken revoke_user_token(Services& s, const Actor& actor, UserId user, std::int64_t token_id) {
    require(actor, Permission::manage_users);
    ApiToken out;
    s.store.write([&](Transaction& tx) {
        account_in_partnership(tx, actor, user);
        out = revoke(s, tx, actor, token_of(tx, user, token_id), "an administrator");
    });
    return out;
}

std::vector<ApiToken> tokens_of(Services& s, const std::string& email) {
    std::vector<ApiToken> out;
    s.store.read([&](Transaction& tx) {
        const User user = account_by_email(tx, email);
        PageRequest page{PageRequest::max_limit, ""};
        for (;;) {
            auto found = tx.api_tokens().list_for_user(user.id, page);
            for (auto& t : found.items) out.push_back(std::move(t));
            if (!found.next) break;
            page.after = *found.next;
        }
    });
    return out;
}

ApiToken revoke_token_named(Services& s, const std::string& email, const std::string& name) {
    std::vector<ApiToken> named;
    for (auto& t : tokens_of(s, email)) {
        if (t.name == name && !t.revoked) named.push_back(std::move(t));
    }
    if (named.empty()) throw Failure(FailureCode::not_found, email + " has no unrevoked token named " + name);
    if (named.size() > 1) {
        std::string ids;
        for (const auto& t : named) ids += (ids.empty() ? "" : ", ") + std::to_string(t.id);
        throw Failure(FailureCode::invalid, email + " has " + std::to_string(named.size()) + " tokens named " + name +
                                                " (ids " + ids + "): revoke one with --id");
    }
    return revoke_token_by_id(s, email, named.front().id);
}

ApiToken revoke_token_by_id(Services& s, const std::string& email, std::int64_t token_id) {
    ApiToken out;
    s.store.write([&](Transaction& tx) {
        const User user = account_by_email(tx, email);
        auto token = tx.api_tokens().find_by_id(token_id);
        if (!token || token->user != user.id) {
            throw Failure(FailureCode::not_found, email + " has no token with id " + std::to_string(token_id));
        }
        out = revoke(s, tx, Actor::system(user.partnership), *token, "the assure token command");
    });
    return out;
}

}  // namespace assure
