#pragma once
// Signed-in sessions and API tokens kept in a server's memory between requests, so a page served
// from the page cache asks the database for one figure (the data version) rather than the
// session or token, its user and the partnership on every request.
#include <cstdint>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/access.hpp"
#include "core/api_tokens.hpp"
#include "core/session.hpp"

namespace assure {

// A session as resolve_session found it, with the times its expiry is judged by.
struct LookedUpSession {
    ResolvedSession resolved;
    Session session;
};

// The session behind a cookie read from the database: nothing if it is unknown, expired or its
// user deactivated (an expired one is removed); its last use rewritten when it is due.
std::optional<LookedUpSession> look_up_session(Services& s, const std::string& session_token);

// An API token as resolve_api_token found it, with the times its expiry is judged by.
struct LookedUpToken {
    Actor actor;
    ApiToken token;
    bool touched = false;  // its last use was written now, which moved the data version
};

// The token behind a bearer value read from the database: nothing if it is unknown, revoked,
// expired or its user deactivated; its last use rewritten when it is due.
std::optional<LookedUpToken> look_up_api_token(Services& s, const std::string& bearer);

// Values kept by the digest of a secret, each usable only at the data version it was read at.
// When full, entries of older versions go first (they will never be used again); if every one
// is current, more people are signed in than it holds, and starting afresh costs a lookup each.
template <class Value>
class KeptByVersion {
public:
    explicit KeptByVersion(std::size_t max_entries) : max_entries_(max_entries) {}

    // The value kept for `digest` at `data_version` that `usable` accepts; any other is dropped.
    template <class Usable>
    std::optional<Value> find(const std::string& digest, std::int64_t data_version, Usable usable) {
        const std::lock_guard lock(mutex_);
        const auto it = entries_.find(digest);
        if (it == entries_.end()) return std::nullopt;
        if (it->second.data_version == data_version && usable(it->second.value)) return it->second.value;
        entries_.erase(it);
        return std::nullopt;
    }

    void keep(const std::string& digest, const Value& value, std::int64_t data_version) {
        const std::lock_guard lock(mutex_);
        if (entries_.size() >= max_entries_) {
            for (auto it = entries_.begin(); it != entries_.end();) {
                it = it->second.data_version == data_version ? std::next(it) : entries_.erase(it);
            }
            if (entries_.size() >= max_entries_) entries_.clear();
        }
        entries_.insert_or_assign(digest, Entry{value, data_version});
    }

    [[nodiscard]] std::size_t size() const {
        const std::lock_guard lock(mutex_);
        return entries_.size();
    }

private:
    struct Entry {
        Value value;
        std::int64_t data_version = 0;
    };
    std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

// A kept session is used only at the data version it was read at. Every change that could end or
// alter it moves that version in the same transaction: signing out or ending a session, a change
// to its user (role, deactivation, password) or to the partnership's name. Servers sharing a
// database read the version on each request, so a session ended on one is ended on all at once.
// Its last use is still rewritten when due (the entry is then read afresh), so idle expiry is
// judged as it would be without the cache.
class SessionCache {
public:
    explicit SessionCache(std::size_t max_entries = 10'000) : kept_(max_entries) {}
    std::optional<ResolvedSession> resolve(Services& s, const std::string& session_token, std::int64_t data_version);
    [[nodiscard]] std::size_t size() const { return kept_.size(); }

private:
    KeptByVersion<LookedUpSession> kept_;
};

// API tokens, kept the same way: revoking a token, and any change to its user, moves the data
// version; expiry is judged on each use; a token due for its once-a-minute last-use write is read
// afresh, so `last_used_at` is kept as it would be without the cache.
class TokenCache {
public:
    explicit TokenCache(std::size_t max_entries = 10'000) : kept_(max_entries) {}
    // `data_version` is the version the request read. A last-use write moves it: it is then read
    // again with `read_version`, so the token and the page are kept at the version after it.
    std::optional<Actor> resolve(Services& s, const std::string& bearer, std::int64_t& data_version,
                                 const std::function<std::int64_t()>& read_version);
    [[nodiscard]] std::size_t size() const { return kept_.size(); }

private:
    KeptByVersion<LookedUpToken> kept_;
};

}  // namespace assure
