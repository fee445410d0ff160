#pragma once
// Ports: clock, hashing, tokens and sealing: the services a use case asks of the outside world.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "app/paging.hpp"

namespace assure {

struct Clock {
    virtual ~Clock() = default;
    [[nodiscard]] virtual Instant now() const = 0;
};

struct PasswordHasher {
    virtual ~PasswordHasher() = default;
    [[nodiscard]] virtual std::string hash(const std::string& password) const = 0;
    [[nodiscard]] virtual bool verify(const std::string& hash, const std::string& password) const = 0;
};

struct TokenSource {
    virtual ~TokenSource() = default;
    // An unguessable token (256 bits from a CSPRNG), URL-safe text.
    [[nodiscard]] virtual std::string random_token() const = 0;
    // The one-way digest under which a token is stored, so a database leak reveals no live token.
    [[nodiscard]] virtual std::string digest(const std::string& token) const = 0;
};

// Seals identifiable case details at rest (libsodium secretbox in production).
struct Sealer {
    virtual ~Sealer() = default;
    [[nodiscard]] virtual std::string seal(const std::string& plain) const = 0;
    // Throws Failure (unavailable) if the text was not sealed with this key.
    [[nodiscard]] virtual std::string open(const std::string& sealed) const = 0;
    // A one-way keyed digest of `text` (hex): the same text and context give the same digest
    // under the same key, and nothing recovers the text. The dataset replaces children's ids
    // with it, the partnership in the context, so no two partnerships share a child's digest.
    [[nodiscard]] virtual std::string keyed_digest(std::string_view context, std::string_view text) const = 0;
    // Names the key (16 hex characters) without revealing it: stored beside what it sealed, so
    // it is known which key sealed what.
    [[nodiscard]] virtual std::string key_id() const = 0;
    // The key keyed_digest uses. It starts as a subkey of the case key; after a rotation the
    // database keeps the first one (sealed with the new key), so a child's digest never changes.
    [[nodiscard]] virtual std::string digest_key() const = 0;
    virtual void use_digest_key(std::string key) = 0;
};

}  // namespace assure
