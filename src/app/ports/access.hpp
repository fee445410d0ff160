#pragma once
// Ports: users, sessions and API tokens.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/api_tokens.hpp"
#include "core/session.hpp"
#include "core/user.hpp"
#include "app/paging.hpp"

namespace assure {

// The user accounts a list shows, ordered by the person's name (case-insensitively) then id.
struct UserQuery {
    PartnershipId partnership;
    PageRequest page;
};

struct UserRepo {
    virtual ~UserRepo() = default;
    virtual std::optional<User> find(UserId id) = 0;
    virtual std::optional<User> find_by_email(const std::string& email) = 0;
    // Every account of one partnership, for checks inside a change (a panel's members); the
    // accounts list that people read pages through query().
    virtual std::vector<User> list(PartnershipId partnership) = 0;
    virtual Page<User> query(const UserQuery& query) = 0;
    virtual UserId insert(const User& user) = 0;
    virtual bool update(const User& user) = 0;  // role, active, person, password; optimistic
    // Failed-login bookkeeping is the system's, not a person's edit: no version bump.
    virtual void set_lock(UserId id, const LoginLock& lock) = 0;
};

struct SessionRepo {
    virtual ~SessionRepo() = default;
    virtual void insert(const Session& session) = 0;
    virtual std::optional<Session> find(const std::string& token_hash) = 0;
    virtual void touch(const std::string& token_hash, Instant at) = 0;
    virtual void remove(const std::string& token_hash) = 0;
    virtual void remove_for_user(UserId user) = 0;
};

struct ApiTokenRepo {
    virtual ~ApiTokenRepo() = default;
    virtual void insert(const ApiToken& token) = 0;
    virtual std::optional<ApiToken> find(const std::string& token_hash) = 0;
    // Revokes every token of the user not yet revoked. Returns how many that was.
    virtual int revoke_for_user(UserId user, Instant at) = 0;
    virtual std::optional<ApiToken> find_by_id(std::int64_t id) = 0;
    // One user's tokens, newest first (by id), whatever their state.
    virtual Page<ApiToken> list_for_user(UserId user, const PageRequest& page) = 0;
    // Revokes one token; false if it was already revoked (or is not there).
    virtual bool revoke(std::int64_t id, Instant at) = 0;
    virtual void touch(std::int64_t id, Instant at) = 0;
};

}  // namespace assure
