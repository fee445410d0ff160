#pragma once
// Signed-in sessions kept in a server's memory between requests, so a page served from the page
// cache asks the database for one figure (the data version) rather than the session, its user and
// the partnership on every request.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/access.hpp"
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

// A kept session is used only at the data version it was read at. Every change that could end or
// alter it moves that version in the same transaction: signing out or ending a session, a change
// to its user (role, deactivation, password) or to the partnership's name. Servers sharing a
// database read the version on each request, so a session ended on one is ended on all at once.
// Its last use is still rewritten when due (the entry is then read afresh), so idle expiry is
// judged as it would be without the cache.
class SessionCache {
public:
    explicit SessionCache(std::size_t max_entries = 10'000) : max_entries_(max_entries) {}
    std::optional<ResolvedSession> resolve(Services& s, const std::string& session_token, std::int64_t data_version);
    [[nodiscard]] std::size_t size() const;

private:
    struct Entry {
        LookedUpSession found;
        std::int64_t data_version = 0;
    };
    void keep(const std::string& digest, const LookedUpSession& found, std::int64_t data_version);

    std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;  // by the digest of the cookie value
};

}  // namespace assure
