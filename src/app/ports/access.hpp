#pragma once
// Ports: users, sessions and API tokens.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/user.hpp"
#include "app/paging.hpp"

namespace assure {

struct ApiToken {
    std::string token_hash;
    UserId user;
    std::string name;
    Instant created_at = 0;
    bool revoked = false;
};

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
    // Revokes every live token of the user. Returns how many were live.
    virtual int revoke_for_user(UserId user) = 0;
};

}  // namespace assure
